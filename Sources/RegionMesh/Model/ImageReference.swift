/// A container image reference as a container runtime reads it: `cockroachdb/cockroach:v26.2.1`
/// is `docker.io/cockroachdb/cockroach:v26.2.1`, and `busybox:1` is `docker.io/library/busybox:1`.
/// The first path component names a registry only when it has a `.` or a `:` or is `localhost`
/// (the rule of the distribution reference grammar that Docker and containerd share).
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host, e.g. `docker.io`.
    public let registry: String
    /// The repository within it, e.g. `cockroachdb/cockroach` or `library/busybox`.
    public let repository: String
    /// `:tag` or `@digest`.
    public let reference: String

    /// The registry Docker Hub images are pulled from when their name gives none.
    public static let dockerHub = "docker.io"

    /// Parses `text`; nil when it has no tag or digest (a deployment pins its images).
    public init?(_ text: String) {
        var rest = Substring(text)
        var registry = Self.dockerHub
        if let slash = rest.firstIndex(of: "/") {
            let first = rest[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                registry = String(first)
                rest = rest[rest.index(after: slash)...]
            }
        }
        let reference: Substring
        if let at = rest.firstIndex(of: "@") {
            reference = rest[at...]
            rest = rest[..<at]
        } else if let colon = rest.lastIndex(of: ":") {
            reference = rest[colon...]
            rest = rest[..<colon]
        } else {
            return nil
        }
        guard !rest.isEmpty, reference.count > 1 else { return nil }
        self.registry = registry == "index.docker.io" ? Self.dockerHub : registry
        self.repository = registry == Self.dockerHub && !rest.contains("/") ? "library/\(rest)" : String(rest)
        self.reference = String(reference)
    }

    /// The repository and its tag or digest, as a registry names the image: `cockroachdb/cockroach:v26.2.1`.
    public var path: String { repository + reference }

    /// The fully qualified reference: `docker.io/cockroachdb/cockroach:v26.2.1`.
    public var description: String { "\(registry)/\(path)" }
}
