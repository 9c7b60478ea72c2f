import RegionMesh
import RegionMeshTestSupport
import Testing

/// Node counts, administrative access and the fixed NodePorts.
@Suite("Node rules")
struct NodeRuleTests {
    @Test("negative node counts are reported like zero, at the Nodes line")
    func negativeNodes() {
        let (nodes, line) = (Nodes(-2), #line)
        let findings = Fixture.withSecondRegion { nodes }.findings(.invalidNodeCount)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message == "Nodes(-2) gives -2 nodes; a region needs at least 1")
    }

    @Test("an invalid Nodes in Defaults is one error at its line, and stops the Plan")
    func invalidNodesInDefaults() {
        let (nodes, line) = (Nodes(0), #line)
        let topology = Fixture.topology(regions: 3, defaults: [nodes])
        #expect(topology.findings(.invalidNodeCount).map(\.location.line) == [line])
        #expect(Pipeline.compile(topology).plan == nil)
    }

    @Test("NodePorts must lie in 30000–32767", arguments: [(30000, 32767, 0), (29999, 30053, 1), (32379, 32768, 1), (80, 53, 2)])
    func nodePortRange(clusterMesh: Int, dns: Int, errors: Int) {
        let topology = Fixture.withSecondRegion { NodePorts(clusterMesh: clusterMesh, dns: dns) }
        #expect(topology.findings(.nodePortOutOfRange).count == errors)
    }

    @Test("a NodePorts in Defaults that collides is reported once, at the Defaults line, naming every region")
    func nodePortCollisionInDefaults() {
        let (ports, line) = (NodePorts(clusterMesh: 31000, dns: 31000), #line)
        let findings = Fixture.topology(defaults: [ports]) { Fixture.regions(3) }.findings(.nodePortCollision)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message == "ClusterMesh and DNS NodePorts of regions 'r1', 'r2', 'r3' are both 31000; each needs its own")
    }

    @Test("a region's own port that meets the port from Defaults collides in that region only")
    func nodePortCollisionAcrossScopes() {
        let (ports, line) = (NodePorts(dns: 32379), #line)
        let findings = Fixture.withSecondRegion { ports }.findings(.nodePortCollision)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("of region 'r2' are both 32379") == true)
    }

    @Test("a shared warning from Defaults is reported once, naming every region")
    func sharedWarningsOnce() {
        let topology = Fixture.topology(defaults: [K3s(channel: "stable"), AdminAccess(from: "*")]) { Fixture.regions(3) }
        #expect(topology.findings(.unpinnedK3sVersion).count == 1)
        #expect(topology.findings(.adminOpenToInternet).count == 1)
    }

    @Test("a region that overrides a shared warning setting gets its own warning")
    func sharedWarningsPerDeclaration() {
        let (own, line) = (AdminAccess(from: "*"), #line)
        let topology = Fixture.topology(defaults: [AdminAccess(from: "*")]) {
            Fixture.region(1)
            Fixture.region(2) { own }
            Fixture.region(3)
        }
        let findings = topology.findings(.adminOpenToInternet)
        #expect(findings.count == 2)
        #expect(findings.contains { $0.location.line == line && $0.message.contains("region 'r2'") })
        #expect(findings.contains { $0.message.contains("regions 'r1', 'r3'") })
    }

    @Test("a malformed AdminAccess is reported at the AdminAccess line")
    func adminAccessSources() {
        let (admin, line) = (AdminAccess(from: "203.0.113.0/33"), #line)
        let findings = Fixture.withSecondRegion { admin }.findings(.invalidCIDR)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("'33' is not a prefix length") == true)
    }

    @Test("0.0.0.0/0 opens the administrative ports to any address, as '*' does", arguments: ["*", "0.0.0.0/0"])
    func adminOpenToAnyAddress(source: String) {
        let (admin, line) = (AdminAccess(from: source), #line)
        let topology = Fixture.withSecondRegion { admin }
        let findings = topology.findings(.adminOpenToInternet)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("of region 'r2' are open to any address ('\(source)')") == true, "\(findings)")
        #expect(topology.rulesReported == [.adminOpenToInternet], "any address is no unroutable range")
    }

    @Test(
        "a source inside a documentation or unroutable range warns: nobody connects from it",
        arguments: [
            ("192.0.2.0/24", "192.0.2.0/24", "TEST-NET-1"), ("198.51.100.7/32", "198.51.100.0/24", "TEST-NET-2"),
            ("203.0.113.128/25", "203.0.113.0/24", "TEST-NET-3"), ("0.0.0.0/8", "0.0.0.0/8", "'this network'"),
            ("100.64.12.0/24", "100.64.0.0/10", "carrier-grade NAT"), ("127.0.0.1/32", "127.0.0.0/8", "loopback"),
            ("169.254.1.0/24", "169.254.0.0/16", "link-local"), ("198.18.0.0/15", "198.18.0.0/15", "benchmarking"),
            ("224.0.0.0/4", "224.0.0.0/4", "multicast"), ("240.0.0.0/8", "240.0.0.0/4", "reserved"),
        ])
    func unroutableAdminSource(source: String, range: String, why: String) {
        let (admin, line) = (AdminAccess(from: "145.40.0.0/24", source), #line)
        let topology = Fixture.withSecondRegion { admin }
        let findings = topology.findings(.unroutableSource)
        #expect(findings.map(\.location.line) == [line], "one finding, for the one unroutable source")
        #expect(findings.first?.message.hasPrefix("AdminAccess source \(source) of region 'r2' lies in \(range) (") == true, "\(findings)")
        #expect(findings.first?.message.contains(why) == true)
        #expect(findings.first?.severity == .warning)
        #expect(Pipeline.compile(topology).plan != nil, "a warning")
    }

    @Test("a range only partly inside an unroutable one, or a routable one, does not warn", arguments: ["203.0.112.0/23", "100.0.0.0/8", "145.40.0.0/24", "8.8.8.8/32"])
    func routableSources(source: String) {
        #expect(Fixture.withSecondRegion { AdminAccess(from: source) }.findings(.unroutableSource) == [])
    }

    @Test("an extra inbound rule's unroutable source warns at the rule; in Defaults once for every region")
    func unroutableInboundRuleSource() {
        let (rule, line) = (InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24", "198.51.100.0/24"]), #line)
        let findings = Fixture.topology(regions: 3, defaults: [rule]).findings(.unroutableSource)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.hasPrefix("inbound rule 'AllowSQL' source 198.51.100.0/24 of regions 'r1', 'r2', 'r3' lies in 198.51.100.0/24") == true, "\(findings)")
    }
}
