import ArgumentParser
import Topologies

/// `regionmesh list`: the topologies, one per line.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the topologies with a one-line description.")

    func run() {
        let width = TopologyRegistry.all.map(\.name.count).max() ?? 0
        for topology in TopologyRegistry.all {
            print(topology.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + topology.summary)
        }
    }
}
