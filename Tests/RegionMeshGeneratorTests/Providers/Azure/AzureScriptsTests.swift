import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `azure/infrastructure.sh` and `azure/teardown.sh`, read as Script models.
@Suite struct AzureScriptsTests {
    static func infrastructure(_ plan: Plan) -> Script {
        AzureInfrastructureScript(plan: plan, azure: plan.azure).script
    }

    static func teardown(_ plan: Plan) -> Script {
        AzureTeardownScript(plan: plan, azure: plan.azure).script
    }

    @Test func theSeedTopologyCreatesExactlyTheSeedsResources() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        func count(_ name: String) -> Int { script.commands(named: name).count }
        #expect(count("az group create") == 1)
        #expect(count("az network vnet create") == 3)
        #expect(count("az network vnet peering create") == 6)
        #expect(count("az network nsg create") == 3)
        #expect(count("az network nsg rule create") == 9)
        #expect(count("az network public-ip create") == 9)
        #expect(count("az network nic create") == 9)
        #expect(count("az vm create") == 9)
        #expect(count("az vm wait") == 9)
        #expect(script.commands.filter { $0.name.hasSuffix(" create") }.count == 49)
        let privateIPs = script.commands(named: "az network nic create").compactMap { $0.value(of: "--private-ip-address") }
        #expect(privateIPs == ["10.1.1.4", "10.1.1.5", "10.1.1.6", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.3.1.4", "10.3.1.5", "10.3.1.6"])
        #expect(script.steps.map(\.name) == ["resource-group", "networks", "peerings", "security-groups", "public-ips", "nics", "vms"])
    }

    @Test func everyCreateIsGuardedByALookupOfTheSameResource() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        var guarded = 0
        for statement in script.allStatements {
            guard case .ensure(_, let lookup, let create) = statement else { continue }
            let creates = create.flatMap(\.commands).filter { $0.name.hasSuffix(" create") }
            #expect(creates.count == 1, "one create per guard: \(creates.map(\.oneLine))")
            for command in creates {
                #expect(lookup.name == command.name.replacingOccurrences(of: " create", with: " show"))
                #expect(lookup.value(of: "--name") == command.value(of: "--name"))
                #expect(lookup.value(of: "--resource-group") == command.value(of: "--resource-group"))
                guarded += 1
            }
        }
        #expect(guarded == script.commands.filter { $0.name.hasSuffix(" create") }.count)
    }

    @Test func peeringsAllowVNetAccessAndNoGatewayFlags() throws {
        let peerings = Self.infrastructure(try examplePlan("crdb-three-region")).commands(named: "az network vnet peering create")
        for peering in peerings {
            #expect(peering.has("--allow-vnet-access") && peering.has("--allow-forwarded-traffic"))
            #expect(!peering.words.contains { $0.contains("gateway") })
        }
        let pairs = Set(peerings.map { "\($0.value(of: "--vnet-name") ?? "?")>\($0.value(of: "--remote-vnet") ?? "?")" })
        #expect(pairs.count == 6)
        #expect(pairs.contains("crdb-westus-vnet>crdb-northeurope-vnet"))
    }

    @Test func theNICStep() throws {
        let step = try #require(Self.infrastructure(try Fixture.smallPlan()).step("nics"))
        assertSnapshot(of: step.rendered(number: 6), named: "nics.bash")
    }

    @Test func aVMUsesAFullImageURNAndTheSSHKeyVariable() throws {
        let vm = try #require(Self.infrastructure(try Fixture.smallPlan()).commands(named: "az vm create").first)
        #expect(
            vm.oneLine
                == "az vm create --resource-group rg-fixture --name crdb-r1-node1 --location eastus --image Canonical:ubuntu-24_04-lts:server:latest --size Standard_D2s_v5 --nics crdb-r1-node1-nic --admin-username ops --authentication-type ssh --ssh-key-values \"$SSH_PUBLIC_KEY_FILE\" --no-wait"
        )
    }

    @Test func nsgRulesAreLimitedToTheAdminSources() throws {
        let rules = Self.infrastructure(try Fixture.smallPlan()).commands(named: "az network nsg rule create")
        #expect(rules.count == 6)
        #expect(rules.allSatisfy { $0.list(of: "--source-address-prefixes") == ["192.0.2.0/24"] })
        #expect(rules.compactMap { $0.value(of: "--destination-port-ranges") } == ["22", "6443", "30000-32767", "22", "6443", "30000-32767"])
        #expect(rules.compactMap { $0.value(of: "--priority") } == ["100", "110", "120", "100", "110", "120"])
    }

    @Test func anExtraRuleWithSeveralPortsAndSourcesPassesThemAsLists() throws {
        let plan = try Fixture.smallPlan(
            regions: 1, defaults: [InboundRule("AllowSQL", priority: 200, ports: ["26257", "8080"], protocol: .any, from: ["192.0.2.0/24", "198.51.100.0/24"])])
        let rule = try #require(Self.infrastructure(plan).commands(named: "az network nsg rule create").first { $0.value(of: "--name") == "AllowSQL" })
        #expect(rule.list(of: "--destination-port-ranges") == ["26257", "8080"])
        #expect(rule.list(of: "--source-address-prefixes") == ["192.0.2.0/24", "198.51.100.0/24"])
        #expect(rule.value(of: "--protocol") == "*")
        #expect(rule.oneLine.contains("--protocol '*'"))
    }

    @Test func teardownDeletesOnlyTheTaggedResourceGroupAfterConfirmation() throws {
        let script = Self.teardown(try Fixture.smallPlan())
        let deletes = script.commands.filter { $0.words.contains { $0 == "delete" } }
        #expect(deletes.map(\.oneLine) == ["az group delete --name rg-fixture --yes"])
        #expect(script.steps.map(\.name) == ["resource-group"])
        let step = try #require(script.step("resource-group"))
        assertSnapshot(of: step.rendered(number: 1), named: "teardown-resource-group.bash")
    }
}
