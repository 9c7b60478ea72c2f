/// CockroachDB as one StatefulSet per region in the region's namespace, the nodes of every region
/// joined into one cluster across the clusters' DNS.
public enum CockroachDatabase: Database {
    public static let rules: [Rule] = [
        .invalidStorageClass, .replicasExceedNodes, .tooFewReplicasForSurvival, .tooFewRegionsForSurvival, .mixedCockroachVersions,
    ]

    public static let tools = [
        ToolRequirement("cockroach", hint: "get it from https://www.cockroachlabs.com/docs/stable/install-cockroachdb"),
        ToolRequirement("kubectl", hint: "get it from https://kubernetes.io/docs/tasks/tools/"),
    ]

    /// The settings when neither a region nor `Defaults` gives them.
    static let defaults = (version: SemanticVersion("v26.2.1")!, storage: Quantity("100Gi")!, cpu: 2, memory: Quantity("8Gi")!)

    /// SQL and inter-node RPC.
    public static let port = 26257
    /// DB Console and health checks.
    public static let httpPort = 8080
    /// The ports clients use and how a front end tells a ready node: SQL and the DB Console, each
    /// on a fixed NodePort of every node when clients reach the region from outside; the readiness
    /// endpoint is the one each pod's own readiness probe asks (200 when the node accepts SQL, 503
    /// while it is not ready or drains: cockroachlabs.com/docs/stable/monitoring-and-alerting,
    /// "Health endpoints").
    public static let conventions = DatabaseConventions(
        name: "CockroachDB",
        clientPorts: [
            ClientPort(service: .sql, title: "SQL", port: port, nodePort: 30257),
            ClientPort(service: .console, title: "the DB Console", port: httpPort, nodePort: 30080),
        ],
        readiness: ReadinessCheck(service: .console, scheme: "HTTPS", path: "/health?ready=1"))

    /// The locality tiers, in the order every node declares them.
    public static let localityTiers = ["region", "zone"]

    /// How many pods of each region the `--join` list names. CockroachDB's guidance for
    /// `cockroach start --join` (https://www.cockroachlabs.com/docs/stable/cockroach-start#networking):
    /// in a single region, the addresses of 3–5 initial nodes; in several regions, more than one
    /// address per region, spread across failure domains; the same list on every node; and not
    /// every node of the cluster, which slows down how fast a new cluster stabilizes. So: three pods
    /// of a lone region, two of each region otherwise (the required anti-affinity puts them on
    /// different Kubernetes nodes), fewer where a region has fewer pods. Nodes found through gossip
    /// do the rest, so the list grows with the regions, not with the pods.
    public static func joinPodsPerRegion(regions: Int) -> Int {
        regions == 1 ? 3 : 2
    }
    /// The names of the CockroachDB objects in every region's namespace (those of the upstream manifests).
    public static let names = CockroachNames(
        statefulSet: "cockroachdb", headlessService: "cockroachdb", publicService: "cockroachdb-public",
        nodeSecret: "cockroachdb.node", clientSecret: "cockroachdb.client.root", certsDirectory: "/cockroach/cockroach-certs")

    /// CockroachDB's part of a validated topology: each region's settings.
    public struct Validated: Sendable {
        let regions: [String: RegionSettings]
    }

    /// A region's CockroachDB settings, every field resolved.
    struct RegionSettings: Sendable {
        let version: SemanticVersion
        let storage: Quantity
        let cpu: Int
        let memory: Quantity
        let replicas: Int
        let storageClass: String?
    }

    public static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> Validated? {
        CockroachRules.checkSurvival(topology, diagnostics: &diagnostics)
        let defaults = CockroachSettings.parse(topology.defaults.first(CockroachDB.self), diagnostics: &diagnostics)
        var regions: [String: RegionSettings] = [:]
        var failed = false
        var versions: [(region: String, version: Parsed<SemanticVersion>)] = []
        defer { CockroachRules.checkVersions(versions, diagnostics: &diagnostics) }
        for region in core.regions {
            let settings = CockroachSettings.parse(region.gathered.own.first(CockroachDB.self), diagnostics: &diagnostics).overriding(defaults)
            versions.append((region.key, settings.version.or(.value(Self.defaults.version, at: region.location))))
            CockroachRules.checkReplicas(settings, region: region, diagnostics: &diagnostics)
            let fields = [settings.version.isInvalid, settings.storage.isInvalid, settings.cpu.isInvalid, settings.memory.isInvalid,
                settings.replicas.isInvalid, settings.storageClass.isInvalid]
            guard !fields.contains(true), let nodes = region.nodes.value else {
                failed = true
                continue
            }
            regions[region.key] = RegionSettings(
                version: settings.version.value ?? Self.defaults.version, storage: settings.storage.value ?? Self.defaults.storage,
                cpu: settings.cpu.value ?? Self.defaults.cpu, memory: settings.memory.value ?? Self.defaults.memory,
                replicas: settings.replicas.value ?? nodes, storageClass: settings.storageClass.value)
        }
        return failed ? nil : Validated(regions: regions)
    }

    public static func storagePerNode(_ validated: Validated) -> [String: Quantity] {
        validated.regions.mapValues(\.storage)
    }

    public static func plan(_ validated: Validated, context: PlanningContext) -> CockroachPlan {
        let regions = context.regions.map { region in
            let settings = validated.regions[region.key]!
            let podNames = (0..<settings.replicas).map { "\(names.statefulSet)-\($0)" }
            let placement = context.provider?.placement(ofRegion: region.key) ?? region.key
            return CockroachRegionPlan(
                key: region.key,
                image: "cockroachdb/cockroach:\(settings.version.text)",
                version: settings.version,
                replicas: settings.replicas, storage: settings.storage, storageClass: settings.storageClass,
                cpu: settings.cpu, memory: settings.memory,
                locality: zip(localityTiers, [placement, region.key]).map { "\($0)=\($1)" }.joined(separator: ","),
                nodeLocalities: nodeLocalities(region, placement: placement, context: context),
                podNames: podNames,
                podHosts: podNames.map { "\($0).\(names.headlessService).\(region.dnsZone)" },
                certificateHosts: certificateHosts(namespace: region.namespace, dnsZone: region.dnsZone)
                    + (context.provider?.clientHostNames(ofRegion: region.key) ?? []))
        }
        return CockroachPlan(
            port: port, httpPort: httpPort,
            joinList: regions.flatMap { $0.podHosts.prefix(joinPodsPerRegion(regions: regions.count)).map { "\($0):\(port)" } },
            localityTiers: localityTiers,
            initRegion: regions[0].key,
            names: names,
            certificatesFolder: "cockroachdb",
            regions: regions)
    }

    public static func images(_ part: CockroachPlan) -> [String] {
        part.regions.map(\.image)
    }

    /// Per node, its locality with its own zone, when the provider places the region's nodes in
    /// zones; empty otherwise (every pod of the region then has the region's locality). A pod
    /// learns its node's name from the downward API and picks its locality from this table, so
    /// the zone tier is the real failure domain and the ZONE survival goal works.
    static func nodeLocalities(_ region: RegionPlan, placement: String, context: PlanningContext) -> [NodeLocality] {
        let zones = region.nodes.map { context.provider?.zone(ofNode: $0.index, inRegion: region.key) }
        guard zones.allSatisfy({ $0 != nil }) else { return [] }
        return zip(region.nodes, zones).map { node, zone in
            NodeLocality(node: node.name, locality: zip(localityTiers, [placement, zone!]).map { "\($0)=\($1)" }.joined(separator: ","))
        }
    }

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
