import ArgumentParser

/// `regionmesh`: validates multi-region CockroachDB topologies and generates what builds them.
@main
struct RegionMeshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regionmesh",
        abstract: "Compile multi-region CockroachDB topologies into Azure, k3s, Cilium, CoreDNS and CockroachDB artifacts.",
        subcommands: [ListCommand.self, ValidateCommand.self, PlanCommand.self, GenerateCommand.self, RulesCommand.self, BenchmarkCommand.self]
    )
}
