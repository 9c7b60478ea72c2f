/// A command: its leading words, then options that each stay on one line when the command wraps.
///
/// The words are kept in one array with the places where the groups start, so building a command
/// option by option appends to two arrays instead of allocating an array per option.
public struct ShellCommand: Hashable, Sendable {
    /// Every word, in order.
    private var words: [ShellWord]
    /// Where each group after the first starts in ``words``.
    private var groupStarts: [Int] = []

    /// Starts a command with the program and its subcommand words.
    public init(_ words: ShellWord...) { self.init(words: words) }

    /// Starts a command from an array of words.
    public init(words: [ShellWord]) {
        self.words = words
    }

    /// Groups of words; the first is the program and subcommand, each later one an option with its values.
    public var groups: [[ShellWord]] { (0...groupStarts.count).map { Array(group($0)) } }

    /// Adds an option with its values (none for a flag).
    public consuming func option(_ name: String, _ values: ShellWord...) -> ShellCommand {
        options(name, values)
    }

    /// Adds an option with a list of values.
    public consuming func options(_ name: String, _ values: [ShellWord]) -> ShellCommand {
        var copy = self
        copy.groupStarts.append(copy.words.count)
        copy.words.append(.literal(name))
        copy.words += values
        return copy
    }

    /// Adds bare words (positional arguments).
    public consuming func arguments(_ words: ShellWord...) -> ShellCommand {
        var copy = self
        copy.groupStarts.append(copy.words.count)
        copy.words += words
        return copy
    }

    /// Prefixes the command, e.g. with `run` or `exists`.
    public consuming func prefixed(_ words: ShellWord...) -> ShellCommand {
        prefixed(words: words)
    }

    /// Prefixes the command with `words`.
    consuming func prefixed(words: [ShellWord]) -> ShellCommand {
        var copy = self
        copy.words.insert(contentsOf: words, at: 0)
        for index in copy.groupStarts.indices { copy.groupStarts[index] += words.count }
        return copy
    }

    /// The words of group `index`.
    private func group(_ index: Int) -> ArraySlice<ShellWord> {
        words[(index == 0 ? 0 : groupStarts[index - 1])..<(index == groupStarts.count ? words.count : groupStarts[index])]
    }

    /// The command on one line, however long.
    var oneLine: String { groups.map { $0.map(\.rendered).joined(separator: " ") }.joined(separator: " ") }

    /// The program and subcommand words, as written: `kubectl rollout status`.
    var name: String { group(0).map(\.text).joined(separator: " ") }

    /// The value of option `option`, as written, if the command has it.
    func value(of option: String) -> String? {
        groups.dropFirst().first { $0.first == .literal(option) }.flatMap { $0.dropFirst().first?.text }
    }

    /// Whether the command has option (or flag) `option`.
    func has(_ option: String) -> Bool {
        groupStarts.contains { words[$0] == .literal(option) }
    }

    /// The rendered lines: one line when short, else one option per continuation line.
    func lines(maxWidth: Int) -> [String] {
        let rendered = groups.map { $0.map(\.rendered).joined(separator: " ") }
        if rendered.count == 1 || fitsOnOneLine(maxWidth: maxWidth) { return [rendered.joined(separator: " ")] }
        return rendered.enumerated().map { index, text in
            (index == 0 ? "" : "  ") + text + (index == rendered.count - 1 ? "" : " \\")
        }
    }

    /// Whether the command on one line is at most `maxWidth` characters wide (after `leading`, as
    /// if ``prefixed(_:)`` with them).
    func fitsOnOneLine(maxWidth: Int, leading: [ShellWord] = []) -> Bool {
        guard leading.isEmpty else {
            let widths = leading.map(\.oneLineWidth)
            guard !group(0).isEmpty, !widths.contains(nil) else { return prefixed(words: leading).fitsOnOneLine(maxWidth: maxWidth) }
            return fitsOnOneLine(maxWidth: maxWidth - leading.count - widths.reduce(0) { $0 + $1! })
        }
        // A space between each two words of a group, and between each two groups (empty ones too).
        var nonEmptyGroups = 0
        var previous = 0
        for index in 0...groupStarts.count {
            let end = index < groupStarts.count ? groupStarts[index] : words.count
            if end > previous { nonEmptyGroups += 1 }
            previous = end
        }
        var width = words.count - nonEmptyGroups + groupStarts.count
        for word in words {
            switch word {
            case .literal(let text):
                guard let quoted = ShellQuoting.quotedASCIIWidth(text) else { return oneLine.count <= maxWidth }
                width += quoted
            case .expansion(let text):
                guard ShellQuoting.scan(text).isPlainASCII else { return oneLine.count <= maxWidth }
                width += text.utf8.count
            }
            // The words so far are counted exactly; the rest only add.
            if width > maxWidth { return false }
        }
        return width <= maxWidth
    }

    /// Writes the command as ``lines(maxWidth:)`` renders it, each line after `indent` spaces and
    /// ending in a newline; `prefix` starts the first line and `suffix` ends the last. `leading`
    /// words come first, as if ``prefixed(_:)`` with them.
    func write(to output: TextBuffer, indent: Int, maxWidth: Int, prefix: String = "", leading: [ShellWord] = [], suffix: String = "") {
        guard leading.isEmpty || !group(0).isEmpty else {
            return prefixed(words: leading).write(to: output, indent: indent, maxWidth: maxWidth, prefix: prefix, suffix: suffix)
        }
        let oneLine = groupStarts.isEmpty || fitsOnOneLine(maxWidth: maxWidth, leading: leading)
        output.write(byte: UInt8(ascii: " "), count: indent)
        output.write(prefix)
        for word in leading {
            word.write(to: output)
            output.write(byte: UInt8(ascii: " "))
        }
        var nextGroup = 0
        var firstOfGroup = true
        for index in words.indices {
            while nextGroup < groupStarts.count, groupStarts[nextGroup] == index {
                startGroup(oneLine: oneLine, indent: indent, output: output)
                nextGroup += 1
                firstOfGroup = true
            }
            if !firstOfGroup { output.write(byte: UInt8(ascii: " ")) }
            firstOfGroup = false
            words[index].write(to: output)
        }
        // Empty groups at the end.
        for _ in nextGroup..<groupStarts.count { startGroup(oneLine: oneLine, indent: indent, output: output) }
        output.write(suffix)
        output.write(byte: UInt8(ascii: "\n"))
    }

    /// What separates a group from the one before: a space, or a backslash and a new indented line.
    private func startGroup(oneLine: Bool, indent: Int, output: TextBuffer) {
        if oneLine {
            output.write(byte: UInt8(ascii: " "))
        } else {
            output.write(" \\\n")
            output.write(byte: UInt8(ascii: " "), count: indent + 2)
        }
    }
}
