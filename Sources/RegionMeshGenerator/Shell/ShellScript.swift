import RegionMesh
import RegionMeshTemplates

/// Builds a bash script line by line with structured indentation, in the manner of a code writer:
/// emitters describe commands and blocks; quoting and layout happen here.
public struct ShellScript {
    private var lines: [String] = []
    private var level = 0
    /// Commands longer than this wrap one option per line.
    let maxWidth = 100

    /// Creates an empty script body.
    public init() {}

    /// Adds a line at the current indentation (an empty string adds an empty line).
    public mutating func line(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: "  ", count: level) + text)
    }

    /// Adds `cat <<'<delimiter>'` and the text, unindented (here-document bodies and their terminator
    /// must start at column 0).
    public mutating func hereDocument(_ text: [String], delimiter: String = "TEXT") {
        line("cat <<'\(delimiter)'")
        lines += text + [delimiter]
    }

    /// Adds an empty line, unless the last line is already empty or the body is empty.
    public mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    /// Adds `# text`, wrapping nothing: keep comments short.
    public mutating func comment(_ text: String) {
        line(text.isEmpty ? "#" : "# \(text)")
    }

    /// Adds a command.
    public mutating func command(_ command: ShellCommand) {
        for text in command.lines(maxWidth: maxWidth - 2 * level) { line(text) }
    }

    /// Adds `run <command>`: executed, or printed under DRY_RUN=1.
    public mutating func run(_ command: ShellCommand) {
        self.command(command.prefixed("run"))
    }

    /// Adds `if ! exists <lookup>; then run <create>; else info "<what> exists"; fi`: the idempotent create.
    public mutating func ensure(_ what: String, lookup: ShellCommand, create: ShellCommand) {
        ensure(what, lookup: lookup) { $0.run(create) }
    }

    /// Adds a block such as `name() {` … `}` or `for …; do` … `done`, with its body indented.
    public mutating func block(_ opener: String, _ closer: String, _ body: (inout ShellScript) -> Void) {
        line(opener)
        indented(body)
        line(closer)
    }

    /// Adds a function definition, preceded by its one-line doc comment.
    public mutating func function(_ name: String, doc: String, _ body: (inout ShellScript) -> Void) {
        blank()
        comment(doc)
        block("\(name)() {", "}", body)
    }

    /// Indents the lines that `body` adds.
    public mutating func indented(_ body: (inout ShellScript) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// The body's text.
    public var text: String { lines.joined(separator: "\n") }
}

/// A complete generated bash script: shebang, header, strict mode, the shared library, then the body.
public enum ScriptFile {
    /// Renders a script for `plan` with a purpose line and usage notes in the header.
    public static func render(plan: Plan, purpose: [String], body: ShellScript) throws -> String {
        let header = FileHeader.comment(for: plan, extra: purpose)
        return "#!/usr/bin/env bash\n" + header + "set -euo pipefail\n\n" + (try Templates.prelude()) + "\n" + body.text + "\n"
    }
}
