import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// A repository's RegionMesh tool: its topologies and the name it runs under. Conform one type and
/// mark it `@main`; it gets every command (`list`, `validate`, `plan`, `generate`, `rules`), with the
/// generated files telling readers to run this tool:
///
/// ```swift
/// import AcmeTopologies
/// import RegionMeshCLI
///
/// @main
/// struct Acme: RegionMeshApp {
///     static let commandName = "acme"
///     static let topologies = allTopologies
/// }
/// ```
public protocol RegionMeshApp {
    /// The executable product's name: people run `swift run <commandName>`, and every generated file
    /// says to run `swift run <commandName> generate`.
    static var commandName: String { get }
    /// Every topology of the repository, in the order `list` shows them.
    static var topologies: [Topology] { get }
    /// The git repository the generated output is committed to, as GitOps controllers fetch it:
    /// Argo CD objects are generated only when it is given. None by default.
    static var gitRepository: GitRepository? { get }
    /// Commands besides the standard ones; none by default.
    static var additionalCommands: [any ParsableCommand.Type] { get }
}

extension RegionMeshApp {
    public static var gitRepository: GitRepository? { nil }
    public static var additionalCommands: [any ParsableCommand.Type] { [] }

    /// Runs the tool with the process's arguments and exits: 0 on success, 2 when `generate --check`
    /// or `--diff` found changes, 1 on any error.
    public static func main() {
        exit(RootCommand<Self>.run(Array(CommandLine.arguments.dropFirst())))
    }

    /// How a person runs the tool in the repository: `swift run acme`.
    static var invocation: String { "swift run \(commandName)" }
}
