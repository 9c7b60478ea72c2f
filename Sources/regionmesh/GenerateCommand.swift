import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `regionmesh generate`: validates, then writes `out/<topology>/` for each selected topology.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Validate topologies and write their artifacts into out/<topology>/.",
        discussion: """
            Nothing is written when any topology has an error, or when a file in out/ was edited by hand \
            (unless --force). Only files whose bytes change are rewritten, each atomically; files the \
            topology no longer produces are removed; files regionmesh did not write are left alone.
            """)

    @OptionGroup var selection: TopologySelection
    @Option(name: .customLong("out"), help: "The output folder.")
    var outputFolder = "out"
    @Flag(help: "Write nothing; exit 1 and list the files when the output folder is not up to date.")
    var check = false
    @Flag(help: "Write nothing; print a unified diff of what would change.")
    var diff = false
    @Flag(help: "Overwrite or remove files edited by hand.")
    var force = false

    func validate() throws {
        if check && diff { throw ValidationError("--check and --diff are alternatives; give one") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let result: Generation.Result
        do {
            result = try Generation.run(try selection.topologies(), into: root, mode: check || diff ? .check : .write(force: force))
        } catch let error as GeneratorError {
            throw Console.fail(error.message)
        }
        for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
        switch result.blocker {
        case .invalidTopology:
            throw Console.fail("nothing was written: fix the errors above first")
        case .conflicts(let messages):
            for message in messages { Console.error("error: \(message)") }
            throw Console.fail("nothing was written")
        case nil:
            break
        }
        if diff { return print(result.changeSets.map(\.diff).joined(), terminator: "") }
        if check { return try reportCheck(result.changeSets) }
        for changes in result.changeSets {
            let folder = changes.folder.relativePath
            if changes.isEmpty {
                print("\(folder): up to date (\(changes.unchanged.count) files)")
            } else {
                for line in changes.summaryLines { print(line) }
                print("\(folder): \(changes.created.count) created, \(changes.updated.count) updated, \(changes.removed.count) removed, \(changes.unchanged.count) unchanged")
            }
        }
    }

    private func reportCheck(_ changeSets: [ChangeSet]) throws {
        let stale = changeSets.filter { !$0.isEmpty }
        for changes in changeSets where changes.isEmpty { print("\(changes.folder.relativePath): up to date") }
        guard !stale.isEmpty else { return }
        for changes in stale {
            for line in changes.summaryLines { Console.error("stale: \(line)") }
        }
        throw Console.fail("the output folder is not up to date; run `swift run regionmesh generate` (see the changes with --diff)")
    }
}
