/// The git repository that holds a team's generated output, as GitOps controllers fetch it: Argo CD
/// applications name it as their source. A repository's own setting, not a topology's: every
/// topology of the repository is committed to it.
public struct GitRepository: Sendable, Equatable, Codable {
    /// The URL controllers clone, e.g. `https://github.com/acme/platform.git`.
    public let url: String
    /// The branch, tag or commit they follow.
    public let revision: String

    /// A repository at `url`, followed at `revision` (`main` unless given).
    public init(url: String, revision: String = "main") {
        self.url = url
        self.revision = revision
    }
}
