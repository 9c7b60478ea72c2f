import RegionMesh
import RegionMeshTestSupport
import Testing

/// NSG rules: priorities, ports and sources; the standard rules take 100, 110 and 120.
@Suite("NSG rules")
struct NSGRuleTests {
    /// A rule declared at the caller's line.
    private func rule(
        priority: Int = 200, ports: [String] = ["26257"], from sources: [String] = ["145.40.0.0/24"],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) -> InboundRule {
        InboundRule("AllowSQL", priority: priority, ports: ports, from: sources, fileID: fileID, filePath: filePath, line: line)
    }

    @Test("priorities 101 and 4096 are accepted; 99 and 4097 are not", arguments: [(101, false), (4096, false), (99, true), (4097, true), (0, true)])
    func priorityRange(priority: Int, rejected: Bool) {
        let topology = Fixture.withSecondRegion { rule(priority: priority) }
        #expect(topology.findings(.invalidNSGPriority).isEmpty != rejected)
        #expect(topology.rulesReported.subtracting([.invalidNSGPriority]).isEmpty)
    }

    @Test("a rule on a standard rule's priority conflicts with the AdminAccess that opened it", arguments: [100, 110, 120])
    func standardPriorities(priority: Int) throws {
        let (admin, adminLine) = (AdminAccess(from: "145.40.0.0/24"), #line)
        let (extra, extraLine) = (InboundRule("AllowSQL", priority: priority, ports: ["26257"], from: ["145.40.0.0/24"]), #line)
        let topology = Fixture.topology(defaults: [admin]) {
            Fixture.region(1)
            Fixture.region(2) { extra }
            Fixture.region(3)
        }
        let findings = topology.findings(.duplicateNSGPriority)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.location.line == extraLine)
        #expect(finding.relatedLocation?.line == adminLine)
        #expect(finding.message.contains("priority \(priority), already used by rule 'Allow"))
    }

    @Test("the same priority in two regions is fine: each region has its own NSG")
    func priorityPerRegion() {
        let topology = Fixture.topology {
            Fixture.region(1) { rule(priority: 300) }
            Fixture.region(2) { rule(priority: 300) }
            Fixture.region(3)
        }
        #expect(topology.diagnostics == [])
    }

    @Test("a priority in Defaults and the same in a region conflict")
    func defaultsAndRegion() {
        let (inDefaults, defaultsLine) = (InboundRule("AllowSQL", priority: 300, ports: ["26257"], from: ["145.40.0.0/24"]), #line)
        let (inRegion, regionLine) = (InboundRule("AllowConsole", priority: 300, ports: ["8080"], from: ["145.40.0.0/24"]), #line)
        let findings = Fixture.topology(defaults: [inDefaults]) {
            Fixture.region(1)
            Fixture.region(2) { inRegion }
            Fixture.region(3)
        }.findings(.duplicateNSGPriority)
        #expect(findings.map(\.location.line) == [regionLine])
        #expect(findings.map(\.relatedLocation?.line) == [defaultsLine])
    }

    @Test("ports and port ranges that are accepted", arguments: [["22"], ["1"], ["65535"], ["30000-32767"], ["80", "443"], ["8080-8080"]])
    func validPorts(ports: [String]) {
        #expect(Fixture.withSecondRegion { rule(ports: ports) }.diagnostics == [])
    }

    @Test(
        "ports that are rejected, with what is wrong",
        arguments: [
            (["0"], "port 0 in '0' is outside 1–65535"), (["70000"], "port 70000"), (["200-100"], "not ordered low-high; write '100-200'"),
            (["http"], "'http' is not a port"), (["1-2-3"], "'1-2-3' is not a port"), (["-5"], "'-5' is not a port"),
            ([], "lists no port"), (["1-70000"], "port 70000 in '1-70000'"), (["+22"], "'+22' is not a port"),
            (["123456"], "'123456' is not a port"),
        ])
    func invalidPorts(ports: [String], problem: String) {
        let (declared, line) = (rule(ports: ports), #line)
        let findings = Fixture.withSecondRegion { declared }.findings(.invalidPort)
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.location.line == line)
        #expect(findings.first?.message.contains(problem) == true, "\(findings)")
    }

    @Test("sources: CIDR blocks or '*' alone")
    func sources() {
        #expect(Fixture.withSecondRegion { rule(from: ["*"]) }.diagnostics == [])
        #expect(Fixture.withSecondRegion { rule(from: ["145.40.0.0/24", "151.101.0.0/24"]) }.diagnostics == [])
        #expect(Fixture.withSecondRegion { rule(from: ["192.0.2.1/24"]) }.rulesReported == [.cidrHostBitsSet])
        #expect(Fixture.withSecondRegion { rule(from: ["192.0.2.0"]) }.rulesReported == [.invalidCIDR])
        #expect(Fixture.withSecondRegion { rule(from: []) }.findings(.invalidCIDR).first?.message.contains("lists no source") == true)
        let mixed = Fixture.withSecondRegion { rule(from: ["*", "145.40.0.0/24"]) }.findings(.invalidCIDR)
        #expect(mixed.first?.message.contains("('*' must stand alone)") == true, "\(mixed)")
    }

    @Test("a malformed AdminAccess is reported at the AdminAccess line")
    func adminAccessSources() {
        let (admin, line) = (AdminAccess(from: "203.0.113.0/33"), #line)
        let findings = Fixture.withSecondRegion { admin }.findings(.invalidCIDR)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("'33' is not a prefix length") == true)
    }

    @Test("the standard rules open SSH, the API and the NodePorts to the AdminAccess sources")
    func standardRules() throws {
        let plan = try Fixture.plan(Fixture.valid())
        let rules = plan.azure[plan.regions[0]].securityRules
        #expect(rules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts"])
        #expect(rules.map(\.priority) == [100, 110, 120])
        #expect(rules.map { $0.ports.map(\.description) } == [["22"], ["6443"], ["30000-32767"]])
        #expect(rules.allSatisfy { $0.sources.map(\.description) == ["145.40.0.0/24"] && $0.networkProtocol == .tcp })
    }

    @Test("the Plan lists a region's rules by priority")
    func rulesByPriority() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion {
            InboundRule("Late", priority: 400, ports: ["1"], protocol: .udp, from: ["*"])
            InboundRule("Early", priority: 150, ports: ["2"], protocol: .any, from: ["145.40.0.0/24"])
        })
        let rules = plan.azure[plan.regions[1]].securityRules
        #expect(rules.map(\.priority) == [100, 110, 120, 150, 400])
        #expect(rules.map(\.networkProtocol.rawValue) == ["Tcp", "Tcp", "Tcp", "*", "Udp"])
        #expect(rules.map { $0.sources.map(\.description) } == [["145.40.0.0/24"], ["145.40.0.0/24"], ["145.40.0.0/24"], ["145.40.0.0/24"], ["*"]])
    }
}
