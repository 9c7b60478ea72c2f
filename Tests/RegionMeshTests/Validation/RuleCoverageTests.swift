import RegionMesh
import RegionMeshTestSupport
import Testing

private let thisFile = "Tests/RegionMeshTests/Validation/RuleCoverageTests.swift"

/// One finding a rule case must produce.
struct ExpectedFinding: Sendable {
    /// The declaration at fault.
    let location: RegionMesh.SourceLocation
    /// The other declaration, when two conflict.
    let related: RegionMesh.SourceLocation?
    /// Texts the message must contain (the values and regions involved).
    let mentions: [String]

    init(at location: RegionMesh.SourceLocation, related: RegionMesh.SourceLocation? = nil, mentions: [String]) {
        self.location = location
        self.related = related
        self.mentions = mentions
    }
}

/// A topology that breaks one rule: the valid fixture with one thing changed.
struct RuleCase: Sendable {
    let topology: Topology
    /// The severity the rule must have, spelled out here rather than read from `Rule.severity`.
    let severity: Diagnostic.Severity
    /// Every finding of the rule, in location order.
    let findings: [ExpectedFinding]
    /// The other rules the change also breaks; anything else reported is a failure.
    let alsoReported: Set<Rule>
    /// Other topologies of the same repository, validated before `topology` and with it (for the
    /// rules about what topologies share); each is valid on its own.
    let alongside: [Topology]

    init(
        _ topology: Topology, _ severity: Diagnostic.Severity, _ findings: [ExpectedFinding], alsoReported: Set<Rule> = [],
        alongside: [Topology] = []
    ) {
        self.topology = topology
        self.severity = severity
        self.findings = findings
        self.alsoReported = alsoReported
        self.alongside = alongside
    }

    /// The diagnostics of `topology`, validated with the topologies alongside it.
    var diagnostics: [Diagnostic] {
        alongside.isEmpty ? Pipeline.validate(topology).diagnostics : Pipeline.validate(alongside + [topology]).last!.diagnostics
    }

    /// The compilation of `topology`, with the topologies alongside it.
    var compilation: Compilation {
        alongside.isEmpty ? Pipeline.compile(topology) : Pipeline.compile(alongside + [topology]).last!
    }
}

/// A topology that breaks each rule. A rule of `Rule.catalogue` without an entry here fails `everyRuleIsCovered`.
/// The offending declarations are written in this file, so every expected location is a line here.
enum RuleCases {
    /// The rules about a repository's source files rather than a topology, each with the suite that
    /// breaks it.
    static let repositoryRules: [Rule: String] = [.unregisteredTopology: "RegistrationTests"]

    static let covered: [Rule: @Sendable () -> RuleCase] = [
        .adminOpenToInternet: {
            let open = AdminAccess(from: "*")
            return RuleCase(
                Fixture.topology(defaults: [open]) { Fixture.regions(3) }, .warning,
                [ExpectedFinding(at: open.sourceLocation, mentions: ["regions 'r1', 'r2', 'r3'", "open to any address"])])
        },
        .cidrHostBitsSet: {
            let pods = Pods("10.102.1.5/16")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { pods }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: pods.sourceLocation, mentions: ["pod range of region 'r2'", "'10.102.1.5/16'", "did you mean '10.102.0.0/16'"])])
        },
        .clientAccessWithoutGlobalEndpoint: {
            let clients = ClientAccess(from: "145.40.0.0/24")
            return RuleCase(
                Fixture.topology(defaults: [clients]) { Fixture.regions(3) }, .error,
                [ExpectedFinding(at: clients.sourceLocation, mentions: ["ClientAccess of regions 'r1', 'r2', 'r3' has no front end", "no GlobalEndpoint(trafficManager:)"])])
        },
        .clientsOpenToInternet: {
            let open = ClientAccess(from: "*")
            return RuleCase(
                Fixture.topology(defaults: [open]) {
                    GlobalEndpoint(trafficManager: "fixture-global")
                    Fixture.regions(3)
                }, .warning,
                [ExpectedFinding(at: open.sourceLocation, mentions: ["client ports of regions 'r1', 'r2', 'r3'", "open to any address"])])
        },
        .clusterIDOutOfRange: {
            let zero = Fixture.region(1, clusterID: 0)
            let region = Fixture.region(2, clusterID: 256)
            return RuleCase(
                Fixture.topology {
                    zero
                    region
                    Fixture.region(3)
                }, .error,
                [
                    ExpectedFinding(at: zero.sourceLocation, mentions: ["cluster ID 0", "region 'r1'", "below 1"]),
                    ExpectedFinding(at: region.sourceLocation, mentions: ["cluster ID 256", "region 'r2'", "above 255"]),
                ])
        },
        .dataDiskTooSmall: {
            let disks = DataDisks(sizeGiB: 64)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) {
                        CockroachDB(storage: "100Gi")
                        disks
                    }
                    Fixture.region(3)
                }, .error,
                [ExpectedFinding(at: disks.sourceLocation, mentions: ["64 GiB data disks of region 'r2'", "100Gi", "at least 100 GiB"])])
        },
        .duplicateClusterID: {
            let second = Fixture.region(2)
            let third = Fixture.region(3, clusterID: 2)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    second
                    third
                }, .error, [ExpectedFinding(at: third.sourceLocation, related: second.sourceLocation, mentions: ["cluster ID 2", "region 'r3'"])])
        },
        .duplicateClusterName: {
            let first = ClusterName("shared")
            let again = ClusterName("shared")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1) { first }
                    Fixture.region(2)
                    Fixture.region(3) { again }
                }, .error, [ExpectedFinding(at: again.sourceLocation, related: first.sourceLocation, mentions: ["'shared'"])])
        },
        .duplicateDeclaration: {
            let first = Services("10.202.0.0/16")
            let again = Services("10.222.0.0/16")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) {
                        first
                        again
                    }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: again.sourceLocation, related: first.sourceLocation, mentions: ["Services", "region 'r2'"])])
        },
        .duplicateNSGPriority: {
            let sql = InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24"])
            let console = InboundRule("AllowConsole", priority: 200, ports: ["8080"], from: ["145.40.0.0/24"])
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) {
                        sql
                        console
                    }
                    Fixture.region(3)
                }, .error,
                [ExpectedFinding(at: console.sourceLocation, related: sql.sourceLocation, mentions: ["'AllowConsole'", "'AllowSQL'", "priority 200"])])
        },
        .duplicateNSGRuleName: {
            // An extra rule named like an administrative rule (names compare case-insensitively, as
            // Azure's do), and two extra rules with one name.
            let admin = AdminAccess(from: "145.40.0.0/24")
            let ssh = InboundRule("allowssh", priority: 200, ports: ["2222"], from: ["145.40.0.0/24"])
            let sql = InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24"])
            let again = InboundRule("ALLOWSQL", priority: 210, ports: ["8080"], from: ["145.40.0.0/24"])
            return RuleCase(
                Fixture.topology(defaults: [admin]) {
                    Fixture.region(1)
                    Fixture.region(2) { ssh }
                    Fixture.region(3) {
                        sql
                        again
                    }
                }, .error,
                [
                    ExpectedFinding(
                        at: ssh.sourceLocation, related: admin.sourceLocation,
                        mentions: ["inbound rule 'allowssh' of region 'r2'", "the administrative rule 'AllowSSH'"]),
                    ExpectedFinding(
                        at: again.sourceLocation, related: sql.sourceLocation, mentions: ["inbound rule 'ALLOWSQL' of region 'r3'", "rule 'AllowSQL'"]),
                ])
        },
        .duplicateRegionKey: {
            let second = Fixture.region(2, key: "shared")
            let third = Fixture.region(3, key: "shared") { ClusterName("shared-b") }
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    second
                    third
                }, .error, [ExpectedFinding(at: third.sourceLocation, related: second.sourceLocation, mentions: ["'shared'"])])
        },
        .globalEndpointWithoutClients: {
            // No region has ClientAccess, and nothing would be served.
            let endpoint = GlobalEndpoint(trafficManager: "fixture-global", serves: [])
            return RuleCase(
                Fixture.topology {
                    endpoint
                    Fixture.regions(3)
                }, .error,
                [
                    ExpectedFinding(at: endpoint.sourceLocation, mentions: ["GlobalEndpoint 'fixture-global' has no region to send clients to"]),
                    ExpectedFinding(at: endpoint.sourceLocation, mentions: ["serves no client port"]),
                ])
        },
        .invalidAdminUser: {
            let machines = VirtualMachines(adminUser: "root")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { machines }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: machines.sourceLocation, mentions: ["VM admin user 'root'", "Azure reserves"])])
        },
        .invalidAzureName: {
            let azure = Azure(resourceGroup: "crdb rg", location: .eastus)
            return RuleCase(
                Fixture.topology(azure: azure) { Fixture.regions(3) }, .error,
                [ExpectedFinding(at: azure.sourceLocation, mentions: ["resource group name 'crdb rg'"])])
        },
        .invalidCIDR: {
            let network = Network(vnet: "10.2.0.0", subnet: "10.2.1.0/24")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { network }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: network.sourceLocation, mentions: ["VNet of region 'r2'", "'10.2.0.0' has no prefix length"])])
        },
        .invalidClusterName: {
            let name = ClusterName("Region_2")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { name }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: name.sourceLocation, mentions: ["'Region_2'", "region 'r2'"])])
        },
        .invalidDiskSize: {
            let disks = DataDisks(sizeGiB: 2)
            let machines = VirtualMachines(osDiskGiB: 4096)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) {
                        disks
                        machines
                    }
                    Fixture.region(3)
                }, .error,
                [
                    ExpectedFinding(at: disks.sourceLocation, mentions: ["DataDisks size of 2 GiB", "4–32767 GiB"]),
                    ExpectedFinding(at: machines.sourceLocation, mentions: ["OS disk of 4096 GiB", "30–4095 GiB"]),
                ])
        },
        .invalidNodeCount: {
            let nodes = Nodes(0)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { nodes }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: nodes.sourceLocation, mentions: ["Nodes(0) gives 0 nodes", "at least 1"])])
        },
        .invalidNSGPriority: {
            let rule = InboundRule("AllowSQL", priority: 4097, ports: ["26257"], from: ["145.40.0.0/24"])
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { rule }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: rule.sourceLocation, mentions: ["'AllowSQL'", "4097", "100–4096"])])
        },
        .invalidPort: {
            let rule = InboundRule("AllowSQL", priority: 200, ports: ["65536"], from: ["145.40.0.0/24"])
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { rule }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: rule.sourceLocation, mentions: ["'AllowSQL'", "port 65536", "1–65535"])])
        },
        .invalidQuantity: {
            let crdb = CockroachDB(memory: "8GB")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { crdb }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: crdb.sourceLocation, mentions: ["CockroachDB memory '8GB'", "Kubernetes quantity"])])
        },
        .invalidRegionKey: {
            // The key becomes part of the cluster and VM names too, so those rules fire as well.
            let region = Fixture.region(2, key: "West")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    region
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: region.sourceLocation, mentions: ["region key 'West'", "DNS-1123"])],
                alsoReported: [.invalidClusterName, .invalidAzureName])
        },
        .invalidRegistryName: {
            let registry = ImageRegistry(acr: "CrdbImages")
            return RuleCase(
                Fixture.topology {
                    registry
                    Fixture.regions(3)
                }, .error,
                [ExpectedFinding(at: registry.sourceLocation, mentions: ["container registry name 'CrdbImages'", "5 to 50", "write 'crdbimages'"])])
        },
        .invalidStorageClass: {
            let crdb = CockroachDB(storageClass: "Premium_LRS")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { crdb }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: crdb.sourceLocation, mentions: ["storage class 'Premium_LRS'", "DNS-1123 subdomain"])])
        },
        .invalidTopologyName: {
            let line = #line + 1
            let topology = Fixture.topology("Crdb_Prod") { Fixture.regions(3) }
            return RuleCase(
                topology, .error,
                [ExpectedFinding(at: SourceLocation(file: thisFile, line: line), mentions: ["topology name 'Crdb_Prod'", "DNS-1123 label"])])
        },
        .invalidVersion: {
            let k3s = K3s(version: "1.33.5")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { k3s }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: k3s.sourceLocation, mentions: ["k3s version '1.33.5'", "v1.35.4+k3s1"])])
        },
        .invalidTrafficManagerName: {
            let endpoint = GlobalEndpoint(trafficManager: "1crdb_global")
            return RuleCase(
                Fixture.topology(defaults: [ClientAccess(from: "145.40.0.0/24")]) {
                    endpoint
                    Fixture.regions(3)
                }, .error, [ExpectedFinding(at: endpoint.sourceLocation, mentions: ["Traffic Manager name '1crdb_global'", "starting with a letter"])])
        },
        .invalidVMSize: {
            let machines = VirtualMachines(size: "Standard_D8sv5")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { machines }
                    Fixture.region(3)
                }, .error,
                [ExpectedFinding(at: machines.sourceLocation, mentions: ["VM size 'Standard_D8sv5'", "did you mean 'Standard_D8s_v5'?"])])
        },
        .missingDeclaration: {
            let region = Region("r2", location: .westus, clusterID: 2) {
                Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
                Services("10.202.0.0/16")
            }
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    region
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: region.sourceLocation, mentions: ["region 'r2'", "Pods(_:)"])])
        },
        .mixedCiliumVersions: {
            let older = Cilium(version: "1.18.11")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { older }
                    Fixture.region(3)
                }, .warning, [ExpectedFinding(at: older.sourceLocation, related: Fixture.standardCiliumLocation, mentions: ["region 'r2' runs Cilium 1.18.11", "region 'r1' runs 1.19.5"])])
        },
        .mixedCockroachVersions: {
            let older = CockroachDB(version: "v25.4.0")
            let standard = Fixture.standardDefaults().first { $0 is CockroachDB }!.sourceLocation
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { older }
                    Fixture.region(3)
                }, .warning,
                [ExpectedFinding(at: older.sourceLocation, related: standard, mentions: ["region 'r2' runs CockroachDB v25.4.0", "region 'r1' runs v26.2.1"])])
        },
        .noRegions: {
            let topology = Fixture.topology("empty") {}
            return RuleCase(topology, .error, [ExpectedFinding(at: topology.location, mentions: ["'empty'"])])
        },
        .nodePortCollision: {
            let ports = NodePorts(clusterMesh: 30053, dns: 30053)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { ports }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: ports.sourceLocation, mentions: ["region 'r2'", "30053"])])
        },
        .nodePortOutOfRange: {
            let ports = NodePorts(dns: 53)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { ports }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: ports.sourceLocation, mentions: ["DNS NodePort 53", "30000–32767"])])
        },
        .overlappingCIDR: {
            let eastVNet = Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
            let westPods = Pods("10.1.0.0/16")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1) { eastVNet }
                    Fixture.region(2) { westPods }
                    Fixture.region(3)
                }, .error,
                [
                    ExpectedFinding(
                        at: westPods.sourceLocation, related: eastVNet.sourceLocation,
                        mentions: ["pod range 10.1.0.0/16 of region 'r2'", "VNet 10.1.0.0/16 of region 'r1'"])
                ])
        },
        .podRangeTooSmall: {
            let pods = Pods("10.102.0.0/23")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { pods }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: pods.sourceLocation, mentions: ["10.102.0.0/23", "2 per-node /24 blocks", "3 nodes"])])
        },
        .reservedRegionKey: {
            let region = Fixture.region(2, key: "kube-system")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    region
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: region.sourceLocation, mentions: ["region key 'kube-system'", "reserves"])])
        },
        .regionKeyResemblesLocation: {
            let region = Fixture.region(1, key: "eastsu", location: .eastus)
            return RuleCase(
                Fixture.topology {
                    region
                    Fixture.region(2)
                    Fixture.region(3)
                }, .warning, [ExpectedFinding(at: region.sourceLocation, mentions: ["region key 'eastsu'", "2 letters away from its location 'eastus'"])])
        },
        .replicasExceedNodes: {
            let nodes = Nodes(3)
            let crdb = CockroachDB(replicas: 4)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) {
                        nodes
                        crdb
                    }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: crdb.sourceLocation, related: nodes.sourceLocation, mentions: ["4 CockroachDB replicas on 3 nodes"])])
        },
        .reservedRange: {
            let services = Services("169.254.0.0/16")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { services }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: services.sourceLocation, mentions: ["service range 169.254.0.0/16 of region 'r2'", "link-local"])])
        },
        .serviceRangeTooLarge: {
            let services = Services("10.128.0.0/11")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { services }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: services.sourceLocation, mentions: ["10.128.0.0/11", "/12"])])
        },
        .serviceRangeTooSmall: {
            let services = Services("10.202.0.0/29")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { services }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: services.sourceLocation, mentions: ["10.202.0.0/29", "DNS"])])
        },
        .sharedKubeContext: {
            let firstLine = #line + 1
            let first = Fixture.topology("fixture-a", regions: 3)
            let shared = ClusterName("crdb-r2")
            return RuleCase(
                Fixture.topology("fixture-b", azure: Azure(resourceGroup: "rg-b", location: .eastus, namePrefix: "other")) {
                    Fixture.region(1)
                    Fixture.region(2) { shared }
                    Fixture.region(3)
                }, .warning,
                [
                    ExpectedFinding(
                        at: shared.sourceLocation, related: SourceLocation(file: thisFile, line: firstLine),
                        mentions: ["cluster 'crdb-r2' of region 'r2'", "topology 'fixture-a'", "kube context 'crdb-r2'"])
                ], alongside: [first])
        },
        .subnetOutsideVNet: {
            let network = Network(vnet: "10.2.0.0/16", subnet: "10.22.1.0/24")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { network }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: network.sourceLocation, mentions: ["subnet 10.22.1.0/24", "VNet 10.2.0.0/16"])])
        },
        .subnetTooSmall: {
            let network = Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/30")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { network }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: network.sourceLocation, mentions: ["subnet 10.2.1.0/30", "0 usable addresses", "3 nodes"])])
        },
        .tooFewRegionsForSurvival: {
            let topology = Fixture.topology {
                Fixture.region(1)
                Fixture.region(2)
            }
            return RuleCase(topology, .warning, [ExpectedFinding(at: topology.location, mentions: ["2 regions", "at least 3"])])
        },
        .tooFewReplicasForSurvival: {
            let crdb = CockroachDB(replicas: 2)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { crdb }
                    Fixture.region(3)
                }, .warning, [ExpectedFinding(at: crdb.sourceLocation, mentions: ["region 'r2' runs 2 CockroachDB replicas"])])
        },
        .tooManyClusters: {
            // 256 regions cannot all have a cluster ID in 1–255, so that rule fires too, for the last one.
            let last = Fixture.generatedRegion(256)
            return RuleCase(
                Fixture.topology {
                    for i in 1...255 { Fixture.generatedRegion(i) }
                    last
                }, .error, [ExpectedFinding(at: last.sourceLocation, mentions: ["256 regions", "255"])],
                alsoReported: [.clusterIDOutOfRange])
        },
        .tooManyTrafficManagerEndpoints: {
            let endpoint = GlobalEndpoint(trafficManager: "fixture-global")
            return RuleCase(
                Fixture.topology(defaults: [ClientAccess(from: "145.40.0.0/24")]) {
                    endpoint
                    for i in 1...201 { Fixture.generatedRegion(i) }
                }, .error, [ExpectedFinding(at: endpoint.sourceLocation, mentions: ["201 regions serve clients", "at most 200 endpoints"])])
        },
        .unknownVMSize: {
            let machines = VirtualMachines(size: "Standard_D9s_v5")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { machines }
                    Fixture.region(3)
                }, .warning,
                [ExpectedFinding(at: machines.sourceLocation, mentions: ["VM size 'Standard_D9s_v5'", "not one RegionMesh knows", "az vm list-sizes"])])
        },
        .unpinnedK3sVersion: {
            let k3s = K3s(channel: "stable")
            return RuleCase(
                Fixture.topology(defaults: [k3s]) { Fixture.regions(3) }, .warning,
                [ExpectedFinding(at: k3s.sourceLocation, mentions: ["regions 'r1', 'r2', 'r3'", "channel"])])
        },
        .unroutableSource: {
            let admin = AdminAccess(from: "192.0.2.0/24")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { admin }
                    Fixture.region(3)
                }, .warning,
                [ExpectedFinding(at: admin.sourceLocation, mentions: ["AdminAccess source 192.0.2.0/24 of region 'r2'", "TEST-NET-1"])])
        },
        .unsupportedCiliumVersion: {
            let cilium = Cilium(version: "1.17.4")
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { cilium }
                    Fixture.region(3)
                }, .error, [ExpectedFinding(at: cilium.sourceLocation, mentions: ["Cilium 1.17.4", "1.18.x and 1.19.x"])])
        },
        .zonesUnavailable: {
            // Fixture region 2 is in westus, which has no availability zones.
            let zones = Zones(1, 2)
            return RuleCase(
                Fixture.topology {
                    Fixture.region(1)
                    Fixture.region(2) { zones }
                    Fixture.region(3)
                }, .error,
                [ExpectedFinding(at: zones.sourceLocation, mentions: ["region 'r2' pins zones 1, 2", "location 'westus' has no availability zones"])])
        },
    ]
}

/// One test per rule: a topology that breaks it yields the rule's ID, severity and locations.
@Suite("Rule coverage")
struct RuleCoverageTests {
    @Test("every rule in the catalogue has a breaking topology here, and nothing else is listed")
    func everyRuleIsCovered() {
        let missing = Set(Rule.catalogue).subtracting(RuleCases.covered.keys).subtracting(RuleCases.repositoryRules.keys).map(\.id).sorted()
        #expect(missing.isEmpty, "rules without a test topology: \(missing)")
        let unknown = Set(RuleCases.covered.keys).subtracting(Rule.catalogue).map(\.id).sorted()
        #expect(unknown.isEmpty, "covered rules that are not in the catalogue: \(unknown)")
    }

    @Test("the unchanged fixture breaks no rule")
    func fixtureIsClean() {
        #expect(Fixture.valid().diagnostics == [])
        #expect(Fixture.topology(regions: 3).diagnostics == [])
    }

    @Test(
        "a topology that breaks the rule reports it with its severity and locations",
        arguments: Rule.catalogue.filter { RuleCases.repositoryRules[$0] == nil })
    func ruleIsReported(rule: Rule) throws {
        let make = try #require(RuleCases.covered[rule], "no test topology for [\(rule.id)]")
        let ruleCase = make()
        let diagnostics = ruleCase.diagnostics
        let found = diagnostics.filter { $0.rule == rule }

        #expect(found.count == ruleCase.findings.count, "\(diagnostics)")
        for (diagnostic, expected) in zip(found, ruleCase.findings) {
            #expect(diagnostic.severity == ruleCase.severity)
            #expect(expected.location.file == thisFile, "expected locations must be declarations written in this file")
            #expect(diagnostic.location == expected.location, "\(diagnostic)")
            #expect(diagnostic.relatedLocation == expected.related, "\(diagnostic)")
            for text in expected.mentions {
                #expect(diagnostic.message.contains(text), "message should mention \(text): \(diagnostic.message)")
            }
            #expect(diagnostic.description.hasPrefix("\(expected.location): \(ruleCase.severity.rawValue): [\(rule.id)] "))
        }

        let others = Set(diagnostics.map(\.rule)).subtracting([rule])
        #expect(others == ruleCase.alsoReported, "other findings: \(diagnostics.filter { $0.rule != rule })")
        for topology in ruleCase.alongside {
            #expect(topology.diagnostics == [], "a topology alongside is valid on its own")
        }

        // Warnings are printed and generation goes on; an error stops it.
        let compilation = ruleCase.compilation
        #expect(compilation.diagnostics == diagnostics)
        if ruleCase.severity == .warning && ruleCase.alsoReported.isEmpty {
            #expect(compilation.plan != nil, "a warning must not stop the Plan")
        } else if ruleCase.severity == .error {
            #expect(compilation.plan == nil, "an error must stop the Plan")
        }
    }
}
