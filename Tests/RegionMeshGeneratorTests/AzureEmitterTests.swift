import Foundation
import RegionMesh
import Testing

@testable import RegionMeshGenerator

/// `azure/infrastructure.sh` and `azure/teardown.sh`.
@Suite struct AzureEmitterTests {
    /// The commands of a script with continuation lines joined, without the `run`/`exists` prefix.
    static func commands(_ script: String) -> [String] {
        script.replacingOccurrences(of: " \\\n", with: " ").split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("run az ") else { return nil }
            return String(text.dropFirst(4)).replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        }
    }

    static func script(_ plan: Plan, _ path: String = "azure/infrastructure.sh") throws -> String {
        try #require(Fixtures.artifact(path, in: try AzureEmitter.artifacts(for: plan))).contents
    }

    @Test func theSeedTopologyCreatesExactlyTheSeedsResources() throws {
        let commands = Self.commands(try Self.script(Fixtures.threeRegionPlan))
        func count(_ prefix: String) -> Int { commands.filter { $0.hasPrefix(prefix) }.count }
        #expect(count("az group create ") == 1)
        #expect(count("az network vnet create ") == 3)
        #expect(count("az network vnet peering create ") == 6)
        #expect(count("az network nsg create ") == 3)
        #expect(count("az network nsg rule create ") == 9)
        #expect(count("az network public-ip create ") == 9)
        #expect(count("az network nic create ") == 9)
        #expect(count("az vm create ") == 9)
        let privateIPs = commands.filter { $0.hasPrefix("az network nic create ") }.compactMap { command in
            command.firstMatch(of: /--private-ip-address (\S+)/).map { String($0.1) }
        }
        #expect(privateIPs == ["10.1.1.4", "10.1.1.5", "10.1.1.6", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.3.1.4", "10.3.1.5", "10.3.1.6"])
    }

    @Test func everyCreateIsGuardedByALookup() throws {
        let script = try Self.script(Fixtures.threeRegionPlan)
        let creates = Self.commands(script).filter { $0.contains(" create ") }
        let guards = script.split(separator: "\n").filter { $0.contains("if ! exists az ") }
        #expect(creates.count == guards.count)
    }

    @Test func peeringsAllowVNetAccessAndNoGatewayFlags() throws {
        let peerings = Self.commands(try Self.script(Fixtures.threeRegionPlan)).filter { $0.hasPrefix("az network vnet peering create") }
        for peering in peerings {
            #expect(peering.contains("--allow-vnet-access") && peering.contains("--allow-forwarded-traffic"))
            #expect(!peering.contains("gateway"))
        }
        let pairs = Set(peerings.compactMap { $0.firstMatch(of: /--vnet-name (\S+) --remote-vnet (\S+)/).map { "\($0.1)>\($0.2)" } })
        #expect(pairs.count == 6)
    }

    @Test func aNICSnippet() throws {
        let script = try Self.script(Fixtures.twoRegionPlan)
        #expect(script.contains("""
              if ! exists az network nic show --resource-group rg-fixture --name crdb-west-node2-nic; then
                run az network nic create \\
                  --resource-group rg-fixture \\
                  --name crdb-west-node2-nic \\
                  --location westus \\
                  --vnet-name crdb-west-vnet \\
                  --subnet crdb-west-subnet \\
                  --private-ip-address 10.2.1.5 \\
                  --network-security-group crdb-west-nsg \\
                  --public-ip-address crdb-west-node2-ip \\
                  --output none
              else
                info 'NIC crdb-west-node2-nic exists'
              fi
            """))
    }

    @Test func aVMSnippetUsesAFullImageURNAndTheSSHKeyVariable() throws {
        let vm = Self.commands(try Self.script(Fixtures.twoRegionPlan)).first { $0.hasPrefix("az vm create") }
        #expect(vm == "az vm create --resource-group rg-fixture --name crdb-east-node1 --location eastus --image Canonical:ubuntu-24_04-lts:server:latest --size Standard_D2s_v5 --nics crdb-east-node1-nic --admin-username ops --authentication-type ssh --ssh-key-values \"$SSH_PUBLIC_KEY_FILE\" --no-wait")
    }

    @Test func nsgRulesAreLimitedToTheAdminSources() throws {
        let rules = Self.commands(try Self.script(Fixtures.twoRegionPlan)).filter { $0.hasPrefix("az network nsg rule create") }
        #expect(rules.count == 6)
        #expect(rules.allSatisfy { $0.contains("--source-address-prefixes 192.0.2.0/24 ") })
        #expect(rules.compactMap { $0.firstMatch(of: /--destination-port-ranges (\S+)/).map { String($0.1) } } == ["22", "6443", "30000-32767", "22", "6443", "30000-32767"])
    }

    @Test func teardownDeletesOnlyTheTaggedResourceGroupAfterConfirmation() throws {
        let script = try Self.script(Fixtures.twoRegionPlan, "azure/teardown.sh")
        let deletes = script.split(separator: "\n").filter { $0.contains(" delete") && !$0.contains("#") && !$0.contains("info ") && !$0.contains("die ") && !$0.contains("confirm ") && !$0.contains("banner ") }
        #expect(deletes.map { $0.trimmingCharacters(in: .whitespaces) } == ["run az group delete --name rg-fixture --yes"])
        #expect(script.contains("tags.\"regionmesh-topology\""))
        #expect(script.contains("confirm 'Delete resource group rg-fixture"))
    }
}
