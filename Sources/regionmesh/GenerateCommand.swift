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
            (unless --force). Only files whose bytes change are rewritten, each atomically.
            """)

    @OptionGroup var selection: TopologySelection
    @Option(name: .customLong("out"), help: "The output folder.")
    var outputFolder = "out"
    @Flag(help: "Write nothing; exit 1 and list the files when out/ is not up to date.")
    var check = false
    @Flag(help: "Write nothing; print a unified diff of what would change.")
    var diff = false
    @Flag(help: "Overwrite or remove files edited by hand.")
    var force = false

    func validate() throws {
        if check && diff { throw ValidationError("--check and --diff are alternatives; give one") }
    }

    func run() throws {
        do {
            try generate()
        } catch let error as WriterError {
            throw Console.fail(error.message)
        }
    }

    private func generate() throws {
        var plans: [Plan] = []
        var invalid = false
        for topology in try selection.topologies() {
            let compilation = Planner.compile(topology)
            for diagnostic in compilation.diagnostics { Console.error(diagnostic.description) }
            if let plan = compilation.plan { plans.append(plan) } else { invalid = true }
        }
        if invalid {
            Console.error("error: nothing was written: fix the errors above first")
            throw ExitCode.failure
        }

        let writer = OutputWriter(root: URL(fileURLWithPath: outputFolder, isDirectory: true))
        let changeSets = try plans.map { try writer.changes(topology: $0.name, artifacts: try Generator.artifacts(for: $0)) }

        if check { return try reportCheck(changeSets) }
        if diff { return print(changeSets.map(\.diff).joined(), terminator: "") }

        let conflicts = changeSets.flatMap { set in set.conflicts.map { $0.message(in: set.folder) } }
        if !conflicts.isEmpty && !force {
            for conflict in conflicts { Console.error("error: \(conflict)") }
            Console.error("error: nothing was written")
            throw ExitCode.failure
        }
        for changes in changeSets {
            try writer.apply(changes)
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
        Console.error("error: out/ is not up to date; run `swift run regionmesh generate` (see the changes with --diff)")
        throw ExitCode.failure
    }
}
