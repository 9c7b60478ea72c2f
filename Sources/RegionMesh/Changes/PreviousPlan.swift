/// The plan a topology was last generated with, as its committed plan.json holds it.
public enum PreviousPlan: Sendable {
    /// No plan.json: the topology is generated for the first time.
    case none
    /// A plan.json this version of RegionMesh reads whole.
    case plan(Plan)
    /// A plan.json from another version, of which only the core is read.
    case core(CorePlanRecord)
}

/// The part of a plan.json that every RegionMesh version writes the same way: regions, their
/// clusters, address ranges and nodes. Enough to tell what cannot change in place when the rest
/// of the file is in another version's format.
public struct CorePlanRecord: Sendable, Codable, Equatable {
    public struct Region: Sendable, Codable, Equatable {
        public let key: String
        public let cluster: Cluster
        public let addresses: Addresses
        public let nodes: [Node]
    }

    public struct Cluster: Sendable, Codable, Equatable {
        public let name: String
        public let id: Int
    }

    public struct Addresses: Sendable, Codable, Equatable {
        public let network: IPv4Network
        public let subnet: IPv4Network
        public let pods: IPv4Network
        public let services: IPv4Network
    }

    public struct Node: Sendable, Codable, Equatable {
        public let name: String
        public let privateIP: IPv4Address
    }

    public let name: String
    public let regions: [Region]

    /// The core of a whole plan.
    public init(_ plan: Plan) {
        name = plan.name
        regions = plan.regions.map { region in
            Region(
                key: region.key, cluster: Cluster(name: region.cluster.name, id: region.cluster.id),
                addresses: Addresses(
                    network: region.addresses.network, subnet: region.addresses.subnet, pods: region.addresses.pods,
                    services: region.addresses.services),
                nodes: region.nodes.map { Node(name: $0.name, privateIP: $0.privateIP) })
        }
    }
}
