import RegionMesh
import RegionMeshTestSupport
import Testing

private let thisFile = "Tests/RegionMeshTests/Validation/IdentityRuleTests.swift"

/// The topology name, region keys, cluster names and cluster IDs: well-formed and unique.
@Suite("Identity rules")
struct IdentityRuleTests {
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

    @Test("a name set with ClusterName clashes with a derived one, which points at its Region")
    func clusterNameClashWithDerived() {
        let line = #line + 1
        let topology = Fixture.withSecondRegion { ClusterName("crdb-r1") }
        let findings = topology.findings(.duplicateClusterName)
        #expect(findings.count == 1)
        #expect(findings.first?.location.line == line)
        // r1's derived name comes from its Region, declared (by the fixture) at the caller's line.
        #expect(findings.first?.relatedLocation == RegionMesh.SourceLocation(file: thisFile, line: line))
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

    @Test("namespaces Kubernetes reserves are not region keys", arguments: ["default", "kube-system", "kube-public", "kube-node-lease"])
    func reservedNamespacesAreNotRegionKeys(key: String) throws {
        let (region, line) = (Fixture.region(1, key: key) { ClusterName("first") }, #line)
        let topology = Fixture.topology {
            region
            Fixture.region(2)
            Fixture.region(3)
        }
        let findings = topology.findings(.reservedRegionKey)
        #expect(findings.map(\.location.line) == [line])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.contains("'\(key)'"))
        #expect(Pipeline.compile(topology).plan == nil)
    }

    @Test("a key that only contains 'kube' is fine", arguments: ["cube-east", "east-kube"])
    func kubeInsideAKey(key: String) {
        let topology = Fixture.topology {
            Fixture.region(1, key: key) { ClusterName("first") }
            Fixture.region(2)
            Fixture.region(3)
        }
        #expect(topology.diagnostics == [])
    }

    @Test("the topology name must be a DNS-1123 label", arguments: ["Three Regions", "crdb_three", "-crdb", String(repeating: "x", count: 64), ""])
    func topologyNameMustBeADNSLabel(name: String) throws {
        let (topology, line) = (Fixture.topology(name, regions: 3), #line)
        let findings = topology.findings(.invalidTopologyName)
        #expect(findings.map(\.location) == [RegionMesh.SourceLocation(file: thisFile, line: line)])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.contains("app.kubernetes.io/part-of"))
    }
}
