import ArgumentParser
import RegionMesh
import RegionMeshGenerator

/// `regionmesh plan`: the resolved address plan, clusters and nodes, and what the provider will create.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show the resolved plan: address plan, clusters, nodes, and the cloud resources to create.")

    @OptionGroup var selection: TopologySelection
    @Option(help: "text (tables) or json (the full Plan).")
    var format: OutputFormat = .text

    func run() throws {
        var failed = false
        var plans: [Plan] = []
        for compilation in Pipeline.compile(try selection.topologies()) {
            for diagnostic in compilation.diagnostics { Console.error(diagnostic.description) }
            if let plan = compilation.plan { plans.append(plan) } else { failed = true }
        }
        switch format {
        case .text: print(plans.map(PlanTables.render).joined(separator: "\n"), terminator: "")
        case .json: print(try JSON.encode(plans))
        }
        if failed { throw ExitCode.failure }
    }
}
