import Foundation
import RegionMesh

/// A generated bash script as data: what it is for, the environment it reads, its helper
/// functions, and its named steps holding typed commands. ``ScriptRenderer`` turns every script
/// into bash the same way: the header, the shared library, `usage`, the common options
/// (`--dry-run`, `--yes`, `--from`, `--only`, `--help`), banners, timing, and on a failure the
/// step that failed and the command that resumes.
struct Script: Sendable {
    /// The path under `out/<topology>/`, e.g. `cockroachdb/init.sh`.
    let path: String
    /// What the script does, for its header and `--help`; a few lines.
    let purpose: [String]
    /// The environment variables it reads, with their defaults.
    var environment: [ScriptEnvironment.Variable] = []
    /// Whether it needs `TOPOLOGY_DIR`, the topology's output folder (to run or read other artifacts).
    var readsTopologyFolder = false
    /// Comment lines after the environment: why the commands look the way they do.
    var notes: [String] = []
    /// Shell constants after the environment: `readonly NAME=value` lines, each with a comment.
    var constants: [ScriptConstant] = []
    /// Options of its own, beyond the common ones.
    var flags: [ScriptFlag] = []
    /// The tools it needs; it stops before changing anything when one is missing.
    var tools: [ToolRequirement] = []
    /// Functions its steps call.
    var helpers: [ShellFunction] = []
    /// What runs before the first step (checks, a summary and a question); `before_steps`.
    var beforeSteps: [ScriptStatement] = []
    /// The steps, in order.
    var steps: [ScriptStep] = []
    /// What it prints when every step has run.
    var done: String

    /// Every command of every step and helper, in order: what tests assert on.
    var commands: [ShellCommand] {
        (beforeSteps + helpers.flatMap(\.body) + steps.flatMap(\.body)).flatMap(\.commands)
    }

    /// The commands of step `name`.
    func commands(ofStep name: String) -> [ShellCommand] {
        steps.first { $0.name == name }?.body.flatMap { $0.commands } ?? []
    }
}

/// A named step of a script: `--from` and `--only` take its name.
struct ScriptStep: Sendable {
    /// The name, lower-case with `-`: `resource-group`.
    let name: String
    /// What it does, for its banner and `--help`.
    let title: String
    /// What it runs.
    let body: [ScriptStatement]

    /// The bash function that runs it.
    var functionName: String { "step_" + name.replacingEvery("-", with: "_") }
}

/// A bash function the steps call.
struct ShellFunction: Sendable {
    /// The function name.
    let name: String
    /// One line saying what it does (and what `$1`, `$2`… are).
    let doc: String
    /// Its body.
    let body: [ScriptStatement]
}

/// A `readonly NAME=value` line of a script, after its comment (or another declaration keyword,
/// such as `declare -A` for a table the steps fill).
struct ScriptConstant: Sendable {
    /// The variable name.
    let name: String
    /// Bash text of the value, written as is (it may expand other variables).
    let value: String
    /// What it holds.
    let doc: String
    /// How it is declared.
    var keyword = "readonly"
    /// Why its `$` expressions stay unexpanded here (bash text run elsewhere), when they do: the
    /// line then tells shellcheck so.
    var unexpanded: String? = nil
}

/// An option of one script beyond the common ones: a flag that sets a variable to 1.
struct ScriptFlag: Sendable {
    /// The option, e.g. `--delete-secrets`.
    let option: String
    /// The variable it sets to 1, e.g. `DELETE_SECRETS`.
    let variable: String
    /// What it does, for `--help`.
    let help: String
}

/// One statement of a step or helper. Commands are typed; quoting and layout happen in the renderer.
indirect enum ScriptStatement: Sendable {
    /// `run <command>`: executed, or printed under `--dry-run`.
    case run(ShellCommand)
    /// A command executed as it is, in dry runs too (a look-up, a helper call).
    case command(ShellCommand)
    /// `if ! exists <lookup>; then <create>…; else info "<what> exists"; fi`: the idempotent create.
    case ensure(String, lookup: ShellCommand, create: [ScriptStatement])
    /// `if ! exists <lookup>; then <create>…; else <update>…; fi`: create what is absent, and bring
    /// what exists to the plan.
    case converge(String, lookup: ShellCommand, create: [ScriptStatement], update: [ScriptStatement])
    /// When `exists` finds the resource: compare what `current` prints with `planned`, and record
    /// the difference (with `fix`, what to do) in the step's `problems`. For what cannot change in
    /// place; the step reports every difference at once before anything changes.
    case drift(String, exists: ShellCommand, current: ShellCommand, planned: String, fix: String)
    /// `if found <lookup>; then <delete>…; else info "<what> does not exist"; fi`: the idempotent delete.
    case ensureAbsent(String, lookup: ShellCommand, delete: [ScriptStatement])
    /// `wait_until <what> <timeout> <condition>`: checks the condition until it holds.
    case waitUntil(String, timeout: Int, ShellCommand)
    /// `variable="$(capture <placeholder> <command>)"`: the value the command prints, or the
    /// placeholder under `--dry-run`. The variable is declared `local`.
    case capture(String, placeholder: String, ShellCommand)
    /// `run_pipeline <first> -- <second>`: the first command's output into the second.
    case pipeline(ShellCommand, into: ShellCommand)
    /// `info '<text>'`: a progress line.
    case info(String)
    /// `# <text>`.
    case comment(String)
    /// Bash written as is, for what commands cannot say (conditions, arithmetic); keep it rare.
    case shell(String)
    /// `if <condition>; then` … [`else` …] `fi`.
    case when(String, [ScriptStatement], otherwise: [ScriptStatement] = [])
    /// A block such as `for …; do` … `done` or a subshell `(` … `)`, its body indented.
    case block(String, [ScriptStatement], end: String)
    /// Runs another generated script of the topology, passing `--dry-run` and `--yes` on.
    case runScript(path: String, arguments: [String])

    /// The typed commands in this statement, in order.
    var commands: [ShellCommand] {
        switch self {
        case .run(let command), .command(let command), .waitUntil(_, _, let command), .capture(_, _, let command): [command]
        case .ensure(_, let lookup, let body), .ensureAbsent(_, let lookup, let body): [lookup] + body.flatMap(\.commands)
        case .converge(_, let lookup, let create, let update): [lookup] + (create + update).flatMap(\.commands)
        case .drift(_, let exists, let current, _, _): [exists, current]
        case .pipeline(let first, let second): [first, second]
        case .block(_, let body, _): body.flatMap(\.commands)
        case .when(_, let body, let otherwise): (body + otherwise).flatMap(\.commands)
        case .info, .comment, .shell, .runScript: []
        }
    }
}
