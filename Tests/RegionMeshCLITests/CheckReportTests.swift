import Foundation
import RegionMeshGenerator
import RegionMeshTestSupport
import Testing

@testable import RegionMeshCLI

/// What `generate --check` and `--diff` say: the one-line summary, manifest bookkeeping kept out of
/// the way, files edited by hand named with how to resolve them; and the version the manifest records.
@Suite struct CheckReportTests {
    static let command = "swift run acme generate"

    /// `generate --check` of the fixture app's topologies against `root`, writing nothing, as the
    /// command runs it.
    static func check(_ root: URL) throws -> [ChangeSet] {
        try Generation.run(FixtureApp.topologies, into: root, mode: .check, context: GenerateCommand<FixtureApp>.context(writingInto: root)).changeSets
    }

    @Test func anUpToDateFolderSaysSoAndHasNoVerdict() throws {
        let root = try temporaryFolder()
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", root.path]) == 0)
        let changeSets = try Self.check(root)
        let report = CheckReport(changeSets: changeSets, command: Self.command)
        #expect(report.problems.isEmpty)
        #expect(report.verdict == nil)
        #expect(report.upToDate == ["\(root.path)/fixture: up to date", "\(root.path)/second: up to date"])
        #expect(CheckReport.diffSummary(changeSets) == "no changes: 2 topologies up to date")
    }

    @Test func theDiffEndsWithASummaryAndLeavesTheManifestOut() throws {
        let root = try temporaryFolder()
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", root.path]) == 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("fixture/gitops/README.md"))
        let changeSets = try Self.check(root)
        #expect(CheckReport.diffSummary(changeSets)
            == "1 file would change in 1 of 2 topologies: 1 created, 0 updated, 0 removed (manifest updates not shown)")
        let diff = changeSets.map(\.diff).joined()
        #expect(diff.hasPrefix("--- /dev/null\n+++ \(root.path)/fixture/gitops/README.md\n"))
        #expect(!diff.contains(OutputManifest.fileName))
        #expect(!diff.contains("sha256"))
        let report = CheckReport(changeSets: changeSets, command: Self.command)
        #expect(report.problems == ["stale: create \(root.path)/fixture/gitops/README.md"])
        #expect(report.verdict == "error: \(root.path)/ is not up to date: 1 file of 1 topology would change; run `swift run acme generate` (see the changes with --diff)")
    }

    @Test func aHandEditedFileIsNamedWithHowToResolveIt() throws {
        let root = try temporaryFolder()
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", root.path]) == 0)
        try Data("edited\n".utf8).write(to: root.appendingPathComponent("second/README.md"))
        let report = CheckReport(changeSets: try Self.check(root), command: Self.command)
        let path = "\(root.path)/second/README.md"
        #expect(report.problems == [
            "edited by hand: \(path) differs from what regionmesh last wrote there; move the change into the topology (or drop it with `git checkout -- \(path)`), then run `swift run acme generate --force`"
        ])
        #expect(report.verdict == "error: \(root.path)/ is not up to date: 1 file of 1 topology would change, 1 of them edited by hand; move those edits into the topology, then run `swift run acme generate --force`")
    }

    @Test func theManifestRecordsTheVersionAndANewVersionChangesOnlyTheManifest() throws {
        let root = try temporaryFolder()
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", root.path]) == 0)
        let manifest = root.appendingPathComponent("fixture").appendingPathComponent(OutputManifest.fileName)
        let written = try String(contentsOf: manifest, encoding: .utf8)
        let recorded = "\"generatorVersion\" : \"\(RegionMeshVersion.current)\""
        #expect(written.contains(recorded))
        try Data(written.replacingOccurrences(of: recorded, with: "\"generatorVersion\" : \"0.0.1\"").utf8).write(to: manifest)
        let changeSets = try Self.check(root)
        #expect(CheckReport.diffSummary(changeSets)
            == "only the manifests of 1 of 2 topologies change (the record of what regionmesh wrote, and its version)")
        #expect(CheckReport(changeSets: changeSets, command: Self.command).problems == ["stale: update \(manifest.path)"])
        #expect(RootCommand<FixtureApp>.run(["generate", "--check", "--out", root.path]) == 2)
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", root.path]) == 0)
        #expect(try String(contentsOf: manifest, encoding: .utf8).contains(recorded))
    }
}
