import Foundation
import RegionMesh
import Testing

/// The catalogue itself: stable, greppable IDs, the right severities, a summary for each.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    @Test("IDs are kebab-case, and no rule is registered twice")
    func ids() {
        let ids = Rule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count, "a rule is listed by two components: \(ids)")
        for id in ids {
            let words = id.split(separator: "-", omittingEmptySubsequences: false)
            #expect(words.count >= 2 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }, "'\(id)' is not kebab-case")
        }
    }

    @Test("exactly the survival, exposure, pinning, version-mix, sharing and likely-typo rules are warnings; everything else is an error")
    func severities() {
        let warnings = Set(Rule.catalogue.filter { $0.severity == .warning })
        #expect(warnings == [
            .adminOpenToInternet, .clientsOpenToInternet, .unroutableSource, .mixedCiliumVersions, .mixedCockroachVersions, .tooFewRegionsForSurvival,
            .tooFewReplicasForSurvival, .unpinnedK3sVersion, .unknownVMSize, .regionKeyResemblesLocation, .sharedKubeContext,
            .unregisteredTopology,
        ])
        #expect(Rule.catalogue.filter { $0.severity == .error }.count == Rule.catalogue.count - warnings.count)
    }

    @Test("a diagnostic copies its rule's severity")
    func diagnosticSeverity() {
        let at = RegionMesh.SourceLocation(file: "t.swift", line: 1)
        for rule in Rule.catalogue {
            #expect(Diagnostic(rule, "m", at: at).severity == rule.severity)
        }
    }

    @Test("every rule has a distinct one-line summary")
    func summaries() {
        let summaries = Rule.catalogue.map(\.summary)
        #expect(Set(summaries).count == summaries.count)
        for (rule, summary) in zip(Rule.catalogue, summaries) {
            #expect(!summary.isEmpty, "[\(rule.id)] has no summary")
            #expect(!summary.contains("\n"), "[\(rule.id)] summary is not one line")
            #expect(!summary.hasSuffix("."), "[\(rule.id)] summary ends with a period")
        }
    }

    @Test("a warning orders below an error")
    func severityOrder() {
        #expect(Diagnostic.Severity.warning < .error)
        #expect(!(Diagnostic.Severity.error < .error))
        #expect([Diagnostic.Severity.error, .warning].max() == .error)
    }

    @Test("rules are equal by ID and encode as their ID")
    func identity() throws {
        #expect(Rule("overlapping-cidr", .warning, "another summary") == .overlappingCIDR)
        let data = try JSONEncoder().encode([Rule.overlappingCIDR])
        #expect(String(decoding: data, as: UTF8.self) == #"["overlapping-cidr"]"#)
    }
}
