import RegionMesh
import Testing

/// The catalogue itself: stable, greppable IDs, the right severities, a summary for each.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    @Test("IDs are kebab-case and unique")
    func ids() {
        let ids = Rule.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let words = id.split(separator: "-", omittingEmptySubsequences: false)
            #expect(words.count >= 2 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }, "'\(id)' is not kebab-case")
        }
    }

    @Test("the catalogue is kept alphabetical by ID")
    func alphabetical() {
        let ids = Rule.allCases.map(\.rawValue)
        #expect(ids == ids.sorted())
    }

    @Test("IDs parse back to their rule")
    func rawValues() {
        for rule in Rule.allCases {
            #expect(Rule(rawValue: rule.rawValue) == rule)
        }
        #expect(Rule(rawValue: "overlapping-cidr") == .overlappingCIDR)
        #expect(Rule(rawValue: "no-such-rule") == nil)
    }

    @Test("exactly the survival, exposure, pinning and version-mix rules are warnings; everything else is an error")
    func severities() {
        let warnings = Set(Rule.allCases.filter { $0.severity == .warning })
        #expect(warnings == [.adminOpenToInternet, .mixedCiliumVersions, .tooFewRegionsForSurvival, .tooFewReplicasForSurvival, .unpinnedK3sVersion])
        #expect(Rule.allCases.filter { $0.severity == .note }.isEmpty)
        #expect(Rule.allCases.filter { $0.severity == .error }.count == Rule.allCases.count - warnings.count)
    }

    @Test("a diagnostic copies its rule's severity")
    func diagnosticSeverity() {
        let at = RegionMesh.SourceLocation(file: "t.swift", line: 1)
        for rule in Rule.allCases {
            #expect(Diagnostic(rule, "m", at: at).severity == rule.severity)
        }
    }

    @Test("every rule has a distinct one-line summary")
    func summaries() {
        let summaries = Rule.allCases.map(\.summary)
        #expect(Set(summaries).count == summaries.count)
        for (rule, summary) in zip(Rule.allCases, summaries) {
            #expect(!summary.isEmpty, "[\(rule.rawValue)] has no summary")
            #expect(!summary.contains("\n"), "[\(rule.rawValue)] summary is not one line")
            #expect(!summary.hasSuffix("."), "[\(rule.rawValue)] summary ends with a period")
        }
    }

    @Test("severities order note < warning < error")
    func severityOrder() {
        #expect(Diagnostic.Severity.note < .warning)
        #expect(Diagnostic.Severity.warning < .error)
        #expect(!(Diagnostic.Severity.error < .error))
        #expect([Diagnostic.Severity.error, .note, .warning].max() == .error)
    }
}
