import RegionMesh
import RegionMeshTestSupport
import Testing

private let thisFile = "Tests/RegionMeshTests/Diagnostics/DiagnosticCollectorTests.swift"

/// One finding per problem: regional findings of one rule at one declaration, worded alike, become
/// one that names every region.
@Suite("Diagnostic collector")
struct DiagnosticCollectorTests {
    private let defaults = RegionMesh.SourceLocation(file: "t.swift", line: 4)
    private let region = RegionMesh.SourceLocation(file: "t.swift", line: 9)

    private func admin(_ name: String) -> String { "admin ports of \(name) are open" }

    @Test("the same finding for several regions at one declaration is one diagnostic naming them in order")
    func mergesRegions() {
        var collector = DiagnosticCollector()
        for key in ["eastus", "westus", "northeurope"] {
            collector.add(.adminOpenToInternet, region: key, at: defaults) { admin($0) }
        }
        #expect(collector.diagnostics == [
            Diagnostic(.adminOpenToInternet, "admin ports of regions 'eastus', 'westus', 'northeurope' are open", at: defaults)
        ])
    }

    @Test("one region alone is named in the singular, and a region reported twice is named once")
    func singular() {
        var collector = DiagnosticCollector()
        collector.add(.adminOpenToInternet, region: "eastus", at: defaults) { admin($0) }
        collector.add(.adminOpenToInternet, region: "eastus", at: defaults) { admin($0) }
        #expect(collector.diagnostics.map(\.message) == ["admin ports of region 'eastus' are open"])
    }

    @Test("a different location, related location, rule or wording keeps findings apart")
    func keepsApart() {
        let other = RegionMesh.SourceLocation(file: "t.swift", line: 12)
        var collector = DiagnosticCollector()
        collector.add(.adminOpenToInternet, region: "a", at: defaults) { admin($0) }
        collector.add(.adminOpenToInternet, region: "b", at: region) { admin($0) }
        collector.add(.adminOpenToInternet, region: "c", at: defaults, related: other) { admin($0) }
        collector.add(.unpinnedK3sVersion, region: "d", at: defaults) { admin($0) }
        collector.add(.adminOpenToInternet, region: "e", at: defaults) { "\($0) is open" }
        collector.add(.adminOpenToInternet, region: "f", at: defaults) { admin($0) }
        let messages = collector.diagnostics.map { "\($0.rule.id)@\($0.location.line):\($0.message)" }
        #expect(messages.count == 5, "\(messages)")
        #expect(messages.contains("admin-open-to-internet@4:admin ports of regions 'a', 'f' are open"))
        #expect(messages.contains("admin-open-to-internet@9:admin ports of region 'b' are open"))
        #expect(messages.contains("admin-open-to-internet@4:region 'e' is open"))
        #expect(messages.contains("unpinned-k3s-version@4:admin ports of region 'd' are open"))
        #expect(collector.diagnostics.filter { $0.relatedLocation == other }.map(\.message) == ["admin ports of region 'c' are open"])
    }

    @Test("plain and regional findings come out together, sorted by location")
    func sortedTogether() {
        var collector = DiagnosticCollector()
        collector.add(.noRegions, "late", at: RegionMesh.SourceLocation(file: "t.swift", line: 20))
        collector.add(.adminOpenToInternet, region: "a", at: region) { admin($0) }
        collector.add(Diagnostic(.invalidCIDR, "early", at: RegionMesh.SourceLocation(file: "t.swift", line: 1)))
        #expect(collector.diagnostics.map(\.location.line) == [1, 9, 20])
        #expect(collector.diagnostics == collector.diagnostics.sortedByLocation())
    }

    @Test("hasErrors counts regional errors, not regional warnings")
    func hasErrors() {
        var warnings = DiagnosticCollector()
        #expect(!warnings.hasErrors)
        warnings.add(.adminOpenToInternet, region: "a", at: defaults) { admin($0) }
        #expect(!warnings.hasErrors)
        var errors = DiagnosticCollector()
        errors.add(.duplicateNSGPriority, region: "a", at: region) { "rule of \($0)" }
        #expect(errors.hasErrors)
        #expect(errors.diagnostics.map(\.severity) == [.error])
    }

    @Test("through the pipeline: one open AdminAccess in Defaults is one warning at its line, naming every region")
    func throughThePipeline() {
        let (open, line) = (AdminAccess(from: "*"), #line)
        let findings = Fixture.topology(regions: 3, defaults: [open]).findings(.adminOpenToInternet)
        #expect(findings.count == 1)
        #expect(findings.first?.location == RegionMesh.SourceLocation(file: thisFile, line: line))
        #expect(findings.first?.message.contains("regions 'r1', 'r2', 'r3'") == true)
    }
}
