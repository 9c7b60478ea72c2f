/// How clients outside the private networks reach a region's database: who may, on which ports,
/// and how a front end tells a ready node from one that is not. The ports are the database's
/// (``DatabaseConventions``); every node exposes each on a fixed NodePort, which a front end
/// forwards to and only the node's own ready database pod answers (external traffic policy Local).
public struct ClientAccessPlan: Sendable, Codable, Equatable {
    /// Who may connect: CIDR blocks, or any address. Never empty.
    public let sources: [SourceRange]
    /// The database's client ports, each with the NodePort that exposes it on every node.
    public let ports: [ClientPort]
    /// The check that tells whether a node's database is ready to serve.
    public let readiness: ReadinessCheck

    /// The port of `service`, which every plan has (the database declares both).
    public func port(_ service: ClientService) -> ClientPort {
        guard let port = ports.first(where: { $0.service == service }) else {
            preconditionFailure("the database declares no client port for \(service)")
        }
        return port
    }

    /// The port the readiness check asks.
    public var readinessPort: ClientPort { port(readiness.service) }
}

/// A port on which the database serves clients.
public struct ClientPort: Sendable, Codable, Equatable {
    /// What it serves.
    public let service: ClientService
    /// What a sentence calls it: `SQL`, `the DB Console`.
    public let title: String
    /// The database's own port: what clients connect to, and the front end's port.
    public let port: Int
    /// The NodePort that exposes it on every node, where a front end sends it.
    public let nodePort: Int

    /// Declares a client port.
    public init(service: ClientService, title: String, port: Int, nodePort: Int) {
        self.service = service
        self.title = title
        self.port = port
        self.nodePort = nodePort
    }
}

/// An HTTP(S) request that answers 200 when a database node is ready to serve clients.
public struct ReadinessCheck: Sendable, Codable, Equatable {
    /// The service whose port answers it.
    public let service: ClientService
    /// `HTTPS` or `HTTP`.
    public let scheme: String
    /// The path, query included: `/health?ready=1`.
    public let path: String

    /// Declares a readiness check.
    public init(service: ClientService, scheme: String, path: String) {
        self.service = service
        self.scheme = scheme
        self.path = path
    }
}
