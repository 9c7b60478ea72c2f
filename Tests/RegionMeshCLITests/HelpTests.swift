import Foundation
import ArgumentParser
import Testing

@testable import RegionMeshCLI

/// Every command's help ends with examples that run the app's own tool.
@Suite struct HelpTests {
    static let commands: [any ParsableCommand.Type] = [
        RootCommand<FixtureApp>.self, ListCommand<FixtureApp>.self, ValidateCommand<FixtureApp>.self, PlanCommand<FixtureApp>.self,
        GenerateCommand<FixtureApp>.self, RulesCommand<FixtureApp>.self,
    ]

    @Test(arguments: commands.map { $0.configuration.commandName ?? "" })
    func theHelpGivesExamplesOfTheAppsOwnCommand(name: String) throws {
        let command = try #require(Self.commands.first { $0.configuration.commandName == name })
        let discussion = command.configuration.discussion
        let examples = try #require(discussion.range(of: "Examples:\n"), "\(name) has no examples")
        let lines = discussion[examples.upperBound...].split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("swift run acme ") }, "\(lines)")
    }

    @Test func theStandardCommandsAreListedAndTheAppsOwnAdded() {
        let names = RootCommand<InitApp>.configuration.subcommands.compactMap { $0.configuration.commandName }
        #expect(names == ["list", "validate", "plan", "generate", "rules", "init"])
        #expect(RootCommand<InitApp>.configuration.subcommands.allSatisfy { $0.configuration.shouldDisplay })
    }
}
