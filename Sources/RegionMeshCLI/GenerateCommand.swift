import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `generate`: validates, then writes `out/<topology>/` for each selected topology; with `--check`
/// or `--diff`, writes nothing and exits 2 when something would change.
struct GenerateCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
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

                Exit status with --check or --diff: 0 when nothing would change, 2 when something would, 1 \
                on an error (as terraform plan -detailed-exitcode).

                Examples:
                  \(App.invocation) generate
                  \(App.invocation) generate \(App.topologies.first?.name ?? "NAME") --out deploy/out
                  \(App.invocation) generate --check
                  \(App.invocation) generate --diff | less
                  \(App.invocation) generate --allow-destructive-changes
                """)
    }

    @OptionGroup var selection: TopologySelection<App>
    @Option(name: .customLong("out"), help: "The output folder.")
    var outputFolder = "out"
    @Flag(help: "Write nothing; list what is not up to date and exit 2 if anything is.")
    var check = false
    @Flag(help: "Write nothing; print a unified diff of what would change and a summary; exit 2 if anything would.")
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
        let context = Self.context(writingInto: root)
        let result: Generation.Result
        do {
            result = try Generation.run(
                try selection.topologies(), into: root, mode: check || diff ? .check : .write(force: force),
                allowDestructiveChanges: allowDestructiveChanges, context: context)
        } catch let error as GeneratorError {
            throw Console.fail(error.message)
        }
        selection.reportUnregistered()
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
        if diff { return try reportDiff(result.changeSets) }
        if check { return try reportCheck(result.changeSets, context: context) }
        printChangeSummaries(result, root: root) { print($0) }
        for changes in result.changeSets {
            let folder = changes.folder.relativePath
            if changes.isEmpty {
                print("\(folder): up to date (\(changes.unchanged.count) files)")
            } else {
                for line in changes.summaryLines { print(line) }
                let counts = changes.counts
                print("\(folder): \(counts.created) created, \(counts.updated) updated, \(counts.removed) removed, \(changes.unchanged.count) unchanged")
            }
        }
    }

    /// What the generated files say when written into `root`: the app's command, the folder's path
    /// in its repository, and the repository GitOps controllers fetch.
    static func context(writingInto root: URL) -> GenerationContext {
        GenerationContext(
            command: App.invocation,
            outputPath: RepositoryPath.of(root, currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
            repository: App.gitRepository)
    }

    /// Each topology's change summary against the plan its folder recorded.
    private func printChangeSummaries(_ result: Generation.Result, root: URL, to output: (String) -> Void) {
        for (changes, plan) in zip(result.changePlans, result.plans) {
            let record = root.appendingPathComponent(plan.name).appendingPathComponent(ArtifactPaths.planJSON).relativePath
            for line in ChangeSummary.lines(changes, plan: plan, recordPath: record) { output(line) }
        }
    }

    /// The diff of every topology, then one line that sums it up; exit 2 when anything changes.
    private func reportDiff(_ changeSets: [ChangeSet]) throws {
        print(changeSets.map(\.diff).joined(), terminator: "")
        print(CheckReport.diffSummary(changeSets))
        if changeSets.contains(where: { !$0.isEmpty }) { throw ExitStatus.changes }
    }

    /// What is not up to date, files edited by hand named as such; exit 2 when anything is.
    private func reportCheck(_ changeSets: [ChangeSet], context: GenerationContext) throws {
        let report = CheckReport(changeSets: changeSets, command: context.generateCommand)
        for line in report.upToDate { print(line) }
        for line in report.problems { Console.error(line) }
        guard let verdict = report.verdict else { return }
        Console.error(verdict)
        throw ExitStatus.changes
    }
}
