import RegionMesh

@testable import RegionMeshGenerator

/// Ways to look at a ``Script`` model in tests: its steps, its commands by name, and the text of
/// one step for a snapshot. Tests read the model, not the bash text.
extension Script {
    /// The step called `name`.
    func step(_ name: String) -> ScriptStep? {
        steps.first { $0.name == name }
    }

    /// Every command (of every step and helper) whose program and subcommand words are `name`.
    func commands(named name: String) -> [ShellCommand] {
        commands.filter { $0.name == name }
    }

    /// Every statement of the script, nested ones included, in order.
    var allStatements: [ScriptStatement] {
        (beforeSteps + helpers.flatMap(\.body) + steps.flatMap(\.body)).flatMap(\.flattened)
    }
}

extension ScriptStep {
    /// The step's bash function as the renderer writes it into its script (the step being number
    /// `number`), ending in a newline: for snapshots of one step.
    func rendered(number: Int) -> String {
        var out = ShellScript()
        ScriptRenderer.function(functionName, doc: "Step \(number): \(title).", body, in: &out)
        return out.text.drop { $0 == "\n" } + "\n"
    }

    /// Every statement of the step, nested ones included, in order.
    var allStatements: [ScriptStatement] { body.flatMap(\.flattened) }
}

extension ScriptStatement {
    /// This statement and every statement inside it, in order.
    var flattened: [ScriptStatement] {
        switch self {
        case .ensure(_, _, let inner), .ensureAbsent(_, _, let inner), .block(_, let inner, _): [self] + inner.flatMap(\.flattened)
        case .when(_, let inner, let otherwise), .converge(_, _, let inner, let otherwise): [self] + (inner + otherwise).flatMap(\.flattened)
        default: [self]
        }
    }
}

extension ShellCommand {
    /// The words of every group, as written.
    var words: [String] { groups.flatMap { $0.map(\.text) } }

    /// The values of every occurrence of `option`, in order.
    func values(of option: String) -> [String] {
        groups.dropFirst().filter { $0.first == .literal(option) }.compactMap { $0.dropFirst().first?.text }
    }

    /// All the values after `option` (an option that takes a list).
    func list(of option: String) -> [String] {
        groups.dropFirst().first { $0.first == .literal(option) }.map { $0.dropFirst().map(\.text) } ?? []
    }
}

/// The scripts `Generator` composes for `plan`: every component's, then `setup.sh` and `teardown.sh`
/// built the way `Generator.artifacts(for:)` builds them.
struct ComposedScripts {
    let components: [Script]
    let setup: Script
    let teardown: Script

    init(_ plan: Plan) {
        let scripts = Generator.scripts(of: GeneratorRegistry.components(of: plan), plan: plan)
        components = Array(scripts.dropLast(2))
        setup = scripts[scripts.count - 2]
        teardown = scripts[scripts.count - 1]
    }

    /// Every script, the components' first.
    var all: [Script] { components + [setup, teardown] }
}
