/// Cilium as every cluster's CNI, joined into one ClusterMesh: static Helm values, peers reached on
/// their nodes' private addresses on a fixed NodePort, one CA shared by all clusters.
public enum CiliumNetworkPlugin: NetworkPlugin {
    public static let rules: [Rule] = [
        .unsupportedCiliumVersion, .mixedCiliumVersions, .clusterIDOutOfRange, .tooManyClusters, .invalidClusterName,
    ]

    public static let tools = [
        ToolRequirement("helm", hint: "get it from https://helm.sh/docs/intro/install/"),
        ToolRequirement("openssl", hint: "get it from your package manager (e.g. apt-get install openssl)"),
        ToolRequirement(
            "cilium", hint: "get it from https://github.com/cilium/cilium-cli/releases (optional: adds 'cilium clustermesh status' checks)",
            optional: true),
    ]

    public static let conventions = NetworkPluginConventions(
        name: "Cilium", distributionRequirements: [.noBuiltInPodNetwork, .noBuiltInNetworkPolicy], nodePorts: [.clusterMesh])

    /// The chart version when neither a region nor `Defaults` pins one.
    static let defaultVersion = SemanticVersion("1.19.5")!

    /// Cilium's part of a validated topology: each region's chart version.
    public struct Validated: Sendable {
        let versions: [String: SemanticVersion]
    }

    public static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> Validated? {
        CiliumRules.checkIdentities(core, diagnostics: &diagnostics)
        let defaults = CiliumRules.parse(topology.defaults.first(Cilium.self), diagnostics: &diagnostics)
        let versions = core.regions.map { region in
            (region: region.key, version: CiliumRules.parse(region.gathered.own.first(Cilium.self), diagnostics: &diagnostics)
                .or(defaults).or(.value(defaultVersion, at: region.location)))
        }
        CiliumRules.checkMeshVersions(versions, diagnostics: &diagnostics)
        var resolved: [String: SemanticVersion] = [:]
        for (region, version) in versions {
            switch version {
            case .invalid: return nil
            case .absent: resolved[region] = defaultVersion
            case .value(let value, _): resolved[region] = value
            }
        }
        return Validated(versions: resolved)
    }

    public static func plan(_ validated: Validated, context: PlanningContext) -> CiliumPlan {
        CiliumPlan(
            release: "cilium", namespace: "kube-system", chart: "cilium/cilium", repository: "https://helm.cilium.io",
            caFolder: "cilium-ca", caSecret: "cilium-ca", certificateRenewal: "0 0 1 */4 *",
            regions: context.regions.map { region in
                let version = validated.versions[region.key] ?? defaultVersion
                return CiliumRegionPlan(
                    key: region.key, clusterName: region.cluster.name, clusterID: region.cluster.id, version: version,
                    peersForm: SupportedCilium.usesClusterMap(version) ? .map : .list,
                    // Pod traffic rides in a VXLAN tunnel between the nodes' private addresses: it
                    // needs nothing of the provider's networks but node-to-node reachability.
                    routingMode: .tunnel,
                    tunnelProtocol: .vxlan,
                    podPool: region.addresses.pods, podPoolMaskSize: region.addresses.podsPerNodeMaskSize,
                    meshPort: region.nodePort(.clusterMesh),
                    peers: [])
            }).meshed(context.regions)
    }
}

/// Cilium's part of the Plan.
public struct CiliumPlan: Sendable, Codable, Equatable {
    /// The Helm release name.
    public let release: String
    /// The namespace of the release.
    public let namespace: String
    /// The chart.
    public let chart: String
    /// The Helm repository the chart comes from.
    public let repository: String
    /// The folder of the shared ClusterMesh CA inside the secrets folder.
    public let caFolder: String
    /// The Secret in ``namespace`` that holds the shared CA (`ca.crt`, `ca.key`); certgen signs with it.
    public let caSecret: String
    /// When certgen makes the ClusterMesh and Hubble certificates again (cron: every four months).
    public let certificateRenewal: String
    /// The regions, in declaration order.
    public let regions: [CiliumRegionPlan]

    /// The Cilium part of region `key`.
    public func region(_ key: String) -> CiliumRegionPlan? {
        regions.first { $0.key == key }
    }

    /// The part of `region`, which a Plan always has.
    public subscript(region: RegionPlan) -> CiliumRegionPlan {
        guard let part = self.region(region.key) else { preconditionFailure("the Plan has no part for region \(region.key)") }
        return part
    }

    /// The same plan with each cluster peering with every other: their nodes' private addresses
    /// (from the neutral `regions`) on their mesh NodePort. The planner's rule, and how reading
    /// `plan.json`, which leaves the peers out, restores them.
    func meshed(_ regions: [RegionPlan]) -> CiliumPlan {
        let addresses = Dictionary(regions.map { ($0.key, $0.nodes.map(\.privateIP)) }, uniquingKeysWith: { first, _ in first })
        let peers = self.regions.map { (key: $0.key, peer: MeshPeer(name: $0.clusterName, ips: addresses[$0.key] ?? [], port: $0.meshPort)) }
        return CiliumPlan(
            release: release, namespace: namespace, chart: chart, repository: repository, caFolder: caFolder,
            caSecret: caSecret, certificateRenewal: certificateRenewal,
            regions: self.regions.map { region in region.peering(peers.filter { $0.key != region.key }.map(\.peer)) })
    }
}

/// One cluster's Cilium.
public struct CiliumRegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// `cluster.name`.
    public let clusterName: String
    /// `cluster.id`.
    public let clusterID: Int
    /// The chart version.
    public let version: SemanticVersion
    /// How the chart takes the mesh peers.
    public let peersForm: PeersForm
    /// How pod traffic travels between nodes.
    public let routingMode: RoutingMode
    /// The tunnel's protocol.
    public let tunnelProtocol: TunnelProtocol
    /// The cluster pool of pod addresses: the region's pod range (the chart's default, 10.0.0.0/8,
    /// would overlap the VNets and the other clusters).
    public let podPool: IPv4Network
    /// The prefix length of each node's block of the pool.
    public let podPoolMaskSize: Int
    /// The clustermesh-apiserver's NodePort.
    public let meshPort: Int
    /// The other clusters this one connects to. Not in `plan.json`: they follow from the regions.
    public let peers: [MeshPeer]

    /// `clustermesh.config.clusters` as a map keyed by name (chart 1.19+) or as a list (1.18).
    public enum PeersForm: String, Sendable, Codable { case map, list }
    /// Cilium's `routingMode`: `native` needs networks that route pod addresses, which no
    /// provider here has; every cluster tunnels.
    public enum RoutingMode: String, Sendable, Codable { case tunnel, native }
    /// Cilium's `tunnelProtocol`.
    public enum TunnelProtocol: String, Sendable, Codable { case vxlan, geneve }

    /// This cluster with `peers`.
    fileprivate func peering(_ peers: [MeshPeer]) -> CiliumRegionPlan {
        CiliumRegionPlan(
            key: key, clusterName: clusterName, clusterID: clusterID, version: version, peersForm: peersForm,
            routingMode: routingMode, tunnelProtocol: tunnelProtocol, podPool: podPool, podPoolMaskSize: podPoolMaskSize,
            meshPort: meshPort, peers: peers)
    }
}

extension CiliumRegionPlan {
    private enum CodingKeys: String, CodingKey {
        case key, clusterName, clusterID, version, peersForm, routingMode, tunnelProtocol, podPool, podPoolMaskSize, meshPort
    }

    /// Reads a cluster; its peers are derived by ``CiliumPlan/meshed(_:)``, which sees the other regions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            clusterName: try container.decode(String.self, forKey: .clusterName),
            clusterID: try container.decode(Int.self, forKey: .clusterID),
            version: try container.decode(SemanticVersion.self, forKey: .version),
            peersForm: try container.decode(PeersForm.self, forKey: .peersForm),
            routingMode: try container.decode(RoutingMode.self, forKey: .routingMode),
            tunnelProtocol: try container.decode(TunnelProtocol.self, forKey: .tunnelProtocol),
            podPool: try container.decode(IPv4Network.self, forKey: .podPool),
            podPoolMaskSize: try container.decode(Int.self, forKey: .podPoolMaskSize),
            meshPort: try container.decode(Int.self, forKey: .meshPort),
            peers: [])
    }

    /// Writes the cluster without its peers, which follow from the other regions.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(clusterName, forKey: .clusterName)
        try container.encode(clusterID, forKey: .clusterID)
        try container.encode(version, forKey: .version)
        try container.encode(peersForm, forKey: .peersForm)
        try container.encode(routingMode, forKey: .routingMode)
        try container.encode(tunnelProtocol, forKey: .tunnelProtocol)
        try container.encode(podPool, forKey: .podPool)
        try container.encode(podPoolMaskSize, forKey: .podPoolMaskSize)
        try container.encode(meshPort, forKey: .meshPort)
    }
}

/// Another cluster of the mesh, as a peer reaches it.
public struct MeshPeer: Sendable, Codable, Equatable {
    /// Its cluster name.
    public let name: String
    /// Its nodes' private addresses.
    public let ips: [IPv4Address]
    /// Its clustermesh-apiserver NodePort.
    public let port: Int
}
