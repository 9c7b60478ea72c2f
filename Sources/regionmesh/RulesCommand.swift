import ArgumentParser
import RegionMesh

/// `regionmesh rules`: the validation rules with their IDs and severities.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the validation rules, their IDs and severities.")

    func run() {
        let width = Rule.catalogue.map(\.id.count).max() ?? 0
        for rule in Rule.catalogue {
            print("\(rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(rule.summary)")
        }
    }
}
