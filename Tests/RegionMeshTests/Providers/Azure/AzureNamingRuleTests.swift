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

    @Test("the same problem in many peering names is reported once per region")
    func peeringsOnce() {
        // Region keys that end in '-' make peering names end in '-' (and are invalid keys themselves).
        let topology = Fixture.topology {
            Fixture.region(1) { ClusterName("one") }
            Fixture.region(2) { ClusterName("two") }
            Fixture.region(3, key: "r3-") { ClusterName("three") }
        }
        let findings = topology.findings(.invalidAzureName)
        // r1 and r2 each peer to 'r3-'; r3's own peering names end in a letter.
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.allSatisfy { $0.message.contains("VNet peering name 'crdb-r") && $0.message.contains("-to-r3-'") })
    }
}
