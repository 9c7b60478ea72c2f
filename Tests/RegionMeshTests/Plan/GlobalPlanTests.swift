import RegionMesh
import RegionMeshTestSupport
import Testing
import Topologies

/// The six-region example declared in a loop, and every example topology.
@Suite("Plan of crdb-global and the example topologies")
struct GlobalPlanTests {
    @Test("crdb-global: six regions, 30 peerings, no error")
    func global() throws {
        let topology = try exampleTopology("crdb-global")
        let compilation = Pipeline.compile(topology)
        #expect(!compilation.diagnostics.contains { $0.severity == .error }, "\(compilation.diagnostics)")
        let plan = try #require(compilation.plan)
        #expect(plan.regions.count == 6)
        #expect(plan.regions.map(\.key) == ["eastus2", "westus3", "brazilsouth", "westeurope", "southeastasia", "australiaeast"])
        #expect(plan.regions.map(\.cluster.id) == [1, 2, 3, 4, 5, 6])
        let peerings = plan.azure.peerings
        #expect(peerings.count == 30)
        #expect(Set(peerings.map(\.name)).count == 30)
        #expect(Set(peerings.map { "\($0.fromRegion)>\($0.toRegion)" }).count == 30)
        #expect(plan.regions.map(\.addresses.network.description) == (21...26).map { "10.\($0).0.0/16" })
        #expect(plan.regions.map(\.addresses.dnsServiceIP.description) == (61...66).map { "10.\($0).0.10" })
        #expect(plan.cockroach.joinList.count == 18)
        #expect(plan.regions.allSatisfy { plan.cockroach[$0].storageClass == "local-path" })
        let inventory = Dictionary(uniqueKeysWithValues: ResourceInventory(plan.azure).rows)
        #expect(inventory["virtual machines"] == 18)
        #expect(inventory["VNet peerings"] == 30)
    }

    @Test("the registry lists the examples by name")
    func registry() {
        #expect(TopologyRegistry.all.map(\.name) == ["crdb-three-region", "crdb-global", "crdb-global-endpoint"])
        #expect(TopologyRegistry.named("crdb-global")?.name == "crdb-global")
        #expect(TopologyRegistry.named("nope") == nil)
    }

    @Test("every example topology compiles, warning only that its AdminAccess (and ClientAccess) is a documentation range", arguments: TopologyRegistry.all.map(\.name))
    func examplesCompile(name: String) throws {
        let compilation = Pipeline.compile(try exampleTopology(name))
        #expect(!compilation.diagnostics.containsErrors, "\(compilation.diagnostics)")
        // Until a person puts the range they connect from into AdminAccess.
        #expect(Set(compilation.diagnostics.map(\.rule)) == [.unroutableSource], "\(compilation.diagnostics)")
        #expect(compilation.diagnostics.allSatisfy {
            ($0.message.hasPrefix("AdminAccess source ") || $0.message.hasPrefix("ClientAccess source ")) && $0.message.contains("for documentation")
        })
        #expect(compilation.plan != nil)
    }

    @Test("validated together, the example topologies share no kube context")
    func examplesTogether() throws {
        let validations = Pipeline.validate(TopologyRegistry.all)
        for (topology, validation) in zip(TopologyRegistry.all, validations) {
            #expect(validation.diagnostics == Pipeline.validate(topology).diagnostics, "\(topology.name)")
        }
    }
}
