/// One word of a shell command. Every literal goes through ``shellQuote(_:)``, the single quoting
/// function of the generator; an expansion (`"$SSH_PUBLIC_KEY"`) is written as given.
public enum ShellWord: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A value from the Plan, quoted so that the shell reads it back unchanged.
    case literal(String)
    /// Shell text written as is: a quoted expansion such as `"$RESOURCE_GROUP"` or `"${ips[0]}"`.
    case expansion(String)

    public init(stringLiteral value: String) { self = .literal(value) }

    /// A variable reference, double-quoted: `"$NAME"`.
    public static func variable(_ name: String) -> ShellWord { .expansion("\"$\(name)\"") }

    /// The word's text: the literal value, or the expansion as written.
    public var text: String {
        switch self {
        case .literal(let text), .expansion(let text): text
        }
    }

    /// The word as it appears in the script.
    public var rendered: String {
        switch self {
        case .literal(let text): shellQuote(text)
        case .expansion(let text): text
        }
    }
}

/// Quotes `text` for bash: unchanged when it has only characters that need no quoting, otherwise
/// in single quotes (a `'` inside becomes `'\''`).
public func shellQuote(_ text: String) -> String {
    let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_@%+=:,./-".unicodeScalars.contains(scalar))
    }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A command: its leading words, then options that each stay on one line when the command wraps.
public struct ShellCommand: Hashable, Sendable {
    /// Groups of words; the first is the program and subcommand, each later one an option with its values.
    public private(set) var groups: [[ShellWord]]

    /// Starts a command with the program and its subcommand words.
    public init(_ words: ShellWord...) { groups = [words] }

    /// Starts a command from an array of words.
    public init(words: [ShellWord]) { groups = [words] }

    /// Adds an option with its values (none for a flag).
    public func option(_ name: String, _ values: ShellWord...) -> ShellCommand {
        options(name, values)
    }

    /// Adds an option with a list of values.
    public func options(_ name: String, _ values: [ShellWord]) -> ShellCommand {
        var copy = self
        copy.groups.append([.literal(name)] + values)
        return copy
    }

    /// Adds bare words (positional arguments).
    public func arguments(_ words: ShellWord...) -> ShellCommand {
        var copy = self
        copy.groups.append(words)
        return copy
    }

    /// Prefixes the command, e.g. with `run` or `exists`.
    public func prefixed(_ words: ShellWord...) -> ShellCommand {
        var copy = self
        copy.groups[0] = words + copy.groups[0]
        return copy
    }

    /// The command on one line, however long.
    var oneLine: String { groups.map { $0.map(\.rendered).joined(separator: " ") }.joined(separator: " ") }

    /// The program and subcommand words, as written: `kubectl rollout status`.
    var name: String { groups[0].map(\.text).joined(separator: " ") }

    /// The value of option `option`, as written, if the command has it.
    func value(of option: String) -> String? {
        groups.dropFirst().first { $0.first == .literal(option) }.flatMap { $0.dropFirst().first?.text }
    }

    /// Whether the command has option (or flag) `option`.
    func has(_ option: String) -> Bool {
        groups.dropFirst().contains { $0.first == .literal(option) }
    }

    /// The rendered lines: one line when short, else one option per continuation line.
    func lines(maxWidth: Int) -> [String] {
        let rendered = groups.map { $0.map(\.rendered).joined(separator: " ") }
        let single = rendered.joined(separator: " ")
        if single.count <= maxWidth || rendered.count == 1 { return [single] }
        return rendered.enumerated().map { index, text in
            (index == 0 ? "" : "  ") + text + (index == rendered.count - 1 ? "" : " \\")
        }
    }
}
