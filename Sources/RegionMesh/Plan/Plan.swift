/// The resolved deployment: every name, address, ID and port that any artifact needs, computed
/// once. Emitters read only the Plan; they never re-derive a value. It is `Codable` so that
/// `plan.json` in `out/` shows a reviewer every resolved value and a diff shows any change (a
/// renumbered cluster ID, a moved node IP); the next `generate` reads it back to say what a change
/// does to the running deployment.
///
/// `plan.json` records each region once. What the full mesh repeats for every pair of regions (the
/// DNS forwarders here, the provider's network peerings, the network plugin's mesh peers) follows
/// from the regions alone: it is left out of the file, which would otherwise grow with the square of
/// the region count, and derived again, by the rule that made it, when the file is read.
///
/// The neutral part (regions, address plans, nodes, ports, DNS forwarding) is here; each axis adds
/// its component's part: ``provider``, ``distribution``, ``networkPlugin``, ``database``.
public struct Plan: Sendable, Codable, Equatable {
    /// The topology's name, also the folder under `out/`.
    public let name: String
    /// The topology's one-line summary.
    public let summary: String
    /// The file the topology was declared in, relative to the package root.
    public let sourceFile: String
    /// The Kubernetes cluster domain, the same in every cluster.
    public let clusterDomain: String
    /// The regions, in declaration order.
    public let regions: [RegionPlan]
    /// The infrastructure provider's part: machines and networks.
    public let provider: ProviderPlan
    /// The Kubernetes distribution's part: how each cluster is installed.
    public let distribution: DistributionPlan
    /// The network plugin's part: the pod network and how the clusters' pod networks are joined.
    public let networkPlugin: NetworkPluginPlan
    /// The database's part.
    public let database: DatabasePlan
    /// The command-line tools the scripts call, in the order the components need them.
    public let tools: [ToolRequirement]

    /// The regions other than `region`, in declaration order.
    public func remoteRegions(of region: RegionPlan) -> [RegionPlan] {
        regions.filter { $0.key != region.key }
    }

    /// The region called `key`.
    public func region(_ key: String) -> RegionPlan? {
        regions.first { $0.key == key }
    }

    /// The number of nodes of every region together.
    public var nodeCount: Int { regions.reduce(0) { $0 + $1.nodes.count } }

    /// The container images the components pin (the database's, the cluster DNS's), each once:
    /// what a registry mirror should hold. Images a chart chooses itself are not among them.
    public var images: [ImageReference] {
        ComponentRegistry.images(of: self).compactMap(ImageReference.init)
    }

    /// The regions whose database clients reach from outside, in declaration order.
    public var clientRegions: [RegionPlan] { regions.filter { $0.clientAccess != nil } }
}

extension Plan {
    /// Reads a plan, deriving the full-mesh lists `plan.json` leaves out (older files that still
    /// hold them are read the same way).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let regions = RegionPlan.forwardingToEachOther(try container.decode([RegionPlan].self, forKey: .regions))
        self.init(
            name: try container.decode(String.self, forKey: .name),
            summary: try container.decode(String.self, forKey: .summary),
            sourceFile: try container.decode(String.self, forKey: .sourceFile),
            clusterDomain: try container.decode(String.self, forKey: .clusterDomain),
            regions: regions,
            provider: try container.decode(ProviderPlan.self, forKey: .provider),
            distribution: try container.decode(DistributionPlan.self, forKey: .distribution),
            networkPlugin: try container.decode(NetworkPluginPlan.self, forKey: .networkPlugin).meshed(regions),
            database: try container.decode(DatabasePlan.self, forKey: .database),
            tools: try container.decode([ToolRequirement].self, forKey: .tools))
    }
}

/// One region, fully resolved.
public struct RegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// The Kubernetes namespace of the region's database nodes (the region key).
    public let namespace: String
    /// The DNS zone of that namespace, `<namespace>.svc.<clusterDomain>`: the zone every other
    /// cluster forwards to this cluster's DNS, and the suffix of the region's pod host names.
    public let dnsZone: String
    /// The Kubernetes cluster.
    public let cluster: ClusterPlan
    /// The network, subnet, pod and service ranges.
    public let addresses: AddressPlan
    /// The nodes, in order.
    public let nodes: [NodePlan]
    /// Who may reach which administrative ports from outside the private networks.
    public let adminAccess: AdminAccessPlan
    /// The fixed NodePorts through which the other regions reach this cluster, by purpose name.
    public let nodePorts: [String: Int]
    /// The DNS zones of the other regions and where this cluster forwards their lookups. Not in
    /// `plan.json`: they follow from the other regions.
    public let dnsForwarders: [DNSForwarder]
    /// How clients outside the private networks reach the region's database; nil when they do not
    /// (no `ClientAccess`, or `ClientAccess()`).
    public let clientAccess: ClientAccessPlan?

    /// The fixed NodePort for `purpose`.
    public func nodePort(_ purpose: NodePortPurpose) -> Int {
        nodePorts[purpose.name] ?? purpose.defaultPort
    }

    /// `regions`, each forwarding every other region's zone to that region's nodes on its DNS
    /// NodePort: the planner's rule, and how reading `plan.json` restores the forwarders.
    static func forwardingToEachOther(_ regions: [RegionPlan]) -> [RegionPlan] {
        let forwarders = regions.map { remote in
            DNSForwarder(
                region: remote.key, zone: remote.dnsZone,
                upstreams: remote.nodes.map { "\($0.privateIP):\(remote.nodePort(.dns))" })
        }
        return regions.map { region in
            RegionPlan(
                key: region.key, namespace: region.namespace, dnsZone: region.dnsZone, cluster: region.cluster,
                addresses: region.addresses, nodes: region.nodes, adminAccess: region.adminAccess, nodePorts: region.nodePorts,
                dnsForwarders: forwarders.filter { $0.region != region.key }, clientAccess: region.clientAccess)
        }
    }
}

extension RegionPlan {
    private enum CodingKeys: String, CodingKey {
        case key, namespace, dnsZone, cluster, addresses, nodes, adminAccess, nodePorts, dnsForwarders, clientAccess
    }

    /// Reads a region; its forwarders are derived by ``Plan``, which sees the other regions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            namespace: try container.decode(String.self, forKey: .namespace),
            dnsZone: try container.decode(String.self, forKey: .dnsZone),
            cluster: try container.decode(ClusterPlan.self, forKey: .cluster),
            addresses: try container.decode(AddressPlan.self, forKey: .addresses),
            nodes: try container.decode([NodePlan].self, forKey: .nodes),
            adminAccess: try container.decode(AdminAccessPlan.self, forKey: .adminAccess),
            nodePorts: try container.decode([String: Int].self, forKey: .nodePorts),
            dnsForwarders: [],
            clientAccess: try container.decodeIfPresent(ClientAccessPlan.self, forKey: .clientAccess))
    }

    /// Writes the region without its forwarders, which follow from the other regions.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(dnsZone, forKey: .dnsZone)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(addresses, forKey: .addresses)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(adminAccess, forKey: .adminAccess)
        try container.encode(nodePorts, forKey: .nodePorts)
        try container.encodeIfPresent(clientAccess, forKey: .clientAccess)
    }
}

/// A Kubernetes cluster's identity.
public struct ClusterPlan: Sendable, Codable, Equatable {
    /// The cluster's name in the multi-cluster network and its kubeconfig context.
    public let name: String
    /// The cluster's number in the multi-cluster network.
    public let id: Int
    /// The kubeconfig context, the same as the name.
    public var context: String { name }
}

/// A region's address plan.
public struct AddressPlan: Sendable, Codable, Equatable {
    /// The private network's address space.
    public let network: IPv4Network
    /// The node subnet, inside the network.
    public let subnet: IPv4Network
    /// The pod range: the network plugin's pod pool and the distribution's cluster CIDR.
    public let pods: IPv4Network
    /// The prefix length of each node's block of the pod range.
    public let podsPerNodeMaskSize: Int
    /// The Kubernetes service range.
    public let services: IPv4Network
    /// The cluster DNS service address: the service range's address .10.
    public let dnsServiceIP: IPv4Address
}

/// One node: a machine with a pinned private address.
public struct NodePlan: Sendable, Codable, Equatable {
    /// 1-based position in the region.
    public let index: Int
    /// The machine name, host name and Kubernetes node name.
    public let name: String
    /// The static private address, from the subnet's first usable address upward.
    public let privateIP: IPv4Address
}

/// Administrative access to a region's nodes from outside the private networks.
public struct AdminAccessPlan: Sendable, Codable, Equatable {
    /// Who may connect: CIDR blocks, or any address.
    public let sources: [SourceRange]
    /// The ports they may reach.
    public let ports: [AdminPort]
}

/// An administrative port, as the distribution needs it reachable.
public struct AdminPort: Sendable, Codable, Equatable {
    /// A short name for firewall rules: `SSH`, `KubernetesAPI`, `NodePorts`.
    public let name: String
    /// What a sentence calls it: `the Kubernetes API`.
    public let title: String
    /// The ports.
    public let ports: PortRange
    /// What it is for.
    public let purpose: String

    /// Declares an administrative port.
    public init(name: String, title: String, ports: PortRange, purpose: String) {
        self.name = name
        self.title = title
        self.ports = ports
        self.purpose = purpose
    }
}

/// Where a cluster forwards the lookups of another region's DNS zone.
public struct DNSForwarder: Sendable, Codable, Equatable {
    /// The other region.
    public let region: String
    /// Its zone, `<namespace>.svc.<clusterDomain>`.
    public let zone: String
    /// `host:port` of each of its DNS servers: its nodes on its DNS NodePort.
    public let upstreams: [String]
}

/// A command-line tool the generated scripts call.
public struct ToolRequirement: Sendable, Codable, Equatable, Hashable {
    /// The command.
    public let name: String
    /// Where to get it, phrased to follow "<name> is not installed; ".
    public let hint: String
    /// Whether the scripts work without it (they skip what needs it and say so).
    public let optional: Bool

    /// Declares a tool.
    public init(_ name: String, hint: String, optional: Bool = false) {
        self.name = name
        self.hint = hint
        self.optional = optional
    }
}

/// A source address range of a firewall rule: a CIDR block, or any address.
public enum SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Any address (`*`).
    case any
    /// A CIDR block.
    case network(IPv4Network)

    /// Whether the range admits every address (`*` or `0.0.0.0/0`).
    public var isAnyAddress: Bool {
        switch self {
        case .any: true
        case .network(let network): network.prefixLength == 0
        }
    }

    public var description: String {
        switch self {
        case .any: "*"
        case .network(let network): network.description
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == "*" {
            self = .any
        } else {
            do { self = .network(try IPv4Network.parse(text)) } catch {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
