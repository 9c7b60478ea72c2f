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
            Each topology's plan is compared with the one recorded in out/<topology>/plan.json and the \
            change summary printed: what setup.sh will add, remove, change in place, restart, or cannot \
            change in place. Nothing is written when any topology has an error, when a file in out/ was \
            edited by hand (unless --force), or when a change cannot be made in place or deletes storage \
            (unless --allow-destructive-changes). Only files whose bytes change are rewritten, each \
            atomically; files the topology no longer produces are removed; files regionmesh did not \
            write are left alone.
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
    @Flag(help: "Acknowledge changes that cannot be made in place or delete storage (removed regions or nodes), after reading the change summary.")
    var allowDestructiveChanges = false

    func validate() throws {
        if check && diff { throw ValidationError("--check and --diff are alternatives; give one") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let result: Generation.Result
        do {
            result = try Generation.run(
                try selection.topologies(), into: root, mode: check || diff ? .check : .write(force: force),
                allowDestructiveChanges: allowDestructiveChanges)
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
        case .unacknowledgedChanges(let plans):
            printChangeSummaries(result, root: root, to: Console.error)
            for changes in plans {
                let count = changes.needingAcknowledgement.count
                Console.error("error: \(changes.topology): \(count) change\(count == 1 ? "" : "s") cannot be made in place or delete storage (marked above)")
            }
            throw Console.fail("nothing was written; read the summary, then run again with --allow-destructive-changes to acknowledge it")
        case nil:
            break
        }
        if diff { return print(result.changeSets.map(\.diff).joined(), terminator: "") }
        if check { return try reportCheck(result.changeSets) }
        printChangeSummaries(result, root: root) { print($0) }
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

    /// Each topology's change summary against the plan its folder recorded.
    private func printChangeSummaries(_ result: Generation.Result, root: URL, to output: (String) -> Void) {
        for (changes, plan) in zip(result.changePlans, result.plans) {
            let record = root.appendingPathComponent(plan.name).appendingPathComponent(ArtifactPaths.planJSON).relativePath
            for line in ChangeSummary.lines(changes, plan: plan, recordPath: record) { output(line) }
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
