import ArgumentParser
import Foundation
import RegionMeshGenerator

/// The tool's root command: the standard subcommands over `App`'s topologies, and the app's own.
struct RootCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: App.commandName,
            abstract: "Compile multi-region CockroachDB topologies into everything that builds and tears them down.",
            discussion: """
                Examples:
                  \(App.invocation) generate           write out/<topology>/
                  \(App.invocation) generate --check   exit 2 if out/ is stale
                  \(App.invocation) plan \(App.topologies.first?.name ?? "NAME")
                  \(App.invocation) validate --format json
                """,
            version: RegionMeshVersion.current,
            subcommands: [
                ListCommand<App>.self, ValidateCommand<App>.self, PlanCommand<App>.self, GenerateCommand<App>.self, RulesCommand<App>.self,
            ] + App.additionalCommands)
    }

    /// Parses `arguments`, runs the command they name, and returns the exit status: 0 on success
    /// (help and `--version` included), ``ExitStatus/changes`` when a check found changes, 1 on any
    /// other failure, a usage error included. Messages go to standard error, help to standard output.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitCode.success.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return code.rawValue
            }
            if !message.isEmpty { Console.error(message) }
            return code == ExitStatus.changes ? code.rawValue : ExitCode.failure.rawValue
        }
    }
}

/// The exit statuses beyond success and failure.
enum ExitStatus {
    /// `generate --check` and `--diff` found files that would change (as `terraform plan
    /// -detailed-exitcode` does); 1 stays an error.
    static let changes = ExitCode(2)
}
