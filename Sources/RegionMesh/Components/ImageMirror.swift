/// A registry that mirrors public registries for the nodes: the provider runs it and says so in
/// its facts; the distribution configures every node to pull through it. The credential is made at
/// setup time into the secrets folder, never into `out/`; only where it is kept is in the Plan.
public struct ImageMirror: Sendable, Codable, Equatable {
    /// The registry's host name, e.g. `crdbglobal.azurecr.io`.
    public let host: String
    /// The public registries it mirrors (their images are pulled through it, and from the public
    /// registry itself when it does not answer), e.g. `docker.io`.
    public let upstreams: [String]
    /// The pull-only user the nodes authenticate as.
    public let username: String
    /// The file, relative to the secrets folder, that holds the user's password once setup made it.
    public let passwordFile: String

    /// Declares a mirror.
    public init(host: String, upstreams: [String], username: String, passwordFile: String) {
        self.host = host
        self.upstreams = upstreams
        self.username = username
        self.passwordFile = passwordFile
    }
}
