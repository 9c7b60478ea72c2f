import Testing

@testable import RegionMeshGenerator

/// Words and commands written straight into a buffer read exactly as ``shellQuote(_:)`` and
/// ``ShellCommand/lines(maxWidth:)`` render them, whatever the text.
@Suite struct ShellWritingTests {
    /// Characters that exercise quoting and widths: safe ASCII, shell specials, quotes, non-ASCII
    /// letters, a combining accent, a carriage return.
    static let alphabet: [String] = ["a", "Z", "0", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-", " ", "'", "\"", "$", "*", "é", "e\u{301}", "\r", "\n", "🙂"]

    /// The quoting rule as first written, with Unicode properties: the reference.
    static func referenceNeedsNoQuotes(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_@%+=:,./-".unicodeScalars.contains(scalar))
        }
    }

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func wordsAreQuotedAsTheUnicodeRuleSays() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = Self.randomText(&generator)
            #expect(!ShellQuoting.scan(text).needsQuotes == Self.referenceNeedsNoQuotes(text), "\(text.debugDescription)")
            let output = TextBuffer()
            ShellQuoting.write(text, to: output)
            #expect(output.text == shellQuote(text), "\(text.debugDescription)")
        }
    }

    @Test func commandsAreWrittenAsTheirLinesAndWrapAtTheSameWidth() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let groups = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                (0..<Int.random(in: 0...3, using: &generator)).map { _ -> ShellWord in
                    let text = Self.randomText(&generator)
                    return Bool.random(using: &generator) ? .literal(text) : .expansion(text)
                }
            }
            var command = ShellCommand(words: groups[0])
            for group in groups.dropFirst() { command = command.options("--x", group) }
            let maxWidth = Int.random(in: 0...40, using: &generator)
            let indent = Int.random(in: 0...4, using: &generator)
            #expect(command.fitsOnOneLine(maxWidth: maxWidth) == (command.oneLine.count <= maxWidth), "\(command.oneLine.debugDescription)")
            let output = TextBuffer()
            command.write(to: output, indent: indent, maxWidth: maxWidth)
            let expected = command.lines(maxWidth: maxWidth).map { String(repeating: " ", count: indent) + $0 + "\n" }.joined()
            #expect(output.text == expected)
            // Leading words write as if the command were prefixed with them.
            let leading = (0..<Int.random(in: 1...2, using: &generator)).map { _ in ShellWord.literal(Self.randomText(&generator)) }
            let prefixed = command.prefixed(words: leading)
            #expect(command.fitsOnOneLine(maxWidth: maxWidth, leading: leading) == prefixed.fitsOnOneLine(maxWidth: maxWidth))
            let withLeading = TextBuffer()
            command.write(to: withLeading, indent: indent, maxWidth: maxWidth, prefix: "x=", leading: leading, suffix: ";")
            var lines = prefixed.lines(maxWidth: maxWidth)
            lines[0] = "x=" + lines[0]
            lines[lines.count - 1] += ";"
            #expect(withLeading.text == lines.map { String(repeating: " ", count: indent) + $0 + "\n" }.joined())
        }
    }

    @Test func emptyGroupsCountTheirSpace() {
        let command = ShellCommand("ab").arguments().option("--c")
        #expect(command.oneLine == "ab  --c")
        #expect(command.fitsOnOneLine(maxWidth: 7) && !command.fitsOnOneLine(maxWidth: 6))
    }
}
