import ArgumentParser

/// `list`: the topologies, one per line.
struct ListCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: "List the topologies with a one-line description.",
            discussion: """
                Examples:
                  \(App.invocation) list
                """)
    }

    func run() {
        let width = App.topologies.map(\.name.count).max() ?? 0
        for topology in App.topologies {
            print(topology.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + topology.summary)
        }
    }
}
