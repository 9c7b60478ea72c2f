import RegionMesh
import RegionMeshTestSupport
import Testing

/// A region may override any default, field by field: what its declaration leaves out comes from
/// `Defaults`, and what neither gives comes from the built-in default.
@Suite("Defaults and overrides")
struct DefaultsAndOverridesTests {
    private func region(_ plan: Plan, _ key: String) throws -> RegionPlan {
        try #require(plan.region(key), "no region \(key)")
    }

    @Test("a region's own Nodes beats Defaults; the other regions keep the default")
    func nodes() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { Nodes(5) })
        #expect(try region(plan, "r1").nodes.count == 3)
        #expect(try region(plan, "r2").nodes.count == 5)
        #expect(try region(plan, "r2").nodes.map(\.privateIP.description) == ["10.2.1.4", "10.2.1.5", "10.2.1.6", "10.2.1.7", "10.2.1.8"])
        #expect(try region(plan, "r3").nodes.count == 3)
    }

    @Test("a region's CockroachDB with every field replaces every field of Defaults")
    func cockroachDBWhole() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1) {
                    CockroachDB(version: "v25.4.3", storage: "500Gi", cpu: 8, memory: "32Gi", replicas: 3, storageClass: "managed-premium")
                }
                Fixture.region(2)
                Fixture.region(3)
            })
        let overridden = plan.cockroach[try region(plan, "r1")]
        #expect(overridden.image == "cockroachdb/cockroach:v25.4.3")
        #expect(overridden.storage.text == "500Gi")
        #expect(overridden.cpu == 8)
        #expect(overridden.memory.text == "32Gi")
        #expect(overridden.storageClass == "managed-premium")
        let inherited = plan.cockroach[try region(plan, "r2")]
        #expect(inherited.image == "cockroachdb/cockroach:v26.2.1")
        #expect(inherited.storage.text == "10Gi")
        #expect(inherited.cpu == 1)
        #expect(inherited.memory.text == "4Gi")
        #expect(inherited.storageClass == nil)
    }

    @Test("CockroachDB(storage:) in a region overrides only the storage; the rest comes from Defaults")
    func cockroachDBFieldByField() throws {
        let plan = try Fixture.plan(
            Fixture.withSecondRegion(defaults: [CockroachDB(version: "v25.4.3", storage: "10Gi", cpu: 2, memory: "6Gi", storageClass: "fast")]) {
                CockroachDB(storage: "200Gi")
            })
        let second = plan.cockroach[try region(plan, "r2")]
        #expect(second.storage.text == "200Gi")
        #expect(second.version.text == "v25.4.3")
        #expect(second.cpu == 2)
        #expect(second.memory.text == "6Gi")
        #expect(second.storageClass == "fast")
        #expect(second.replicas == 3, "replicas: neither declaration gives them, so one per node")
        let first = plan.cockroach[try region(plan, "r1")]
        #expect(first.storage.text == "10Gi")
    }

    @Test("a CockroachDB field neither the region nor Defaults gives takes the built-in default")
    func cockroachDBBuiltIn() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion(defaults: [CockroachDB(cpu: 4)]) { CockroachDB(memory: "16Gi") })
        let second = plan.cockroach[try region(plan, "r2")]
        #expect(second.cpu == 4)
        #expect(second.memory.text == "16Gi")
        #expect(second.version.text == "v26.2.1")
        #expect(second.storage.text == "100Gi")
    }

    @Test("VirtualMachines(size:) in a region overrides only the size; image and admin user come from Defaults")
    func virtualMachinesFieldByField() throws {
        let plan = try Fixture.plan(
            Fixture.withSecondRegion(defaults: [VirtualMachines(image: .ubuntu2204, adminUser: "operator")]) {
                VirtualMachines(size: "Standard_D16s_v5")
            })
        let second = plan.azure[try region(plan, "r2")].virtualMachine
        #expect([second.size, second.imageURN, second.adminUser] == ["Standard_D16s_v5", VMImage.ubuntu2204.urn, "operator"])
        let first = plan.azure[try region(plan, "r1")].virtualMachine
        // Defaults gives no size: the built-in one.
        #expect([first.size, first.imageURN, first.adminUser] == ["Standard_D4s_v5", VMImage.ubuntu2204.urn, "operator"])
    }

    @Test("NodePorts(dns:) in a region overrides only the DNS port; the ClusterMesh port comes from Defaults")
    func nodePortsFieldByField() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion(defaults: [NodePorts(clusterMesh: 31000)]) { NodePorts(dns: 31053) })
        let (first, second) = (try region(plan, "r1"), try region(plan, "r2"))
        #expect(second.nodePort(.clusterMesh) == 31000)
        #expect(second.nodePort(.dns) == 31053)
        #expect(first.nodePort(.clusterMesh) == 31000)
        #expect(first.nodePort(.dns) == 30053)
        #expect(plan.cilium[second].meshPort == 31000)
        // The other regions forward r2's zone to its own DNS port, and reach its mesh on its port.
        #expect(first.dnsForwarders.first { $0.region == "r2" }?.upstreams.allSatisfy { $0.hasSuffix(":31053") } == true)
        #expect(plan.cilium[first].peers.first { $0.name == second.cluster.name }?.port == 31000)
    }

    @Test("VirtualMachines, K3s, Cilium, NodePorts and AdminAccess can each be overridden by a region")
    func everySetting() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1) {
                    VirtualMachines(size: "Standard_D8s_v5", image: .ubuntu2204, adminUser: "operator1")
                    K3s(version: "v1.32.9+k3s1")
                    Cilium(version: "1.18.6")
                    NodePorts(clusterMesh: 31000, dns: 31053)
                    AdminAccess(from: "151.101.0.0/24")
                }
                Fixture.region(2)
                Fixture.region(3)
            })
        let first = try region(plan, "r1")
        let second = try region(plan, "r2")
        #expect(plan.azure[first].virtualMachine.size == "Standard_D8s_v5")
        #expect(plan.azure[first].virtualMachine.imageURN == "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest")
        #expect(plan.azure[first].virtualMachine.adminUser == "operator1")
        #expect(plan.azure[second].virtualMachine.size == "Standard_D2s_v5")
        #expect(plan.azure[second].virtualMachine.adminUser == "ops")
        #expect(plan.k3s[first].release.description == "v1.32.9+k3s1")
        #expect(plan.k3s[second].release.description == "v1.33.5+k3s1")
        #expect(plan.cilium[first].version.text == "1.18.6")
        #expect(plan.cilium[first].peersForm == .list)
        #expect(plan.cilium[second].version.text == "1.19.5")
        #expect(plan.cilium[second].peersForm == .map)
        #expect(first.nodePort(.clusterMesh) == 31000)
        #expect(first.nodePort(.dns) == 31053)
        #expect(second.nodePort(.clusterMesh) == 32379)
        #expect(second.nodePort(.dns) == 30053)
        #expect(first.adminAccess.sources.map(\.description) == ["151.101.0.0/24"])
        #expect(plan.azure[first].securityRules.first?.sources.map(\.description) == ["151.101.0.0/24"])
        #expect(plan.azure[second].securityRules.first?.sources.map(\.description) == ["145.40.0.0/24"])
    }

    @Test("inbound rules add up: the standard rules, those of Defaults, then the region's own, by priority")
    func inboundRulesAddUp() throws {
        let plan = try Fixture.plan(
            Fixture.topology(defaults: [InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24"])]) {
                Fixture.region(1) { InboundRule("AllowConsole", priority: 210, ports: ["8080"], from: ["145.40.0.0/24"]) }
                Fixture.region(2)
                Fixture.region(3)
            })
        #expect(plan.azure[try region(plan, "r1")].securityRules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts", "AllowSQL", "AllowConsole"])
        #expect(plan.azure[try region(plan, "r2")].securityRules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts", "AllowSQL"])
    }

    @Test("ClusterName overrides the derived <prefix>-<key> name")
    func clusterName() throws {
        let plan = try Fixture.plan(
            Fixture.topology(azure: Azure(resourceGroup: "rg", location: .eastus, namePrefix: "db")) {
                Fixture.region(1) { ClusterName("primary") }
                Fixture.region(2)
                Fixture.region(3)
            })
        #expect(plan.regions.map(\.cluster.name) == ["primary", "db-r2", "db-r3"])
        #expect(plan.regions.map(\.cluster.context) == ["primary", "db-r2", "db-r3"])
    }

    @Test("without Defaults the built-in defaults apply")
    func builtInDefaults() throws {
        let topology = Topology("bare") {
            Azure(resourceGroup: "rg", location: .eastus)
            for n in 1...3 {
                Region("r\(n)", location: .westus2, clusterID: n) {
                    Network(vnet: "10.\(n).0.0/16", subnet: "10.\(n).1.0/24")
                    Pods("10.\(100 + n).0.0/16")
                    Services("10.\(200 + n).0.0/16")
                }
            }
        }
        let compilation = Pipeline.compile(topology)
        let plan = try #require(compilation.plan)
        let first = try region(plan, "r1")
        #expect(first.nodes.count == 3)
        #expect(plan.azure[first].virtualMachine.size == "Standard_D4s_v5")
        #expect(plan.azure[first].virtualMachine.imageURN == "Canonical:ubuntu-24_04-lts:server:latest")
        #expect(plan.azure[first].virtualMachine.adminUser == "azureuser")
        #expect(plan.k3s[first].release.description == "v1.35.4+k3s1")
        #expect(plan.cilium[first].version.text == "1.19.5")
        #expect(plan.cockroach[first].image == "cockroachdb/cockroach:v26.2.1")
        #expect(plan.cockroach[first].replicas == 3)
        #expect(first.nodePort(.clusterMesh) == 32379)
        #expect(first.nodePort(.dns) == 30053)
        #expect(first.addresses.podsPerNodeMaskSize == 24)
        #expect(first.adminAccess.sources == [.any])
        // With no AdminAccess anywhere the only finding is the open-admin warning, reported once at
        // the loop's Region line (where all three regions were declared), naming every region.
        #expect(compilation.diagnostics.map(\.rule) == [.adminOpenToInternet])
        #expect(compilation.diagnostics.first?.message.contains("regions 'r1', 'r2', 'r3'") == true)
    }

    @Test("replicas default to one per node, and follow a region's own node count")
    func replicasFollowNodes() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1) { Nodes(4) }
                Fixture.region(2) {
                    Nodes(5)
                    CockroachDB(replicas: 3)
                }
                Fixture.region(3)
            })
        #expect(plan.regions.map { plan.cockroach[$0].replicas } == [4, 3, 3])
        #expect(plan.regions.map(\.nodes.count) == [4, 5, 3])
    }

    @Test("a bad value in Defaults is reported once, at the Defaults declaration, not once per region")
    func defaultsErrorsOnce() {
        let (crdb, line) = (CockroachDB(memory: "8GB"), #line)
        let findings = Fixture.topology(regions: 3, defaults: [crdb]).findings(.invalidQuantity)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.location.line == line)
        #expect(findings.first?.message.contains("'8GB'") == true)
    }

    @Test("a region that overrides a bad default with a good value still sees the error reported, once")
    func badDefaultOverridden() {
        let (k3s, line) = (K3s(version: "latest"), #line)
        let topology = Fixture.withSecondRegion(defaults: [k3s]) { K3s(version: "v1.32.9+k3s1") }
        #expect(topology.findings(.invalidVersion).map(\.location.line) == [line])
        #expect(Pipeline.compile(topology).plan == nil)
    }
}
