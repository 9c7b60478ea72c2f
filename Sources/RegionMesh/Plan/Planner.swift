/// The result of compiling a topology: every diagnostic, and the Plan when there is no error.
public struct Compilation: Sendable {
    /// Every finding, sorted by location.
    public let diagnostics: [Diagnostic]
    /// The resolved deployment; nil when any diagnostic is an error.
    public let plan: Plan?
}

/// Validates a topology and resolves it into a ``Plan``.
public enum Planner {
    /// The Kubernetes cluster domain used in every cluster.
    public static let clusterDomain = "cluster.local"

    /// Validates `topology` and, when it has no error, resolves it.
    public static func compile(_ topology: Topology) -> Compilation {
        let (diagnostics, input, parsed) = Validator.check(topology)
        guard !diagnostics.containsErrors, let azure = input.azure, parsed.count == input.regions.count else {
            return Compilation(diagnostics: diagnostics, plan: nil)
        }
        let regions = parsed.map { resolve($0, prefix: azure.namePrefix) }
        let plan = Plan(
            name: topology.name,
            summary: topology.summary,
            sourceFile: topology.location.file,
            azure: AzurePlan(resourceGroup: azure.resourceGroup, location: azure.location.name),
            clusterDomain: clusterDomain,
            regions: regions,
            peerings: peerings(regions, prefix: azure.namePrefix),
            cockroach: CockroachPlan(
                port: CockroachDefaults.port, httpPort: CockroachDefaults.httpPort,
                joinList: regions.flatMap { $0.cockroach.podHosts.map { "\($0):\(CockroachDefaults.port)" } },
                localityTiers: CockroachDefaults.localityTiers,
                initRegion: regions[0].key,
                names: CockroachDefaults.names)
        )
        return Compilation(diagnostics: diagnostics, plan: plan)
    }

    private static func resolve(_ region: ParsedRegion, prefix: String) -> RegionPlan {
        let input = region.input
        let names = AzureNames(prefix: prefix, region: input.key)
        let addresses = region.addresses
        let nodes = (1...region.nodeCount).map { index in
            NodePlan(
                index: index, name: names.vm(index),
                privateIP: addresses.subnet.address(at: AzureSubnet.firstUsableOffset + UInt64(index - 1))!,
                nicName: names.nic(index), publicIPName: names.publicIP(index))
        }
        let namespace = input.key
        let dnsZone = "\(namespace).svc.\(clusterDomain)"
        let crdbNames = CockroachDefaults.names
        let podNames = (0..<region.replicas).map { "\(crdbNames.statefulSet)-\($0)" }
        let rules = region.inboundRules.sorted { $0.priority < $1.priority }.map {
            NSGRule(name: $0.name, priority: $0.priority, networkProtocol: $0.networkProtocol.rawValue, ports: $0.ports, sources: $0.sources, description: $0.description)
        }
        let crdb = input.cockroachDB
        return RegionPlan(
            key: input.key,
            location: input.region.location.name,
            namespace: namespace,
            dnsZone: dnsZone,
            cluster: ClusterPlan(name: input.effectiveClusterName, id: input.region.clusterID),
            network: NetworkPlan(
                vnetName: names.vnet, vnet: addresses.vnet, subnetName: names.subnet, subnet: addresses.subnet,
                nsgName: names.nsg, inboundRules: rules),
            pods: PodsPlan(cidr: addresses.pods, perNodeMaskSize: input.pods!.perNodeMaskSize),
            services: ServicesPlan(cidr: addresses.services, dnsIP: ServiceRange.dnsAddress(in: addresses.services)!),
            nodes: nodes,
            virtualMachine: VirtualMachinePlan(size: input.virtualMachines.size, imageURN: input.virtualMachines.image.urn, adminUser: input.virtualMachines.adminUser),
            k3s: region.k3s,
            cilium: CiliumPlan(version: region.cilium, clusterMapForm: SupportedCilium.usesClusterMap(region.cilium)),
            nodePorts: NodePortsPlan(clusterMesh: input.nodePorts.clusterMesh, dns: input.nodePorts.dns),
            cockroach: CockroachRegionPlan(
                image: "cockroachdb/cockroach:\(region.cockroachVersion.text)",
                version: region.cockroachVersion,
                replicas: region.replicas, storage: region.storage, storageClass: crdb.storageClass,
                cpu: crdb.cpu, memory: region.memory,
                locality: CockroachDefaults.locality(region: input.region.location.name, zone: input.key),
                podNames: podNames,
                podHosts: podNames.map { "\($0).\(crdbNames.headlessService).\(dnsZone)" },
                certificateHosts: CockroachDefaults.certificateHosts(namespace: namespace, dnsZone: dnsZone))
        )
    }

    /// Both directions of every pair, in declaration order.
    private static func peerings(_ regions: [RegionPlan], prefix: String) -> [VNetPeering] {
        regions.flatMap { from in
            regions.filter { $0.key != from.key }.map { to in
                VNetPeering(
                    name: AzureNames(prefix: prefix, region: from.key).peering(to: to.key),
                    fromRegion: from.key, fromVNet: from.network.vnetName, toRegion: to.key, toVNet: to.network.vnetName)
            }
        }
    }
}

/// CockroachDB facts that do not vary by topology.
public enum CockroachDefaults {
    /// SQL and inter-node RPC.
    public static let port = 26257
    /// DB Console and health checks.
    public static let httpPort = 8080
    /// The locality tiers, in the order every node declares them.
    public static let localityTiers = ["region", "zone"]

    /// `region=<region>,zone=<zone>`: the values of ``localityTiers``, in their order.
    static func locality(region: String, zone: String) -> String {
        zip(localityTiers, [region, zone]).map { "\($0)=\($1)" }.joined(separator: ",")
    }
    /// The names of the CockroachDB objects in every region's namespace (those of the upstream manifests).
    public static let names = CockroachNames(
        statefulSet: "cockroachdb", headlessService: "cockroachdb", publicService: "cockroachdb-public",
        nodeSecret: "cockroachdb.node", clientSecret: "cockroachdb.client.root", certsDirectory: "/cockroach/cockroach-certs")

    /// The SANs of a region's node certificate: every name a client or another node may use. The
    /// wildcards over the headless service cover the pod host names (`cockroachdb-0.cockroachdb.<zone>`).
    static func certificateHosts(namespace: String, dnsZone: String) -> [String] {
        let (publicService, headless) = (names.publicService, names.headlessService)
        return [
            "localhost", "127.0.0.1",
            publicService, "\(publicService).\(namespace)", "\(publicService).\(dnsZone)",
            "*.\(headless)", "*.\(headless).\(namespace)", "*.\(headless).\(dnsZone)",
        ]
    }
}
