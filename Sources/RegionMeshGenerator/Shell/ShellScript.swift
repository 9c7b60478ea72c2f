/// Writes bash line by line with structured indentation, in the manner of a code writer. The
/// ``ScriptRenderer`` drives it; quoting happens in ``shellQuote(_:)`` alone.
struct ShellScript {
    private var lines: [String] = []
    private var level = 0
    /// Commands longer than this wrap one option per line.
    static let maxWidth = 100

    /// Adds a line at the current indentation (an empty string adds an empty line).
    mutating func line(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: "  ", count: level) + text)
    }

    /// Adds `cat <<'<delimiter>'` and the text, unindented (here-document bodies and their terminator
    /// must start at column 0).
    mutating func hereDocument(_ text: [String], delimiter: String) {
        line("cat <<'\(delimiter)'")
        lines += text + [delimiter]
    }

    /// Adds an empty line, unless the last line is already empty or nothing was written.
    mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    /// Adds `# text`.
    mutating func comment(_ text: String) {
        line(text.isEmpty ? "#" : "# \(text)")
    }

    /// Adds a command, wrapped one option per line when it is long.
    mutating func command(_ command: ShellCommand) {
        for text in command.lines(maxWidth: Self.maxWidth - 2 * level) { line(text) }
    }

    /// Adds a block such as `name() {` … `}` or `for …; do` … `done`, with its body indented.
    mutating func block(_ opener: String, _ closer: String, _ body: (inout ShellScript) -> Void) {
        line(opener)
        indented(body)
        line(closer)
    }

    /// Indents the lines that `body` adds.
    mutating func indented(_ body: (inout ShellScript) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// The width left for a command at the current indentation.
    var widthLeft: Int { Self.maxWidth - 2 * level }

    /// The text written so far.
    var text: String { lines.joined(separator: "\n") }
}
