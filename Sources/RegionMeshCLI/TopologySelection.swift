import ArgumentParser
import RegionMesh

/// The topologies a command works on: the named ones, or all of them.
struct TopologySelection<App: RegionMeshApp>: ParsableArguments {
    @Argument(help: "Topology names (see `list`); all topologies when none is given.")
    var names: [String] = []

    /// The selected topologies; an unknown name is a one-line error listing the valid ones.
    func topologies() throws -> [Topology] {
        if names.isEmpty { return App.topologies }
        var seen = Set<String>()
        return try names.filter { seen.insert($0).inserted }.map { name in
            guard let topology = App.topologies.first(where: { $0.name == name }) else {
                let known = App.topologies.map(\.name).joined(separator: ", ")
                throw Console.fail("unknown topology '\(name)'; known topologies: \(known)")
            }
            return topology
        }
    }

    /// Prints a warning for every topology declared beside the app's topologies but not among them.
    func reportUnregistered() {
        for diagnostic in Registration.unregisteredTopologies(among: App.topologies) { Console.error(diagnostic.description) }
    }
}

/// The output format of `validate` and `plan`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
