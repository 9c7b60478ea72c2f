import RegionMesh
import RegionMeshTestSupport
import Testing

/// Cilium: supported chart lines, one minor across the mesh, cluster names and IDs ClusterMesh accepts.
@Suite("Cilium rules")
struct CiliumRuleTests {
    @Test(
        "Cilium: the 1.18 and 1.19 lines are supported (a 1.18 region beside 1.19 ones warns of the mix)",
        arguments: [
            ("1.18.0", Rule?.some(.mixedCiliumVersions)), ("1.19.5", nil), ("1.19.0", nil), ("v1.19.5", nil), ("1.17.9", .unsupportedCiliumVersion),
            ("1.20.0", .unsupportedCiliumVersion), ("1.19.5-rc.1", .unsupportedCiliumVersion), ("2.19.0", .unsupportedCiliumVersion),
            ("latest", .invalidVersion), ("1.19", .invalidVersion), ("01.19.0", .invalidVersion), ("1.19.05", .invalidVersion),
            ("1.19.10", nil),
        ])
    func ciliumVersions(version: String, rule: Rule?) {
        let reported = Fixture.withSecondRegion { Cilium(version: version) }.rulesReported
        #expect(reported == (rule.map { [$0] } ?? []))
    }

    @Test("the whole mesh on 1.18 takes the list form of the peers, without a warning")
    func wholeMeshOn118() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3, cilium: "1.18.11"))
        #expect(plan.regions.allSatisfy { plan.cilium[$0].peersForm == .list })
        #expect(Fixture.topology(regions: 3, cilium: "1.18.11").diagnostics == [])
    }

    @Test("cluster IDs 1 and 255 are accepted; 0 and 256 are not", arguments: [(1, false), (255, false), (0, true), (256, true), (-1, true)])
    func clusterIDRange(id: Int, rejected: Bool) {
        let topology = Fixture.topology {
            Fixture.region(1, clusterID: id)
            Fixture.region(2, clusterID: id == 2 ? 20 : 2)
            Fixture.region(3, clusterID: id == 3 ? 30 : 3)
        }
        #expect(topology.findings(.clusterIDOutOfRange).isEmpty != rejected)
        #expect(topology.rulesReported.subtracting([.clusterIDOutOfRange]).isEmpty)
    }

    @Test("an out-of-range cluster ID says which bound it crosses", arguments: [(0, "is below 1"), (256, "is above 255")])
    func clusterIDBounds(id: Int, says: String) {
        let message = Fixture.topology {
            Fixture.region(1, clusterID: id)
            Fixture.region(2)
            Fixture.region(3)
        }.findings(.clusterIDOutOfRange).first?.message
        #expect(message?.contains("cluster ID \(id) of region 'r1' \(says)") == true, "\(message ?? "none")")
    }

    @Test("cluster names: 32 characters are accepted, 33 are not")
    func clusterNameLength() {
        let thirtyTwo = String(repeating: "a", count: 32)
        #expect(Fixture.withSecondRegion { ClusterName(thirtyTwo) }.diagnostics == [])
        let findings = Fixture.withSecondRegion { ClusterName(thirtyTwo + "b") }.findings(.invalidClusterName)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("has 33 characters; Cilium allows 1 to 32") == true)
    }

    @Test("cluster names Cilium rejects", arguments: ["", "Upper", "under_score", "-lead", "trail-", "dot.ted", "default", "spa ce"])
    func invalidClusterNames(name: String) {
        let (clusterName, line) = (ClusterName(name), #line)
        let findings = Fixture.withSecondRegion { clusterName }.findings(.invalidClusterName)
        #expect(findings.map(\.location.line) == [line], "\(findings)")
    }

    @Test("a derived cluster name that is too long is reported at the region")
    func derivedClusterNameTooLong() {
        // "crdb-" + 28 characters = 33.
        let key = String(repeating: "k", count: 28)
        let (region, line) = (Fixture.region(2, key: key), #line)
        let topology = Fixture.topology {
            Fixture.region(1)
            region
            Fixture.region(3)
        }
        let findings = topology.findings(.invalidClusterName)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("'crdb-\(key)'") == true)
        #expect(topology.rulesReported == [.invalidClusterName])
    }
}
