import ArgumentParser

/// `regionmesh`: validates multi-region CockroachDB topologies and generates what builds them.
@main
struct RegionMeshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regionmesh",
        abstract: "Compile multi-region CockroachDB topologies into everything that builds and tears them down.",
        subcommands: [ListCommand.self, ValidateCommand.self, PlanCommand.self, GenerateCommand.self, RulesCommand.self, BenchmarkCommand.self, SyntheticCommand.self]
    )
}
