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
        #expect(plan.cockroach.joinList.count == 12)
        #expect(plan.regions.allSatisfy { plan.cockroach[$0].storageClass == "local-path" })
        let inventory = Dictionary(uniqueKeysWithValues: ResourceInventory(plan.azure).rows)
        #expect(inventory["virtual machines"] == 18)
        #expect(inventory["VNet peerings"] == 30)
    }

    @Test("the registry finds each example by its own name, and lists every topology declared in topologies/")
    func registry() {
        let names = TopologyRegistry.all.map(\.name)
        #expect(Set(names).count == names.count, "two examples share a name")
        for name in names { #expect(TopologyRegistry.named(name)?.name == name) }
        #expect(TopologyRegistry.named("nope") == nil)
        #expect(Registration.unregisteredTopologies(among: TopologyRegistry.all).map(\.description) == [])
    }

    @Test("every example topology compiles without an error", arguments: TopologyRegistry.all.map(\.name))
    func examplesCompile(name: String) throws {
        let compilation = Pipeline.compile(try exampleTopology(name))
        #expect(!compilation.diagnostics.containsErrors, "\(compilation.diagnostics)")
        #expect(compilation.plan != nil)
    }

    @Test("the shipped examples warn only that their AdminAccess is a documentation range")
    func shippedExamplesWarnOnlyAboutAdminAccess() throws {
        for name in ["crdb-three-region", "crdb-global"] {
            let diagnostics = Pipeline.compile(try exampleTopology(name)).diagnostics
            // Until a person puts the range they connect from into AdminAccess.
            #expect(Set(diagnostics.map(\.rule)) == [.unroutableSource], "\(diagnostics)")
            #expect(diagnostics.allSatisfy { $0.message.hasPrefix("AdminAccess source ") && $0.message.contains("for documentation") })
        }
    }

    @Test("validated together, the example topologies share no kube context")
    func examplesTogether() throws {
        let validations = Pipeline.validate(TopologyRegistry.all)
        for (topology, validation) in zip(TopologyRegistry.all, validations) {
            #expect(validation.diagnostics == Pipeline.validate(topology).diagnostics, "\(topology.name)")
        }
    }
}
