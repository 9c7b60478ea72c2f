import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `plan`: the resolved plan, and the change plan against what out/ recorded.
struct PlanCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: "Show the resolved plan and what applying it changes against the plan recorded in out/.",
            discussion: """
                Text: the address plan, clusters, nodes and cloud resources, then the change summary against \
                out/<topology>/plan.json. JSON: one object per topology with "topology", "plan" (the full Plan) \
                and "changes" (the change plan: each change's region, resource, kind, detail, restarts, remedy).

                Examples:
                  \(App.invocation) plan \(App.topologies.first?.name ?? "NAME")
                  \(App.invocation) plan --format json | jq '.[].changes'
                """)
    }

    @OptionGroup var selection: TopologySelection<App>
    @Option(help: "text (tables and the change summary) or json (the plan and the change plan).")
    var format: OutputFormat = .text
    @Option(name: .customLong("out"), help: "The output folder whose recorded plans the new ones are compared with.")
    var outputFolder = "out"

    /// One topology's plan and its changes, as `--format json` prints them.
    struct Entry: Encodable {
        let topology: String
        let plan: Plan
        let changes: ChangePlan
    }

    func run() throws {
        let root = URL(fileURLWithPath: outputFolder, isDirectory: true)
        var failed = false
        var entries: [Entry] = []
        for compilation in Pipeline.compile(try selection.topologies()) {
            for diagnostic in compilation.diagnostics { Console.error(diagnostic.description) }
            guard let plan = compilation.plan else {
                failed = true
                continue
            }
            let record: PlanRecord
            do { record = try PlanRecord.read(topology: plan.name, root: root) } catch { throw Console.fail(error.message) }
            entries.append(Entry(topology: plan.name, plan: plan, changes: record.changes(to: plan)))
        }
        switch format {
        case .text:
            for entry in entries {
                print(PlanTables.render(entry.plan))
                let recordPath = root.appendingPathComponent(entry.topology).appendingPathComponent(ArtifactPaths.planJSON).relativePath
                for line in ChangeSummary.lines(entry.changes, plan: entry.plan, recordPath: recordPath) { print(line) }
            }
        case .json:
            print(try JSON.encode(entries))
        }
        if failed { throw ExitCode.failure }
    }
}
