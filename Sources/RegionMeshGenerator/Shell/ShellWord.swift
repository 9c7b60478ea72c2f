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

    /// The width of ``rendered`` in characters, when it is its width in bytes (see ``ShellQuoting/Scan/isPlainASCII``).
    var oneLineWidth: Int? {
        switch self {
        case .literal(let text): ShellQuoting.quotedASCIIWidth(text)
        case .expansion(let text): ShellQuoting.scan(text).isPlainASCII ? text.utf8.count : nil
        }
    }

    /// Writes ``rendered``.
    func write(to output: TextBuffer) {
        switch self {
        case .literal(let text): ShellQuoting.write(text, to: output)
        case .expansion(let text): output.write(text)
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
    let scan = ShellQuoting.scan(text)
    guard scan.needsQuotes else { return text }
    guard scan.quotes > 0 else { return "'" + text + "'" }
    return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
}

/// The byte-level rules of ``shellQuote(_:)``: one pass over the UTF-8 bytes, no Unicode
/// properties, so words are measured and written without building strings.
enum ShellQuoting {
    /// What quoting a text takes.
    struct Scan {
        /// Whether it is empty or has a character other than ASCII letters, digits and `_@%+=:,./-`.
        var needsQuotes: Bool
        /// How many `'` it has.
        var quotes: Int
        /// Whether its width in characters is its width in bytes: ASCII without a carriage return
        /// (which joins a following line feed into one character).
        var isPlainASCII: Bool
    }

    /// Whether `byte` is a character that needs no quoting.
    @inline(__always) static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// Scans `text` once.
    static func scan(_ text: String) -> Scan {
        text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    private static func scan(_ bytes: some Sequence<UInt8>) -> Scan {
        var result = Scan(needsQuotes: true, quotes: 0, isPlainASCII: true)
        var safe = true, empty = true
        for byte in bytes {
            empty = false
            guard !isSafe(byte) else { continue }
            safe = false
            if byte == UInt8(ascii: "'") { result.quotes += 1 }
            if byte >= 0x80 || byte == UInt8(ascii: "\r") { result.isPlainASCII = false }
        }
        result.needsQuotes = empty || !safe
        return result
    }

    /// The width of `text` once quoted, in characters; nil when that is not its width in bytes.
    static func quotedASCIIWidth(_ text: String) -> Int? {
        let scan = scan(text)
        guard scan.isPlainASCII else { return nil }
        return scan.needsQuotes ? text.utf8.count + 2 + 3 * scan.quotes : text.utf8.count
    }

    /// Writes `text` as ``shellQuote(_:)`` would.
    static func write(_ text: String, to output: TextBuffer) {
        let scan = scan(text)
        guard scan.needsQuotes else { return output.write(text) }
        output.write(byte: UInt8(ascii: "'"))
        if scan.quotes == 0 {
            output.write(text)
        } else {
            for (index, piece) in text.split(separator: "'", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { output.write("'\\''") }
                output.write(piece)
            }
        }
        output.write(byte: UInt8(ascii: "'"))
    }
}
