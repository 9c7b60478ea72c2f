import ArgumentParser
import RegionMesh

/// `rules`: the validation rules with their IDs and severities.
struct RulesCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rules", abstract: "List the validation rules, their IDs and severities.",
            discussion: """
                Every diagnostic names its rule in brackets, e.g. [overlapping-cidr].

                Examples:
                  \(App.invocation) rules
                  \(App.invocation) rules | grep overlapping
                """)
    }

    func run() {
        let width = Rule.catalogue.map(\.id.count).max() ?? 0
        for rule in Rule.catalogue {
            print("\(rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(rule.summary)")
        }
    }
}
