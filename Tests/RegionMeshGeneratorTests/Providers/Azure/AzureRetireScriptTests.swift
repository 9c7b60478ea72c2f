import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `azure/retire.sh`, read as a Script model: after the machines are gone, the peerings, leftovers
/// and networks the plan no longer has, each listed from Azure, confirmed, then deleted.
@Suite struct AzureRetireScriptTests {
    static func script(_ plan: Plan) -> Script {
        AzureRetireScript(plan: plan, azure: plan.azure).script
    }

    @Test func retiresPeeringsThenLeftoversThenNetworks() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        #expect(script.path == "azure/retire.sh")
        #expect(script.steps.map(\.name) == ["peerings", "leftovers", "networks", "global"])
        #expect(script.tools.map(\.name) == ["az"])
        // What the plan has is never deleted: every VNet, NSG, NIC and public IP of it.
        #expect(script.constants.map(\.name) == ["PLANNED", "PLANNED_GLOBAL"])
        #expect(script.constants.last?.value == "'  '", "no Traffic Manager profile or registry in this plan")
        #expect(script.constants.first?.value == "' crdb-r1-vnet crdb-r1-nsg crdb-r1-node1-nic crdb-r1-node1-ip crdb-r1-node2-nic crdb-r1-node2-ip "
            + "crdb-r2-vnet crdb-r2-nsg crdb-r2-node1-nic crdb-r2-node1-ip crdb-r2-node2-nic crdb-r2-node2-ip '")
        #expect(script.commands.filter { $0.name.hasSuffix(" delete") }.map(\.name) == [
            "az network lb delete", "az network vnet peering delete", "az network vnet peering delete", "az network nic delete",
            "az network public-ip delete", "az network vnet delete", "az network nsg delete", "az network traffic-manager profile delete", "az acr delete",
        ])
        #expect(script.commands.filter { $0.name.hasPrefix("az ") }.allSatisfy { $0.value(of: "--resource-group") == "rg-fixture" })
        // A load balancer goes only after every NIC has left its pools (Azure refuses it before).
        let helper = try #require(script.helpers.first { $0.name == "delete_load_balancer" }).body.flatMap(\.commands).map(\.name)
        #expect(helper == ["az network nic list", "az network nic ip-config show", "az network nic ip-config address-pool remove", "az network lb delete"])
    }

    @Test func eachKeptVNetLosesOnlyThePeeringsThePlanDoesNotHave() throws {
        let plan = try Fixture.smallPlan(regions: 3)
        let step = try #require(Self.script(plan).step("peerings"))
        let lists = step.body.flatMap(\.commands).filter { $0.name == "az network vnet peering list" }
        #expect(lists.compactMap { $0.value(of: "--vnet-name") } == ["crdb-r1-vnet", "crdb-r2-vnet", "crdb-r3-vnet"])
        // Per VNet, the peerings the plan keeps are named; any other found is deleted after a question.
        let kept = step.body.compactMap { statement -> String? in
            if case .block(_, let body, _) = statement, case .shell(let text)? = body.first { text } else { nil }
        }
        #expect(kept.count == 3)
        for (region, text) in zip(plan.azure.regions, kept) {
            let planned = plan.azure.peerings.filter { $0.fromVNet == region.vnetName }.map(\.name)
            #expect(planned.count == 2)
            #expect(text == "[[ \(shellQuote(" " + planned.joined(separator: " ") + " ")) == *\" $name \"* ]] || names+=\" $name\"")
        }
        let deletes = step.body.flatMap(\.commands).filter { $0.name == "az network vnet peering delete" }
        #expect(deletes.compactMap { $0.value(of: "--vnet-name") } == ["crdb-r1-vnet", "crdb-r2-vnet", "crdb-r3-vnet"])
        #expect(deletes.allSatisfy { $0.value(of: "--name") == "\"$name\"" })
        let questions = step.allStatements.compactMap { statement -> String? in if case .shell(let text) = statement, text.hasPrefix("confirm ") { text } else { nil } }
        #expect(questions.count == 3)
    }

    @Test func leftoversAndNetworksAreOnlyThoseNamedLikeTheDeploymentAndConfirmedFirst() throws {
        let script = Self.script(try Fixture.smallPlan())
        let listings = ["leftovers", "networks"].flatMap { name in
            (script.step(name)?.allStatements ?? []).compactMap { statement -> ShellCommand? in
                if case .capture("listed", _, let command) = statement { command } else { nil }
            }
        }
        #expect(listings.map(\.name) == ["az network lb list", "az network nic list", "az network public-ip list", "az network vnet list", "az network nsg list"])
        #expect(listings.compactMap { $0.value(of: "--query") } == [
            "[?starts_with(name, 'crdb-') && ends_with(name, '-lb')].name", "[?starts_with(name, 'crdb-') && ends_with(name, '-nic')].name", "[?starts_with(name, 'crdb-') && ends_with(name, '-ip')].name",
            "[?starts_with(name, 'crdb-') && ends_with(name, '-vnet')].name", "[?starts_with(name, 'crdb-') && ends_with(name, '-nsg')].name",
        ])
        // Each kind: skipped in a dry run; otherwise what the plan lacks, confirmed, then deleted by name.
        for name in ["leftovers", "networks"] {
            let step = try #require(script.step(name))
            let retirements = step.body.compactMap { statement -> ([ScriptStatement], [ScriptStatement])? in
                if case .when("[[ \"$DRY_RUN\" == 1 ]]", let dry, let real) = statement { (dry, real) } else { nil }
            }
            #expect(retirements.count == (name == "leftovers" ? 3 : 2))
            for (dry, real) in retirements {
                #expect(dry.flatMap(\.commands).isEmpty)
                let flat = real.flatMap(\.flattened)
                let question = flat.firstIndex { if case .shell(let text) = $0 { text.hasPrefix("confirm \"Delete ") } else { false } }
                let delete = flat.firstIndex {
                    if case .run(let command) = $0 { command.name.hasSuffix(" delete") || command.name.hasPrefix("delete_load_balancer ") } else { false }
                }
                #expect(question != nil && delete != nil && question! < delete!)
                #expect(flat.contains { if case .shell(let text) = $0 { text == "names=\"$(unplanned \"$listed\")\"" } else { false } })
            }
        }
    }

    @Test func setupRetiresNetworksLastAfterTheMachinesAreGone() throws {
        let setup = ComposedScripts(try Fixture.smallPlan()).setup
        let names = setup.steps.map(\.name)
        #expect(names.first == "decommission")
        #expect(Array(names.suffix(2)) == ["remove-nodes", "retire-networks"])
        let azure = try #require(names.firstIndex(of: "azure"))
        #expect(names.firstIndex(of: "decommission") == 0 && azure == 1)
        let runs = setup.steps.suffix(2).map { step in
            step.body.compactMap { statement -> String? in if case .runScript(let path, _) = statement { path } else { nil } }
        }
        #expect(runs == [["k3s/remove-nodes.sh"], ["azure/retire.sh"]])
        // Teardown deletes the whole resource group and needs none of them.
        let teardown = ComposedScripts(try Fixture.smallPlan()).teardown
        #expect(!teardown.steps.contains { ["decommission", "remove-nodes", "retire-networks"].contains($0.name) })
    }

    @Test func theFrontEndsTheTrafficManagerProfileAndTheRegistryOfThePlanAreKept() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint { n in if n == 3 { ClientAccess() } })
        let script = Self.script(plan)
        let planned = try #require(script.constants.first?.value)
        #expect(planned.contains(" crdb-r1-lb crdb-r1-lb-ip ") && planned.contains(" crdb-r2-lb crdb-r2-lb-ip "))
        #expect(!planned.contains("crdb-r3-lb"), "a closed region's front end goes")
        #expect(script.constants.last?.value == "' fixture-global fixtureimages '")
        // A profile or registry of the resource group that the plan lacks is deleted after a question.
        let global = try #require(script.step("global"))
        // Deleted only with the topology's tag; those without any owner tag are named and left alone.
        let lists = global.body.flatMap(\.commands).filter { $0.name.hasSuffix(" list") }
        #expect(lists.map(\.name) == [
            "az network traffic-manager profile list", "az network traffic-manager profile list", "az acr list", "az acr list",
        ])
        #expect(lists.map { $0.value(of: "--query") ?? "" } == Array(repeating: [
            "[?tags.\"regionmesh-topology\"=='fixture'].name", "[?tags.\"regionmesh-topology\"==null].name",
        ], count: 2).flatMap { $0 })
    }
}
