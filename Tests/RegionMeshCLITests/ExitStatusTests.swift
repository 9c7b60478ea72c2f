import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator
import RegionMeshTestSupport
import Testing

@testable import RegionMeshCLI

/// An app over two small fixture topologies, as a team's package declares one.
enum FixtureApp: RegionMeshApp {
    static let commandName = "acme"
    static let topologies = [Fixture.valid(), Fixture.topology("second", regions: 3)]
}

/// An app whose one topology has an error.
enum BrokenApp: RegionMeshApp {
    static let commandName = "broken"
    static let topologies = [Fixture.topology("broken", regions: 2) { n in if n == 2 { Pods("10.1.0.0/16") } }]
}

/// A fresh output folder for one test.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The exit statuses of `generate --check` and `--diff` (0 no change, 1 error, 2 changes) and of
/// the conventions every command follows.
@Suite struct ExitStatusTests {
    @Test func checkAndDiffExitTwoWhenSomethingWouldChangeAndZeroWhenNothingWould() throws {
        let out = try temporaryFolder().path
        #expect(RootCommand<FixtureApp>.run(["generate", "--check", "--out", out]) == 2)
        #expect(RootCommand<FixtureApp>.run(["generate", "--diff", "--out", out]) == 2)
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", out]) == 0)
        #expect(RootCommand<FixtureApp>.run(["generate", "--check", "--out", out]) == 0)
        #expect(RootCommand<FixtureApp>.run(["generate", "--diff", "--out", out]) == 0)
    }

    @Test func aHandEditedFileIsAChangeNotAnError() throws {
        let out = try temporaryFolder()
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", out.path]) == 0)
        let readme = out.appendingPathComponent("fixture/README.md")
        try Data("edited\n".utf8).write(to: readme)
        #expect(RootCommand<FixtureApp>.run(["generate", "--check", "--out", out.path]) == 2)
        #expect(RootCommand<FixtureApp>.run(["generate", "--out", out.path]) == 1)
        #expect(RootCommand<FixtureApp>.run(["generate", "--force", "--out", out.path]) == 0)
    }

    @Test func anErrorIsOneWithCheckAndDiffToo() throws {
        let out = try temporaryFolder().path
        #expect(RootCommand<BrokenApp>.run(["generate", "--check", "--out", out]) == 1)
        #expect(RootCommand<BrokenApp>.run(["generate", "--diff", "--out", out]) == 1)
        #expect(RootCommand<BrokenApp>.run(["validate"]) == 1)
        #expect(RootCommand<FixtureApp>.run(["generate", "--check", "--diff"]) == 1, "a usage error is an error")
        #expect(RootCommand<FixtureApp>.run(["generate", "no-such-topology", "--check"]) == 1)
    }

    @Test func aCorruptRecordIsAnErrorForCheck() throws {
        let out = try temporaryFolder()
        try FileManager.default.createDirectory(at: out.appendingPathComponent("fixture"), withIntermediateDirectories: true)
        try Data("{".utf8).write(to: out.appendingPathComponent("fixture/plan.json"))
        #expect(RootCommand<FixtureApp>.run(["generate", "fixture", "--check", "--out", out.path]) == 1)
    }

    @Test func versionAndHelpExitZero() {
        #expect(RootCommand<FixtureApp>.run(["--version"]) == 0)
        #expect(RootCommand<FixtureApp>.run(["--help"]) == 0)
        #expect(RootCommand<FixtureApp>.configuration.version == RegionMeshVersion.current)
    }
}
