import RegionMesh
import Testing

/// Node counts, replicas, NodePorts, versions and quantities.
@Suite("Capacity and setting rules")
struct CapacityAndSettingRuleTests {
    /// A CockroachDB declared at the caller's line.
    private func crdb(
        version: String = "v26.2.1", storage: String = "10Gi", cpu: Int = 1, memory: String = "4Gi", replicas: Int? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) -> CockroachDB {
        CockroachDB(
            version: version, storage: storage, cpu: cpu, memory: memory, replicas: replicas, fileID: fileID, filePath: filePath, line: line)
    }

    @Test("negative node counts are reported like zero")
    func negativeNodes() {
        let (nodes, line) = (Nodes(-2), #line)
        let findings = fixtureWithSecondRegion { nodes }.findings(.invalidNodeCount)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message == "region 'r2' has -2 nodes; it needs at least 1")
    }

    @Test("zero replicas is an invalid count, reported at CockroachDB")
    func zeroReplicas() {
        let (declared, line) = (crdb(replicas: 0), #line)
        let topology = fixtureWithSecondRegion { declared }
        #expect(topology.findings(.invalidNodeCount).map(\.location.line) == [line])
        #expect(topology.rulesReported == [.invalidNodeCount])
    }

    @Test("replicas equal to the node count are fine; one more is an error", arguments: [(3, 3, false), (5, 5, false), (3, 4, true), (1, 2, true)])
    func replicasAgainstNodes(nodes: Int, replicas: Int, rejected: Bool) {
        let topology = fixtureWithSecondRegion {
            Nodes(nodes)
            crdb(replicas: replicas)
        }
        #expect(topology.findings(.replicasExceedNodes).isEmpty != rejected)
    }

    @Test("fewer than three replicas in a region warn, whether declared or from the node count", arguments: [1, 2])
    func fewReplicas(count: Int) throws {
        let declared = fixtureWithSecondRegion { crdb(replicas: count) }
        #expect(declared.rulesReported == [.tooFewReplicasForSurvival])
        let fromNodes = fixtureWithSecondRegion { Nodes(count) }
        #expect(fromNodes.rulesReported == [.tooFewReplicasForSurvival])
        #expect(fromNodes.diagnostics.first?.message.contains("runs \(count) CockroachDB replica") == true)
        #expect(Planner.compile(fromNodes).plan != nil)
    }

    @Test("too few replicas: at the Nodes line when replicas follow the node count, at CockroachDB when declared")
    func fewReplicasLocation() {
        // The CockroachDB of Defaults is shared by healthy regions; the region's own Nodes(2) is what to change.
        let (nodes, nodesLine) = (Nodes(2), #line)
        let fromNodes = fixtureWithSecondRegion { nodes }.findings(.tooFewReplicasForSurvival)
        #expect(fromNodes.map(\.location) == [nodes.sourceLocation])
        #expect(fromNodes.first?.location.line == nodesLine)

        let (declared, declaredLine) = (crdb(replicas: 2), #line)
        let fromReplicas = fixtureWithSecondRegion {
            Nodes(5)
            declared
        }.findings(.tooFewReplicasForSurvival)
        #expect(fromReplicas.map(\.location.line) == [declaredLine])
    }

    @Test("one region, two regions warn; three do not; none is an error instead", arguments: [(1, true), (2, true), (3, false)])
    func regionsForSurvival(count: Int, warns: Bool) {
        let topology = Fixture.topology {
            for n in 1...count { Fixture.region(n) }
        }
        #expect(topology.findings(.tooFewRegionsForSurvival).count == (warns ? 1 : 0))
        #expect(topology.findings(.tooFewRegionsForSurvival).first?.severity ?? .warning == .warning)
    }

    @Test("NodePorts must lie in 30000–32767", arguments: [(30000, 32767, 0), (29999, 30053, 1), (32379, 32768, 1), (80, 53, 2)])
    func nodePortRange(clusterMesh: Int, dns: Int, errors: Int) {
        let topology = fixtureWithSecondRegion { NodePorts(clusterMesh: clusterMesh, dns: dns) }
        #expect(topology.findings(.nodePortOutOfRange).count == errors)
    }

    @Test("a NodePorts in Defaults that collides is reported at the Defaults line")
    func nodePortCollisionInDefaults() {
        let (ports, line) = (NodePorts(clusterMesh: 31000, dns: 31000), #line)
        let findings = Fixture.topology(defaults: [ports.setting]) { Fixture.standardRegions() }.findings(.nodePortCollision)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.location.line == line })
    }

    @Test("k3s: a pinned +k3s release or a channel", arguments: [
        (K3s(version: "v1.33.5+k3s1"), Rule?.none), (K3s(version: "v1.32.9+k3s2"), nil),
        (K3s(version: "v1.33.5"), .invalidVersion), (K3s(version: "1.33.5+k3s1"), .invalidVersion), (K3s(version: "latest"), .invalidVersion),
        (K3s(channel: "stable"), .unpinnedK3sVersion), (K3s(channel: "v1.33"), .unpinnedK3sVersion), (K3s(channel: ""), .invalidVersion),
        (K3s(channel: "stable; rm -rf /"), .invalidVersion),
    ])
    func k3sVersions(k3s: K3s, rule: Rule?) {
        let reported = fixtureWithSecondRegion { k3s }.rulesReported
        #expect(reported == (rule.map { [$0] } ?? []))
    }

    @Test("Cilium: the 1.18 and 1.19 lines are supported (a 1.18 region beside 1.19 ones warns of the mix)", arguments: [
        ("1.18.0", Rule?.some(.mixedCiliumVersions)), ("1.19.5", nil), ("1.19.0", nil), ("v1.19.5", nil), ("1.17.9", .unsupportedCiliumVersion), ("1.20.0", .unsupportedCiliumVersion),
        ("1.19.5-rc.1", .unsupportedCiliumVersion), ("2.19.0", .unsupportedCiliumVersion), ("latest", .invalidVersion), ("1.19", .invalidVersion),
    ])
    func ciliumVersions(version: String, rule: Rule?) {
        let reported = fixtureWithSecondRegion { Cilium(version: version) }.rulesReported
        #expect(reported == (rule.map { [$0] } ?? []))
    }

    @Test("CockroachDB versions need the leading v", arguments: [
            ("v26.2.1", false), ("v25.4.0", false), ("v26.2.0-beta.1", false), ("26.2.1", true), ("v26.2", true), ("latest", true),
            ("v26.2.1+build.5", true),
        ])
    func cockroachVersions(version: String, rejected: Bool) {
        let reported = fixtureWithSecondRegion { crdb(version: version) }.rulesReported
        #expect(reported == (rejected ? [.invalidVersion] : []))
    }

    @Test("storage and memory must be Kubernetes quantities", arguments: [
        ("100Gi", "8Gi", false), ("1Ti", "512Mi", false), ("100G", "8000M", false), ("100", "8Gi", false),
        ("100GB", "8Gi", true), ("100Gi", "8gi", true), ("0Gi", "8Gi", true), ("", "8Gi", true), ("-1Gi", "8Gi", true),
    ])
    func quantities(storage: String, memory: String, rejected: Bool) {
        let reported = fixtureWithSecondRegion { crdb(storage: storage, memory: memory) }.rulesReported
        #expect(reported == (rejected ? [.invalidQuantity] : []))
    }

    @Test("CPU must be at least one core")
    func cpu() {
        let (declared, line) = (crdb(cpu: 0), #line)
        let findings = fixtureWithSecondRegion { declared }.findings(.invalidQuantity)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("cpu of region 'r2' is 0") == true)
    }

    @Test("a shared warning from Defaults is reported once, naming every region")
    func sharedWarningsOnce() {
        let topology = Fixture.topology(defaults: [K3s(channel: "stable").setting, AdminAccess(from: "*").setting]) {
            Fixture.standardRegions()
        }
        #expect(topology.findings(.unpinnedK3sVersion).count == 1)
        #expect(topology.findings(.adminOpenToInternet).count == 1)
    }

    @Test("a region that overrides a shared warning setting gets its own warning")
    func sharedWarningsPerDeclaration() {
        let (own, line) = (AdminAccess(from: "*"), #line)
        let topology = Fixture.topology(defaults: [AdminAccess(from: "*").setting]) {
            Fixture.region(1)
            Fixture.region(2) { own }
            Fixture.region(3)
        }
        let findings = topology.findings(.adminOpenToInternet)
        #expect(findings.count == 2)
        #expect(findings.contains { $0.location.line == line && $0.message.contains("region 'r2'") })
        #expect(findings.contains { $0.message.contains("regions 'r1', 'r3'") })
    }
}
