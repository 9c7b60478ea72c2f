/// Writes bash line by line with structured indentation, in the manner of a code writer, straight
/// into a ``TextBuffer``. The ``ScriptRenderer`` drives it; quoting happens in ``shellQuote(_:)``
/// (and its byte-level twin ``ShellQuoting``) alone.
struct ShellScript {
    /// Where the lines go, each ending in a newline.
    let output: TextBuffer
    private var level = 0
    /// Whether the last line written is empty; nil before the first line.
    private var lastLineIsEmpty: Bool?
    /// Commands longer than this wrap one option per line.
    static let maxWidth = 100

    /// A script writing into `output` (a new buffer that keeps the text unless given).
    init(output: TextBuffer = TextBuffer()) {
        self.output = output
    }

    /// Adds a line at the current indentation (an empty string adds an empty line).
    mutating func line(_ text: String) {
        if !text.isEmpty {
            output.write(byte: UInt8(ascii: " "), count: 2 * level)
            output.write(text)
        }
        output.write(byte: UInt8(ascii: "\n"))
        lastLineIsEmpty = text.isEmpty
    }

    /// Adds `cat <<'<delimiter>'` and the text, unindented (here-document bodies and their terminator
    /// must start at column 0).
    mutating func hereDocument(_ text: [String], delimiter: String) {
        line("cat <<'\(delimiter)'")
        for line in text + [delimiter] {
            output.write(line)
            output.write(byte: UInt8(ascii: "\n"))
            lastLineIsEmpty = line.isEmpty
        }
    }

    /// Adds an empty line, unless the last line is already empty or nothing was written.
    mutating func blank() {
        if lastLineIsEmpty == false { line("") }
    }

    /// Adds `# text`.
    mutating func comment(_ text: String) {
        line(text.isEmpty ? "#" : "# \(text)")
    }

    /// Adds a command after the `leading` words (`run`), wrapped one option per line when it is long.
    mutating func command(_ command: ShellCommand, leading: [ShellWord] = []) {
        command.write(to: output, indent: 2 * level, maxWidth: widthLeft, leading: leading)
        lastLineIsEmpty = false
    }

    /// Adds a command after the `leading` words, between `prefix` and `suffix` (`x="$(` and `)"`),
    /// wrapped one option per line when it is wider than `maxWidth`.
    mutating func command(_ command: ShellCommand, leading: [ShellWord], prefix: String, suffix: String, maxWidth: Int) {
        command.write(to: output, indent: 2 * level, maxWidth: maxWidth, prefix: prefix, leading: leading, suffix: suffix)
        lastLineIsEmpty = false
    }

    /// Adds a command after the `leading` words on one line however long, between `prefix` and
    /// `suffix` (`if ! ` and `; then`).
    mutating func line(_ prefix: String, oneLine command: ShellCommand, leading: [ShellWord], _ suffix: String) {
        command.write(to: output, indent: 2 * level, maxWidth: .max, prefix: prefix, leading: leading, suffix: suffix)
        lastLineIsEmpty = false
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

    /// The text written so far, without the newline that ends the last line (when the buffer keeps it).
    var text: String {
        var text = output.text
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
