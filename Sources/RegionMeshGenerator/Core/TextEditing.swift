/// Small edits of generated text, done on the UTF-8 bytes.
///
/// Foundation's `replacingOccurrences(of:with:)`, `trimmingCharacters(in:)` and
/// `padding(toLength:withPad:startingAt:)` bridge every call through `NSString` (UTF-16 copies), which
/// cost a tenth of a warm generation; the emitters use these instead.
extension String {
    /// This text with every `target`, an ASCII character, replaced by `replacement`; the text itself
    /// when `target` does not occur.
    func replacingEvery(_ target: Unicode.Scalar, with replacement: String) -> String {
        precondition(target.isASCII, "replacingEvery(_:with:) edits ASCII characters only")
        let byte = UInt8(target.value)
        guard utf8.contains(byte) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + replacement.utf8.count)
        var segmentStart = startIndex
        for index in utf8.indices where utf8[index] == byte {
            // An ASCII byte is a whole scalar, so both ends are valid `String` boundaries.
            result += self[segmentStart..<index]
            result += replacement
            segmentStart = utf8.index(after: index)
        }
        result += self[segmentStart...]
        return result
    }

    /// This text without the ASCII line breaks (`\n`, `\r`, vertical tab, form feed) at its start and end.
    func trimmingLineBreaks() -> String {
        func isLineBreak(_ byte: UInt8) -> Bool { (0x0A...0x0D).contains(byte) }
        guard let first = utf8.firstIndex(where: { !isLineBreak($0) }),
              let last = utf8.lastIndex(where: { !isLineBreak($0) }) else { return "" }
        // Both ends border an ASCII line break or the text's own ends, so they are scalar boundaries.
        return String(self[first..<utf8.index(after: last)])
    }

    /// This text followed by spaces up to `width` characters; a longer text is returned whole.
    func padded(to width: Int) -> String {
        let missing = width - count
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
