import ArgumentParser
import RegionMesh
import Topologies

/// The topologies a command works on: the named ones, or all of them.
struct TopologySelection: ParsableArguments {
    @Argument(help: "Topology names (see `regionmesh list`); all topologies when none is given.")
    var names: [String] = []

    /// The selected topologies; an unknown name is a one-line error listing the valid ones.
    func topologies() throws -> [Topology] {
        if names.isEmpty { return TopologyRegistry.all }
        var seen = Set<String>()
        return try names.filter { seen.insert($0).inserted }.map { name in
            guard let topology = TopologyRegistry.named(name) else {
                let known = TopologyRegistry.all.map(\.name).joined(separator: ", ")
                throw Console.fail("unknown topology '\(name)'; known topologies: \(known)")
            }
            return topology
        }
    }
}

/// The output format of `validate` and `plan`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
