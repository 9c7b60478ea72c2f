import RegionMesh
import RegionMeshTestSupport
import Testing

/// The names the Plan derives must pass Azure's rules before `az` sees them.
@Suite("Azure naming rules")
struct AzureNamingRuleTests {
    @Test("resource group names", arguments: [
        ("crdb-cilium-multi-region", false), ("rg_(1).test", false), (String(repeating: "r", count: 90), false),
        (String(repeating: "r", count: 91), true), ("", true), ("ends.", true), ("has space", true), ("slash/rg", true),
    ])
    func resourceGroups(name: String, rejected: Bool) {
        let (azure, line) = (Azure(resourceGroup: name, location: .eastus), #line)
        let findings = Fixture.topology(azure: azure) { Fixture.regions(3) }.findings(.invalidAzureName)
        #expect(findings.map(\.location.line) == (rejected ? [line] : []), "\(findings)")
    }

    @Test("a name prefix that makes the VNet name too long is reported at each region")
    func longPrefix() {
        // "<60 x p>-r1-vnet" has 68 characters; Azure allows 64 for a VNet.
        let prefix = String(repeating: "p", count: 60)
        let (first, firstLine) = (Fixture.region(1) { ClusterName("one") }, #line)
        let (second, secondLine) = (Fixture.region(2) { ClusterName("two") }, #line)
        let (third, thirdLine) = (Fixture.region(3) { ClusterName("three") }, #line)
        let topology = Fixture.topology(azure: Azure(resourceGroup: "rg", location: .eastus, namePrefix: prefix)) {
            first
            second
            third
        }
        let findings = topology.findings(.invalidAzureName)
        let vnetFindings = findings.filter { $0.message.hasPrefix("VNet name") }
        #expect(vnetFindings.map(\.location.line) == [firstLine, secondLine, thirdLine])
        #expect(vnetFindings.first?.message.contains("has 68 characters; Azure allows 2 to 64") == true)
        #expect(vnetFindings.first?.message.contains("derived from region 'r1' and name prefix '\(prefix)'") == true)
    }

    @Test("VM names must be DNS labels: an underscore in the prefix is fine for networks, not for VMs")
    func underscorePrefix() {
        let topology = Fixture.topology(azure: Azure(resourceGroup: "rg", location: .eastus, namePrefix: "crdb_x")) {
            Fixture.region(1) { ClusterName("one") }
            Fixture.region(2) { ClusterName("two") }
            Fixture.region(3) { ClusterName("three") }
        }
        let findings = topology.findings(.invalidAzureName)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.message.hasPrefix("VM name 'crdb_x-r") })
        #expect(topology.rulesReported == [.invalidAzureName])
    }

    @Test("the longest VM name, of the last node, is the one checked", arguments: [(51, false), (52, true)])
    func lastNodeName(keyLength: Int, rejected: Bool) {
        // "crdb-" + key + "-node10": 63 characters for a 51-character key, 64 for 52.
        let key = String(repeating: "k", count: keyLength)
        let topology = Fixture.topology {
            Fixture.region(1)
            Fixture.region(2, key: key) {
                ClusterName("two")
                Nodes(10)
            }
            Fixture.region(3)
        }
        let findings = topology.findings(.invalidAzureName)
        #expect(findings.count == (rejected ? 1 : 0), "\(findings)")
        if rejected {
            #expect(findings.first?.message.contains("VM name 'crdb-\(key)-node10'") == true)
        }
    }

    @Test("a peering name that is too long is blamed once, on the region with the longer key")
    func peeringLengthBlamedOnTheLongerKey() {
        // "crdb-<50 k>-to-<25 q>" has 9 + 50 + 25 = 84 characters; Azure allows 80. Each key's own
        // names (VNet, VMs, NICs) are short enough, and so are the peerings with 'r1'.
        let long = String(repeating: "k", count: 50), short = String(repeating: "q", count: 25)
        let (longRegion, longLine) = (Fixture.region(2, key: long) { ClusterName("long") }, #line)
        let shortRegion = Fixture.region(3, key: short) { ClusterName("short") }
        let topology = Fixture.topology {
            Fixture.region(1)
            longRegion
            shortRegion
        }
        let findings = topology.findings(.invalidAzureName)
        #expect(findings.map(\.location.line) == [longLine], "\(findings)")
        #expect(findings.first?.message.hasPrefix("VNet peering name 'crdb-\(long)-to-\(short)' has 84 characters; Azure allows 1 to 80") == true)
        #expect(findings.first?.message.contains("derived from region '\(long)'") == true)
        #expect(topology.rulesReported == [.invalidAzureName])
    }

    @Test("peerings of keys that fit are not reported, whichever region holds them", arguments: [(50, 21, false), (50, 22, true), (30, 30, false)])
    func peeringLengthLimit(first: Int, second: Int, rejected: Bool) {
        // 9 + first + second characters: 80 fit, 81 do not.
        let topology = Fixture.topology {
            Fixture.region(1)
            Fixture.region(2, key: String(repeating: "a", count: first)) { ClusterName("two") }
            Fixture.region(3, key: String(repeating: "b", count: second)) { ClusterName("three") }
        }
        let findings = topology.findings(.invalidAzureName)
        #expect(findings.count == (rejected ? 1 : 0), "\(findings)")
    }
}
