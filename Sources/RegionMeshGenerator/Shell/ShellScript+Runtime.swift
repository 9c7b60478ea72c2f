/// Script steps that depend on what exists at run time: a guarded block, a value read back, a wait.
extension ShellScript {
    /// Adds `if ! exists <lookup>; then <body> else info "<what> exists" fi`: the idempotent create
    /// for when creating takes more than one command.
    public mutating func ensure(_ what: String, lookup: ShellCommand, _ body: (inout ShellScript) -> Void) {
        line("if ! \(Self.oneLine(lookup.prefixed("exists"))); then")
        indented(body)
        line("else")
        indented { $0.line("info \(shellQuote("\(what) exists"))") }
        line("fi")
    }

    /// Adds `variable="$(capture <placeholder> <command>)"`: the value the command prints, or the
    /// placeholder under DRY_RUN=1. Declare the variable `local` first.
    public mutating func capture(_ variable: String, placeholder: String, _ command: ShellCommand) {
        // Wraps as if inside a function body (two levels of indentation), after `variable="$(`.
        let lines = command.prefixed("capture", .literal(placeholder)).lines(maxWidth: maxWidth - 4 - variable.count - 5)
        for (index, text) in lines.enumerated() {
            line((index == 0 ? "\(variable)=\"$(" : "") + text + (index == lines.count - 1 ? ")\"" : ""))
        }
    }

    /// Adds `wait_until <what> <timeout> <command>`: checks the condition until it holds or the
    /// timeout (seconds) passes.
    public mutating func waitUntil(_ what: String, timeout: Int, _ condition: ShellCommand) {
        command(condition.prefixed("wait_until", .literal(what), .literal(String(timeout))))
    }

    /// The command on one line, however long.
    private static func oneLine(_ command: ShellCommand) -> String {
        command.groups.flatMap { $0 }.map(\.rendered).joined(separator: " ")
    }
}
