import RegionMesh
import Testing

/// Region keys, cluster names and cluster IDs: well-formed and unique.
@Suite("Identity rules")
struct IdentityRuleTests {
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

    @Test("a cluster ID used three times: two errors, both pointing back at the first")
    func threeTimes() {
        let (first, firstLine) = (Fixture.region(1, clusterID: 7), #line)
        let (second, secondLine) = (Fixture.region(2, clusterID: 7), #line)
        let (third, thirdLine) = (Fixture.region(3, clusterID: 7), #line)
        let findings = Fixture.topology {
            first
            second
            third
        }.findings(.duplicateClusterID)
        #expect(findings.map(\.location.line) == [secondLine, thirdLine])
        #expect(findings.map(\.relatedLocation?.line) == [firstLine, firstLine])
    }

    @Test("cluster names: 32 characters are accepted, 33 are not")
    func clusterNameLength() {
        let thirtyTwo = String(repeating: "a", count: 32)
        #expect(fixtureWithSecondRegion { ClusterName(thirtyTwo) }.diagnostics == [])
        let findings = fixtureWithSecondRegion { ClusterName(thirtyTwo + "b") }.findings(.invalidClusterName)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("has 33 characters; Cilium allows 1 to 32") == true)
    }

    @Test("cluster names Cilium rejects", arguments: ["", "Upper", "under_score", "-lead", "trail-", "dot.ted", "default", "spa ce"])
    func invalidClusterNames(name: String) {
        let (clusterName, line) = (ClusterName(name), #line)
        let findings = fixtureWithSecondRegion { clusterName }.findings(.invalidClusterName)
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

    @Test("a name set with ClusterName clashes with a derived one")
    func clusterNameClashWithDerived() {
        let (name, line) = (ClusterName("crdb-r1"), #line)
        let findings = fixtureWithSecondRegion { name }.findings(.duplicateClusterName)
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == line)
        // r1's derived name comes from its Region line, in the helper that built the topology.
        #expect(findings.first?.relatedLocation?.file == "Tests/RegionMeshTests/Support/ValidationHelpers.swift")
    }

    @Test("region keys that are not DNS-1123 labels", arguments: ["West", "-west", "west-", "west_us", "west.us", String(repeating: "a", count: 64), ""])
    func invalidRegionKeys(key: String) {
        let (region, line) = (Fixture.region(2, key: key) { ClusterName("second") }, #line)
        let topology = Fixture.topology {
            Fixture.region(1)
            region
            Fixture.region(3)
        }
        #expect(topology.findings(.invalidRegionKey).map(\.location.line) == [line])
    }

    @Test("a 63-character region key is a valid label")
    func longestRegionKey() {
        let key = String(repeating: "a", count: 63)
        let topology = Fixture.topology {
            Fixture.region(1)
            Fixture.region(2, key: key) { ClusterName("second") }
            Fixture.region(3)
        }
        #expect(topology.findings(.invalidRegionKey).isEmpty)
    }
}
