import RegionMesh
import Testing

/// A region may override any default; what it does not override comes from `Defaults`, and what
/// neither gives comes from the built-in defaults.
@Suite("DSL defaults and overrides")
struct DSLOverrideTests {
    private func region(_ plan: Plan, _ key: String) throws -> RegionPlan {
        try #require(plan.regions.first { $0.key == key })
    }

    @Test("a region's own Nodes beats Defaults; the other regions keep the default")
    func nodes() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1)
                Fixture.region(2) { Nodes(5) }
                Fixture.region(3)
            })
        #expect(try region(plan, "r1").nodes.count == 3)
        #expect(try region(plan, "r2").nodes.count == 5)
        #expect(try region(plan, "r2").nodes.map(\.privateIP.description) == ["10.2.1.4", "10.2.1.5", "10.2.1.6", "10.2.1.7", "10.2.1.8"])
        #expect(try region(plan, "r3").nodes.count == 3)
    }

    @Test("a region's own CockroachDB beats Defaults as a whole")
    func cockroachDB() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1) {
                    CockroachDB(version: "v25.4.3", storage: "500Gi", cpu: 8, memory: "32Gi", replicas: 3, storageClass: "managed-premium")
                }
                Fixture.region(2)
                Fixture.region(3)
            })
        let overridden = try region(plan, "r1").cockroach
        #expect(overridden.image == "cockroachdb/cockroach:v25.4.3")
        #expect(overridden.storage.text == "500Gi")
        #expect(overridden.cpu == 8)
        #expect(overridden.memory.text == "32Gi")
        #expect(overridden.storageClass == "managed-premium")
        let inherited = try region(plan, "r2").cockroach
        #expect(inherited.image == "cockroachdb/cockroach:v26.2.1")
        #expect(inherited.storage.text == "10Gi")
        #expect(inherited.cpu == 1)
        #expect(inherited.memory.text == "4Gi")
        #expect(inherited.storageClass == nil)
    }

    @Test("VirtualMachines, K3s, Cilium, NodePorts and AdminAccess can each be overridden by a region")
    func everySetting() throws {
        let plan = try Fixture.plan(
            Fixture.topology {
                Fixture.region(1) {
                    VirtualMachines(size: "Standard_D8s_v5", image: .ubuntu2204, adminUser: "admin1")
                    K3s(version: "v1.32.9+k3s1")
                    Cilium(version: "1.18.6")
                    NodePorts(clusterMesh: 31000, dns: 31053)
                    AdminAccess(from: "198.51.100.0/24")
                }
                Fixture.region(2)
                Fixture.region(3)
            })
        let first = try region(plan, "r1")
        let second = try region(plan, "r2")
        #expect(first.virtualMachine.size == "Standard_D8s_v5")
        #expect(first.virtualMachine.imageURN == "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest")
        #expect(first.virtualMachine.adminUser == "admin1")
        #expect(second.virtualMachine.size == "Standard_D2s_v5")
        #expect(second.virtualMachine.adminUser == "ops")
        #expect(first.k3s.description == "v1.32.9+k3s1")
        #expect(second.k3s.description == "v1.33.5+k3s1")
        #expect(first.cilium.version.text == "1.18.6")
        #expect(!first.cilium.clusterMapForm)
        #expect(second.cilium.version.text == "1.19.5")
        #expect(second.cilium.clusterMapForm)
        #expect(first.nodePorts.clusterMesh == 31000)
        #expect(first.nodePorts.dns == 31053)
        #expect(second.nodePorts.clusterMesh == 32379)
        #expect(second.nodePorts.dns == 30053)
        #expect(first.network.inboundRules.first?.sources == ["198.51.100.0/24"])
        #expect(second.network.inboundRules.first?.sources == ["192.0.2.0/24"])
    }

    @Test("inbound rules add up: the standard rules, those of Defaults, then the region's own")
    func inboundRulesAddUp() throws {
        let plan = try Fixture.plan(
            Fixture.topology(defaults: [InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["192.0.2.0/24"]).setting]) {
                Fixture.region(1) { InboundRule("AllowConsole", priority: 210, ports: ["8080"], from: ["192.0.2.0/24"]) }
                Fixture.region(2)
                Fixture.region(3)
            })
        #expect(try region(plan, "r1").network.inboundRules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts", "AllowSQL", "AllowConsole"])
        #expect(try region(plan, "r2").network.inboundRules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts", "AllowSQL"])
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
        let compilation = Planner.compile(topology)
        let plan = try #require(compilation.plan)
        let first = try region(plan, "r1")
        #expect(first.nodes.count == 3)
        #expect(first.virtualMachine.size == "Standard_D4s_v5")
        #expect(first.virtualMachine.imageURN == "Canonical:ubuntu-24_04-lts:server:latest")
        #expect(first.virtualMachine.adminUser == "azureuser")
        #expect(first.k3s.description == "v1.33.5+k3s1")
        #expect(first.cilium.version.text == "1.19.5")
        #expect(first.cockroach.image == "cockroachdb/cockroach:v26.2.1")
        #expect(first.cockroach.replicas == 3)
        #expect(first.nodePorts.clusterMesh == 32379)
        #expect(first.nodePorts.dns == 30053)
        #expect(first.pods.perNodeMaskSize == 24)
        #expect(first.network.inboundRules.first?.sources == ["*"])
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
                    CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi", replicas: 3)
                }
                Fixture.region(3)
            })
        #expect(plan.regions.map(\.cockroach.replicas) == [4, 3, 3])
        #expect(plan.regions.map(\.nodes.count) == [4, 5, 3])
    }
}
