/// The resolved deployment: every name, address, ID and port that any artifact needs, computed once.
/// Emitters read only the Plan; they never re-derive a value. It is `Codable` so that `plan.json`
/// in `out/` shows a reviewer every resolved value, and a diff shows any change (a renumbered
/// cluster ID, a moved node IP).
public struct Plan: Sendable, Codable, Equatable {
    /// The topology's name, also the folder under `out/`.
    public let name: String
    /// The topology's one-line summary.
    public let summary: String
    /// The file the topology was declared in, relative to the package root.
    public let sourceFile: String
    /// The resource group and where it lives.
    public let azure: AzurePlan
    /// The Kubernetes cluster domain, the same in every cluster.
    public let clusterDomain: String
    /// The regions, in declaration order.
    public let regions: [RegionPlan]
    /// Every one-way VNet peering of the full mesh: N·(N−1).
    public let peerings: [VNetPeering]
    /// What every CockroachDB node shares.
    public let cockroach: CockroachPlan

    /// The regions other than `region`, in declaration order.
    public func remoteRegions(of region: RegionPlan) -> [RegionPlan] {
        regions.filter { $0.key != region.key }
    }
}

/// The resource group.
public struct AzurePlan: Sendable, Codable, Equatable {
    /// The one resource group that holds everything; teardown deletes exactly it.
    public let resourceGroup: String
    /// The resource group's location.
    public let location: String
}

/// One region, fully resolved.
public struct RegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// The Azure location.
    public let location: String
    /// The Kubernetes namespace of the region's CockroachDB nodes (the region key).
    public let namespace: String
    /// The DNS zone of that namespace, `<namespace>.svc.<clusterDomain>`: the zone every other
    /// cluster forwards to this cluster's DNS, and the suffix of the region's pod host names.
    public let dnsZone: String
    /// The k3s cluster.
    public let cluster: ClusterPlan
    /// The VNet, subnet and NSG.
    public let network: NetworkPlan
    /// The pod range and the per-node block size.
    public let pods: PodsPlan
    /// The service range and the DNS service address.
    public let services: ServicesPlan
    /// The nodes, in order.
    public let nodes: [NodePlan]
    /// The VM shape of every node.
    public let virtualMachine: VirtualMachinePlan
    /// The k3s release.
    public let k3s: K3sRelease
    /// The Cilium chart.
    public let cilium: CiliumPlan
    /// The fixed NodePorts through which other regions reach this cluster.
    public let nodePorts: NodePortsPlan
    /// The region's CockroachDB StatefulSet.
    public let cockroach: CockroachRegionPlan
}

/// A k3s cluster's identity.
public struct ClusterPlan: Sendable, Codable, Equatable {
    /// The Cilium cluster name and the kubeconfig context.
    public let name: String
    /// The Cilium cluster ID, 1–255.
    public let id: Int
    /// The kubeconfig context, the same as the name.
    public var context: String { name }
}

/// A region's network resources.
public struct NetworkPlan: Sendable, Codable, Equatable {
    public let vnetName: String
    public let vnet: IPv4Network
    public let subnetName: String
    public let subnet: IPv4Network
    public let nsgName: String
    /// The NSG's inbound allow rules, by priority.
    public let inboundRules: [NSGRule]
}

/// An inbound allow rule of an NSG.
public struct NSGRule: Sendable, Codable, Equatable {
    public let name: String
    public let priority: Int
    /// `Tcp`, `Udp` or `*`, as `az` spells them.
    public let networkProtocol: String
    public let ports: [PortRange]
    /// CIDR blocks, or `*`.
    public let sources: [String]
    public let description: String
}

/// A region's pod range.
public struct PodsPlan: Sendable, Codable, Equatable {
    /// The Cilium cluster pool and the k3s `--cluster-cidr`.
    public let cidr: IPv4Network
    /// The prefix length of each node's block.
    public let perNodeMaskSize: Int
}

/// A region's service range.
public struct ServicesPlan: Sendable, Codable, Equatable {
    /// The k3s `--service-cidr`.
    public let cidr: IPv4Network
    /// The cluster DNS address, k3s `--cluster-dns`: the range's address .10.
    public let dnsIP: IPv4Address
}

/// One node: a VM with a pinned private IP.
public struct NodePlan: Sendable, Codable, Equatable {
    /// 1-based position in the region.
    public let index: Int
    /// The VM name, Linux host name and Kubernetes node name.
    public let name: String
    /// The static private IP, from the subnet's first usable address (.4) upward.
    public let privateIP: IPv4Address
    public let nicName: String
    public let publicIPName: String
}

/// The VM shape.
public struct VirtualMachinePlan: Sendable, Codable, Equatable {
    public let size: String
    public let imageURN: String
    public let adminUser: String
}

/// The Cilium chart of a cluster.
public struct CiliumPlan: Sendable, Codable, Equatable {
    public let version: SemanticVersion
    /// Whether `clustermesh.config.clusters` is written as a map (1.19+) or a list.
    public let clusterMapForm: Bool
}

/// The fixed NodePorts of a cluster.
public struct NodePortsPlan: Sendable, Codable, Equatable {
    /// The clustermesh-apiserver's NodePort.
    public let clusterMesh: Int
    /// The DNS NodePort, UDP and TCP.
    public let dns: Int
}

/// A region's CockroachDB StatefulSet.
public struct CockroachRegionPlan: Sendable, Codable, Equatable {
    /// `cockroachdb/cockroach:<version>`.
    public let image: String
    /// The CockroachDB version, the image tag.
    public let version: SemanticVersion
    public let replicas: Int
    public let storage: Quantity
    /// nil: the cluster's default storage class.
    public let storageClass: String?
    public let cpu: Int
    public let memory: Quantity
    /// `region=<location>,zone=<key>`: the same tiers in the same order in every region.
    public let locality: String
    /// The names of the region's pods, in order: `<statefulSet>-0`, `<statefulSet>-1`, …
    public let podNames: [String]
    /// The stable DNS names of the region's pods, in order: `<pod>.<headlessService>.<dnsZone>`.
    public let podHosts: [String]
    /// The host names of the region's node certificate (its SANs): localhost, the public service
    /// under every name a client may use, and wildcards over the headless service that cover the
    /// pod host names.
    public let certificateHosts: [String]
}

/// What every CockroachDB node of the deployment shares.
public struct CockroachPlan: Sendable, Codable, Equatable {
    /// The SQL/RPC port.
    public let port: Int
    /// The DB Console port.
    public let httpPort: Int
    /// `--join`: every pod of every region, `host:port`.
    public let joinList: [String]
    /// The locality tier names, in order.
    public let localityTiers: [String]
    /// The region whose first pod runs `cockroach init`.
    public let initRegion: String
    /// The Kubernetes names that the manifests, the certificates and the scripts share.
    public let names: CockroachNames
}

/// The names of every region's CockroachDB objects: the same in each region's namespace.
public struct CockroachNames: Sendable, Codable, Equatable {
    /// The StatefulSet; its pods are `<statefulSet>-0`, `-1`, …
    public let statefulSet: String
    /// The headless Service that gives each pod its DNS name (the StatefulSet's `serviceName`).
    public let headlessService: String
    /// The ClusterIP Service that SQL clients connect to.
    public let publicService: String
    /// The Secret with the CA, node and root client certificates, mounted into every pod.
    public let nodeSecret: String
    /// The Secret with the CA and root client certificates, for client pods.
    public let clientSecret: String
    /// Where the pods mount the node Secret: `--certs-dir` of every `cockroach` command in a pod.
    public let certsDirectory: String
}

/// One direction of a VNet peering.
public struct VNetPeering: Sendable, Codable, Equatable {
    public let name: String
    public let fromRegion: String
    public let fromVNet: String
    public let toRegion: String
    public let toVNet: String
}
