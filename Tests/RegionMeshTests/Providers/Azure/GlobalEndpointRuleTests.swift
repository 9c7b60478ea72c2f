import RegionMesh
import RegionMeshTestSupport
import Testing

/// The rules around clients and names Azure holds globally, beyond one breaking topology each
/// (RuleCoverageTests): where findings point, and what passes.
@Suite("Global endpoint and registry rules")
struct GlobalEndpointRuleTests {
    @Test("the client fixture is clean")
    func clean() {
        #expect(Fixture.withGlobalEndpoint().diagnostics == [])
        #expect(Fixture.withGlobalEndpoint(routing: .priority, serves: [.sql], registry: false).diagnostics == [])
    }

    @Test("Traffic Manager names: DNS labels starting with a letter", arguments: [
        ("crdb-global", true), ("a", true), ("c0ckroach-1", true), (String(repeating: "a", count: 63), true),
        ("Crdb", false), ("1crdb", false), ("crdb-", false), ("crdb.global", false), ("crdb_global", false), ("", false),
        (String(repeating: "a", count: 64), false),
    ])
    func trafficManagerNames(name: String, accepted: Bool) {
        #expect((AzureGlobalRulesProbe.trafficManagerNameProblem(name) == nil) == accepted, "\(name)")
    }

    @Test("registry names: 5–50 lower-case letters and digits", arguments: [
        ("crdbimages", true), ("abcde", true), (String(repeating: "a", count: 50), true),
        ("abcd", false), ("crdb-images", false), ("CrdbImages", false), (String(repeating: "a", count: 51), false),
    ])
    func registryNames(name: String, accepted: Bool) {
        let topology = Fixture.topology {
            ImageRegistry(acr: name)
            Fixture.regions(3)
        }
        #expect(topology.findings(.invalidRegistryName).isEmpty == accepted, "\(name)")
    }

    @Test("a front end's DNS label longer than 63 characters is reported at its region")
    func labelTooLong() throws {
        let name = String(repeating: "g", count: 61)
        let (region, line) = (Fixture.region(2, key: "r2-long"), #line)
        let topology = Fixture.topology(defaults: [ClientAccess(from: Fixture.clientRange)]) {
            GlobalEndpoint(trafficManager: name)
            Fixture.region(1)
            region
            Fixture.region(3)
        }
        let findings = topology.findings(.invalidAzureName)
        #expect(findings.count == 3, "every region's label is too long: \(findings)")
        let second = try #require(findings.first { $0.location.line == line })
        #expect(second.message.contains("DNS label '\(name)-r2-long'"))
    }

    @Test("a topology rule with a client rule's name or priority conflicts with the ClientAccess that made it")
    func clientRuleConflicts() throws {
        let (clients, clientLine) = (ClientAccess(from: Fixture.clientRange), #line)
        let (name, nameLine) = (InboundRule("AllowClientSQL", priority: 300, ports: ["26257"], from: ["145.40.0.0/24"]), #line)
        let (priority, priorityLine) = (InboundRule("Other", priority: 170, ports: ["9090"], from: ["145.40.0.0/24"]), #line)
        let topology = Fixture.topology(defaults: [clients]) {
            GlobalEndpoint(trafficManager: Fixture.globalName)
            Fixture.region(1) { name }
            Fixture.region(2) { priority }
            Fixture.region(3)
        }
        let names = topology.findings(.duplicateNSGRuleName)
        #expect(names.map(\.location.line) == [nameLine] && names.map(\.relatedLocation?.line) == [clientLine])
        #expect(names.first?.message.contains("the client rule 'AllowClientSQL'") == true)
        let priorities = topology.findings(.duplicateNSGPriority)
        #expect(priorities.map(\.location.line) == [priorityLine] && priorities.map(\.relatedLocation?.line) == [clientLine])
        #expect(priorities.first?.message.contains("already used by rule 'AllowTrafficManagerProbes'") == true)
    }

    @Test("a declared NodePort on a client NodePort collides, only where the region serves clients")
    func nodePortCollision() throws {
        let (ports, line) = (NodePorts(dns: 30257), #line)
        let topology = Fixture.withGlobalEndpoint { n in
            if n == 2 { ports }
            if n == 3 { ClientAccess() }
        }
        let findings = topology.findings(.nodePortCollision)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message == "SQL client and DNS NodePorts of region 'r2' are both 30257; each needs its own")
        // The same port in a closed region is free.
        let closed = Fixture.withGlobalEndpoint { n in if n == 2 { NodePorts(dns: 30257); ClientAccess() } }
        #expect(closed.findings(.nodePortCollision).isEmpty)
    }

    @Test("a malformed ClientAccess is reported where it was written, and stops the Plan")
    func malformedSources() throws {
        let (clients, line) = (ClientAccess(from: "151.101.0.0", "*"), #line)
        let topology = Fixture.topology(defaults: [clients]) {
            GlobalEndpoint(trafficManager: Fixture.globalName)
            Fixture.regions(3)
        }
        let findings = topology.findings(.invalidCIDR)
        #expect(findings.count == 2 && findings.allSatisfy { $0.location.line == line })
        #expect(findings.contains { $0.message.contains("'*' must stand alone") })
        #expect(Pipeline.compile(topology).plan == nil)
    }

    @Test("a client source in a documentation range warns, as an administrative one does")
    func unroutableClients() {
        let topology = Fixture.withGlobalEndpoint(clients: ["198.51.100.0/24"])
        #expect(topology.rulesReported == [.unroutableSource])
        #expect(topology.diagnostics.first?.message.hasPrefix("ClientAccess source 198.51.100.0/24 of regions 'r1', 'r2', 'r3'") == true)
    }
}

/// The name check, as validation runs it.
enum AzureGlobalRulesProbe {
    /// The problem a GlobalEndpoint with `name` is reported with, if any.
    static func trafficManagerNameProblem(_ name: String) -> String? {
        Fixture.topology(defaults: [ClientAccess(from: Fixture.clientRange)]) {
            GlobalEndpoint(trafficManager: name)
            Fixture.regions(1)
        }.findings(.invalidTrafficManagerName).first?.message
    }
}
