/// A region's front end for clients outside the private networks: a Standard public load balancer
/// whose public IP carries a DNS label (Traffic Manager's Azure endpoints need one:
/// learn.microsoft.com, traffic-manager-endpoint-types), forwarding each client port to its NodePort
/// on the region's nodes, which only a node's own ready database pod answers.
public struct AzureFrontEndPlan: Sendable, Codable, Equatable {
    /// The load balancer.
    public let loadBalancer: String
    /// Its frontend's Standard static public IP.
    public let publicIP: String
    /// The public IP's DNS label.
    public let dnsLabel: String
    /// `<label>.<location>.cloudapp.azure.com`.
    public let fqdn: String
    /// The zones of the public IP: all three where the location has zones (zone-redundant), else none.
    public let zones: [Int]
    /// The frontend IP configuration.
    public let frontendName: String
    /// The backend pool, by the nodes' private IPs.
    public let backendPool: String
    /// The pool's members: each node's name and private IP.
    public let backends: [LoadBalancerBackend]
    /// The health probe every rule uses.
    public let probe: LoadBalancerProbe
    /// One rule per client port.
    public let rules: [LoadBalancerRule]
}

/// A member of a load balancer's backend pool.
public struct LoadBalancerBackend: Sendable, Codable, Equatable {
    /// The node's name.
    public let name: String
    /// Its private IP.
    public let ipAddress: IPv4Address
}

/// A load balancer's health probe: an HTTP(S) GET on a backend port that must answer 200.
public struct LoadBalancerProbe: Sendable, Codable, Equatable {
    /// The probe's name.
    public let name: String
    /// `Https`, `Http` or `Tcp`, as `az network lb probe` takes it.
    public let networkProtocol: String
    /// The backend port it asks.
    public let port: Int
    /// The request path.
    public let path: String
    /// Seconds between two probes.
    public let intervalSeconds: Int
    /// Consecutive failures after which a backend gets no new connections.
    public let failures: Int
}

/// A load-balancing rule: a frontend port to the same service's backend port on every pool member.
public struct LoadBalancerRule: Sendable, Codable, Equatable {
    /// The rule's name.
    public let name: String
    /// The service it carries.
    public let service: ClientService
    /// The port clients connect to.
    public let frontendPort: Int
    /// The NodePort on the nodes.
    public let backendPort: Int
    /// Minutes an idle TCP connection stays open (a TCP reset closes it on both sides afterwards).
    public let idleTimeoutMinutes: Int
}

/// The global endpoint: a Traffic Manager profile with one Azure endpoint per region front end.
public struct TrafficManagerPlan: Sendable, Codable, Equatable {
    /// The profile, named like its relative DNS name.
    public let profile: String
    /// `<profile>.trafficmanager.net`.
    public let fqdn: String
    /// How it picks a region.
    public let routing: TrafficRouting
    /// The client ports the front ends open to `ClientAccess`.
    public let serves: [ClientService]
    /// Seconds resolvers may cache an answer.
    public let ttlSeconds: Int
    /// The health check of every endpoint.
    public let monitor: TrafficManagerMonitor
    /// One endpoint per region front end, in declaration order.
    public let endpoints: [TrafficManagerEndpoint]
}

/// Traffic Manager's health check of its endpoints (learn.microsoft.com, traffic-manager-monitoring):
/// an endpoint is Degraded, and gets no more clients, after `toleratedFailures + 1` failed checks in a row.
public struct TrafficManagerMonitor: Sendable, Codable, Equatable {
    /// `HTTPS` (Traffic Manager does not validate the certificate, only that there is one).
    public let networkProtocol: String
    /// The frontend port it asks.
    public let port: Int
    /// The request path.
    public let path: String
    /// Seconds between checks: 30, or 10 (fast probing, billed extra).
    public let intervalSeconds: Int
    /// Seconds an answer may take: 5–10 with a 30 s interval.
    public let timeoutSeconds: Int
    /// Failed checks in a row that are tolerated: 0–9.
    public let toleratedFailures: Int

    /// Seconds from a region's failure until Traffic Manager stops naming it, at most; resolvers
    /// that cached the answer may use it for one TTL more.
    public var detectionSeconds: Int { (toleratedFailures + 1) * intervalSeconds + timeoutSeconds }
}

/// A Traffic Manager endpoint: a region's front end.
public struct TrafficManagerEndpoint: Sendable, Codable, Equatable {
    /// The endpoint's name: the region key.
    public let name: String
    /// The region.
    public let region: String
    /// The public IP of the region's front end (its resource ID is read at run time).
    public let publicIP: String
    /// Its priority under priority routing (1 first).
    public let priority: Int?
    /// Its weight under weighted routing.
    public let weight: Int?
}

/// The Premium container registry, geo-replicated to every region's location, and the pull-only
/// token the nodes use.
public struct ContainerRegistryPlan: Sendable, Codable, Equatable {
    /// The registry.
    public let name: String
    /// `<name>.azurecr.io`.
    public let loginServer: String
    /// `Premium`: geo-replication and tokens need it.
    public let sku: String
    /// Where it is created: the resource group's location when a region runs there, else the first region's.
    public let home: AzureLocation
    /// Its replications: every other location a region runs in.
    public let replications: [AzureLocation]
    /// The token the nodes pull with.
    public let token: String
    /// The token's scope map: the system map that may pull any repository and do nothing else.
    public let scopeMap: String
    /// The public registries whose images it holds and the nodes pull through it.
    public let upstreams: [String]
    /// The file, relative to the secrets folder, that holds the token's password once setup made it.
    public let passwordFile: String

    /// Every location that holds a replica: the home location first.
    public var locations: [AzureLocation] { [home] + replications }
}
