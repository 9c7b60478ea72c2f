/// One DNS name for the whole deployment: an Azure Traffic Manager profile,
/// `<trafficManager>.trafficmanager.net`, that answers each client with the front end of a healthy
/// region. Every region with `ClientAccess` gets a front end (a Standard public load balancer over
/// its nodes) and an endpoint in the profile; `ClientAccess()` in a region keeps it out.
public struct GlobalEndpoint: TopologyStatement {
    /// The profile's relative DNS name, unique across Azure: `<name>.trafficmanager.net`. It also
    /// names each region's front end, `<name>-<region key>.<location>.cloudapp.azure.com`.
    public let trafficManager: String
    /// How Traffic Manager picks a region for a client.
    public let routing: TrafficRouting
    /// The client ports the front ends open to `ClientAccess` (the DB Console's port carries the
    /// health checks either way, open to Traffic Manager's probes only when it is not listed).
    public let serves: [ClientService]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the global endpoint.
    public init(
        trafficManager: String, routing: TrafficRouting = .performance, serves: [ClientService] = [.sql, .console],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.trafficManager = trafficManager
        self.routing = routing
        self.serves = serves
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// How Traffic Manager chooses among the healthy regions (learn.microsoft.com,
/// traffic-manager-routing-methods); each sends a region's clients elsewhere when its health check fails.
public enum TrafficRouting: String, Sendable, Codable, CaseIterable {
    /// The region with the lowest latency from the client's DNS resolver.
    case performance = "Performance"
    /// The first healthy region in declaration order (failover).
    case priority = "Priority"
    /// Any healthy region, with equal weights.
    case weighted = "Weighted"
}

/// A geo-replicated Azure Container Registry (Premium) that holds the images the deployment pins;
/// every node pulls them through it, from the replica in or nearest its own location.
public struct ImageRegistry: TopologyStatement {
    /// The registry's name, unique across Azure: `<acr>.azurecr.io`.
    public let acr: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the registry.
    public init(acr: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.acr = acr
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}
