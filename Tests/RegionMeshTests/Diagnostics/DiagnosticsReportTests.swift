import RegionMesh
import RegionMeshTestSupport
import Testing

private let thisFile = "Tests/RegionMeshTests/Diagnostics/DiagnosticsReportTests.swift"

/// Validation reports every problem in one run, in location order; only errors stop the Plan.
@Suite("Diagnostics report")
struct DiagnosticsReportTests {
    @Test("several different errors are all reported in one run, sorted by location")
    func everyErrorAtOnce() throws {
        // Declared here out of order on purpose: the report must follow the lines, not the regions.
        // An overlap is reported at the later of its two declarations: both are written here.
        let overlapped = Pods("10.150.0.0/16")
        let (badCIDR, cidrLine) = (Pods("10.103.0.0/33"), #line)
        let (noNodes, nodesLine) = (Nodes(0), #line)
        let (oldCilium, ciliumLine) = (Cilium(version: "1.14.0"), #line)
        let (overlap, overlapLine) = (Services("10.150.0.0/16"), #line)
        let (badPriority, priorityLine) = (InboundRule("AllowSQL", priority: 50, ports: ["26257"], from: ["145.40.0.0/24"]), #line)
        let topology = Fixture.topology {
            Fixture.region(1) {
                oldCilium
                badPriority
                overlapped
            }
            Fixture.region(2) {
                overlap
                noNodes
            }
            Fixture.region(3) { badCIDR }
        }
        let diagnostics = topology.diagnostics
        let summary = diagnostics.map { "\($0.rule.id)@\($0.location.line)" }
        #expect(
            summary == [
                "invalid-cidr@\(cidrLine)", "invalid-node-count@\(nodesLine)", "unsupported-cilium-version@\(ciliumLine)",
                "overlapping-cidr@\(overlapLine)", "invalid-nsg-priority@\(priorityLine)",
            ])
        #expect(diagnostics.allSatisfy { $0.location.file == thisFile })
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(zip(diagnostics, diagnostics.dropFirst()).allSatisfy { $0.location <= $1.location })
        #expect(diagnostics.sortedByLocation() == diagnostics)
        #expect(Pipeline.compile(topology).plan == nil)
        #expect(Pipeline.compile(topology).diagnostics == diagnostics)
    }

    @Test("findings on one line are ordered by rule ID, then message")
    func sameLineOrder() {
        let location = RegionMesh.SourceLocation(file: "t.swift", line: 3)
        let unsorted = [
            Diagnostic(.reservedRange, "b", at: location), Diagnostic(.invalidCIDR, "z", at: location),
            Diagnostic(.reservedRange, "a", at: location), Diagnostic(.adminOpenToInternet, "m", at: .init(file: "t.swift", line: 2)),
        ]
        #expect(unsorted.sortedByLocation().map { "\($0.rule.id):\($0.message)" } == [
            "admin-open-to-internet:m", "invalid-cidr:z", "reserved-range:a", "reserved-range:b",
        ])
    }

    @Test("all four warnings together still produce a Plan, and are all reported")
    func warningsDoNotStopThePlan() throws {
        let topology = Fixture.topology(defaults: [AdminAccess(from: "*"), K3s(channel: "stable")]) {
            Fixture.region(1)
            Fixture.region(2) { CockroachDB(replicas: 2) }
        }
        let compilation = Pipeline.compile(topology)
        #expect(Set(compilation.diagnostics.map(\.rule)) == [.adminOpenToInternet, .tooFewRegionsForSurvival, .tooFewReplicasForSurvival, .unpinnedK3sVersion])
        #expect(compilation.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!compilation.diagnostics.containsErrors)
        let plan = try #require(compilation.plan)
        #expect(plan.regions.map(\.key) == ["r1", "r2"])
        #expect(plan.k3s[plan.regions[0]].release == .channel("stable"))
        #expect(plan.cockroach[plan.regions[1]].replicas == 2)
    }

    @Test("one error among warnings stops the Plan; the warnings are still reported")
    func oneErrorStopsThePlan() {
        let topology = Fixture.topology(defaults: [AdminAccess(from: "*")]) {
            Fixture.region(1)
            Fixture.region(2) { Nodes(0) }
        }
        let compilation = Pipeline.compile(topology)
        #expect(compilation.plan == nil)
        #expect(compilation.diagnostics.containsErrors)
        #expect(Set(compilation.diagnostics.map(\.rule)) == [.adminOpenToInternet, .tooFewRegionsForSurvival, .invalidNodeCount])
    }

    @Test("the rendered form reads like a compiler's, with and without a related location")
    func rendering() {
        let plain = Diagnostic(.invalidNodeCount, "region 'r2' has 0 nodes; it needs at least 1", at: .init(file: "topologies/A.swift", line: 9))
        #expect(plain.description == "topologies/A.swift:9: error: [invalid-node-count] region 'r2' has 0 nodes; it needs at least 1")
        let warning = Diagnostic(.unpinnedK3sVersion, "k3s follows a channel", at: .init(file: "topologies/A.swift", line: 4))
        #expect(warning.description == "topologies/A.swift:4: warning: [unpinned-k3s-version] k3s follows a channel")
        let pair = Diagnostic(
            .overlappingCIDR, "pod range 10.1.0.0/16 of region 'westus' overlaps VNet 10.1.0.0/16 of region 'eastus'",
            at: .init(file: "topologies/ThreeRegion.swift", line: 17), related: .init(file: "topologies/ThreeRegion.swift", line: 11))
        #expect(
            pair.description
                == "topologies/ThreeRegion.swift:17: error: [overlapping-cidr] pod range 10.1.0.0/16 of region 'westus' overlaps VNet 10.1.0.0/16 of region 'eastus' (topologies/ThreeRegion.swift:11)"
        )
    }

    @Test("containsErrors is about errors only")
    func containsErrors() {
        let at = RegionMesh.SourceLocation(file: "t.swift", line: 1)
        #expect(![Diagnostic]().containsErrors)
        #expect(![Diagnostic(.adminOpenToInternet, "w", at: at)].containsErrors)
        #expect([Diagnostic(.adminOpenToInternet, "w", at: at), Diagnostic(.noRegions, "e", at: at)].containsErrors)
    }

    @Test("a missing Azure declaration and a missing region are both reported at the topology")
    func emptyTopology() {
        let (topology, line) = (Fixture.topology("bare", azure: nil) {}, #line)
        let diagnostics = topology.diagnostics
        #expect(diagnostics.map(\.rule) == [.missingDeclaration, .noRegions])
        #expect(diagnostics.allSatisfy { $0.location == RegionMesh.SourceLocation(file: thisFile, line: line) })
        #expect(diagnostics.first?.message.contains("Azure(resourceGroup:location:)") == true)
    }

    @Test("a second Azure declaration is a duplicate pointing at the first")
    func duplicateAzure() {
        let (first, firstLine) = (Azure(resourceGroup: "rg", location: .eastus), #line)
        let (second, secondLine) = (Azure(resourceGroup: "rg2", location: .westus), #line)
        let topology = Fixture.topology(azure: first) {
            second
            Fixture.regions(3)
        }
        let findings = topology.diagnostics
        #expect(findings.map(\.rule) == [.duplicateDeclaration])
        #expect(findings.first?.location.line == secondLine)
        #expect(findings.first?.relatedLocation?.line == firstLine)
    }

    @Test("a duplicate setting in Defaults is reported once, not once per region")
    func duplicateInDefaults() {
        let (again, line) = (Nodes(4), #line)
        let findings = Fixture.topology(defaults: [Nodes(3), again]) { Fixture.regions(3) }.diagnostics
        #expect(findings.map(\.rule) == [.duplicateDeclaration])
        #expect(findings.first?.location.line == line)
        #expect(findings.first?.message == "Nodes is declared twice in Defaults; the first declaration is kept")
    }
}
