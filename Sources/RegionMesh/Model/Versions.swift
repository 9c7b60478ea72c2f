/// A dotted version `MAJOR.MINOR.PATCH`, optionally with a leading `v` and a `+build` or `-pre` suffix.
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The version as written (`v1.33.5+k3s1`).
    public let text: String
    /// The numeric parts.
    public let major: Int, minor: Int, patch: Int
    /// What follows `-` or `+`, if anything.
    public let suffix: String

    /// Parses `v1.33.5+k3s1`, `1.19.5` or `v26.2.1`; `requireV` demands the leading `v`.
    public init?(_ text: String, requireV: Bool = false) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() } else if requireV { return nil }
        let core = rest.prefix { $0 != "+" && $0 != "-" }
        let suffix = rest.dropFirst(core.count)
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.count <= 6 }),
            suffix.isEmpty || suffix.count > 1 && suffix.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
        else { return nil }
        self.text = text
        major = Int(parts[0])!
        minor = Int(parts[1])!
        patch = Int(parts[2])!
        self.suffix = String(suffix)
    }

    public var description: String { text }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a version: \(text)"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// How k3s is installed: a pinned release or a channel.
public enum K3sRelease: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A pinned release, e.g. `v1.33.5+k3s1` (passed as `--k3s-version`).
    case version(SemanticVersion)
    /// A channel, e.g. `stable` (passed as `--k3s-channel`).
    case channel(String)

    public var description: String {
        switch self {
        case .version(let version): version.text
        case .channel(let channel): "channel '\(channel)'"
        }
    }

    private enum CodingKeys: String, CodingKey { case version, channel }

    /// Encoded as `{"version": "v1.33.5+k3s1"}` or `{"channel": "stable"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .version(let version): try container.encode(version, forKey: .version)
        case .channel(let channel): try container.encode(channel, forKey: .channel)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try container.decodeIfPresent(SemanticVersion.self, forKey: .version) {
            self = .version(version)
        } else {
            self = .channel(try container.decode(String.self, forKey: .channel))
        }
    }

    /// The Kubernetes `major.minor` of a pinned release, for schema validation of the manifests.
    public var kubernetesMinor: String? {
        if case .version(let version) = self { return "\(version.major).\(version.minor)" }
        return nil
    }
}

/// The Cilium chart versions this generator writes values for, and why.
public enum SupportedCilium {
    /// Minor lines whose chart values (keys, `clustermesh.config.clusters` form, schema) were read and
    /// checked: 1.18 takes the list form of the mesh peers, 1.19 the map form. 1.20 is pre-release.
    public static let minors: [(major: Int, minor: Int)] = [(1, 18), (1, 19)]

    /// Whether the chart version is supported.
    public static func supports(_ version: SemanticVersion) -> Bool {
        version.suffix.isEmpty && minors.contains { $0.major == version.major && $0.minor == version.minor }
    }

    /// Whether the chart takes `clustermesh.config.clusters` as a map keyed by cluster name (1.19+).
    public static func usesClusterMap(_ version: SemanticVersion) -> Bool {
        (version.major, version.minor) >= (1, 19)
    }
}
