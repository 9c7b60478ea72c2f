/// What a database tells the core and the other components: the ports it serves clients on, and
/// how to tell that a node is ready to serve them.
public struct DatabaseConventions: Sendable {
    /// The database's name, as messages and documents say it.
    public let name: String
    /// Its client ports, each with the fixed NodePort that exposes it on every node when clients
    /// reach the region from outside.
    public let clientPorts: [ClientPort]
    /// The request that answers 200 when a node is ready (a front end's health probe).
    public let readiness: ReadinessCheck

    /// Declares a database's conventions.
    public init(name: String, clientPorts: [ClientPort], readiness: ReadinessCheck) {
        self.name = name
        self.clientPorts = clientPorts
        self.readiness = readiness
    }
}
