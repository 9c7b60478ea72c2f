/// Stable, readable JSON: sorted keys, two-space indentation, no escaped slashes. The one JSON
/// encoding of the generator and the CLI.
///
/// The text is exactly what Foundation's `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` (keys ordered by their UTF-8 bytes, `"key" : value`, an empty
/// container as `[` or `{`, an empty line, and the closing bracket), for the values RegionMesh
/// encodes: strings, integers, booleans, nulls, and containers of them. Other scalars (floating
/// point numbers, dates, data) are refused. The value is encoded into a tree of ``JSONValue``s
/// and written straight into a ``TextBuffer``, without `JSONEncoder`'s dictionaries per object.
public enum JSON {
    /// The JSON text of `value` (no newline at the end).
    public static func encode(_ value: some Encodable) throws -> String {
        let output = TextBuffer()
        try write(value, into: output)
        return output.text
    }

    /// Writes the JSON text of `value` into `output`.
    static func write(_ value: some Encodable, into output: TextBuffer) throws {
        var writer = JSONTextWriter(output: output)
        writer.write(try JSONValue.encoding(value))
    }
}

/// Writes a ``JSONValue`` as ``JSON`` describes.
private struct JSONTextWriter {
    let output: TextBuffer
    var depth = 0

    mutating func write(_ value: JSONValue) {
        switch value {
        case .string(let string): writeString(string)
        case .number(let digits): output.write(digits)
        case .bool(let flag): output.write(flag ? "true" : "false")
        case .null: output.write("null")
        case .array(let items):
            output.write(byte: UInt8(ascii: "["))
            depth += 1
            output.write(byte: UInt8(ascii: "\n"))
            for (index, item) in items.enumerated() {
                if index > 0 { output.write(",\n") }
                indent()
                write(item)
            }
            close("]")
        case .object(let members):
            output.write(byte: UInt8(ascii: "{"))
            depth += 1
            output.write(byte: UInt8(ascii: "\n"))
            for (index, member) in JSONValue.sorted(members).enumerated() {
                if index > 0 { output.write(",\n") }
                indent()
                writeString(member.key)
                output.write(" : ")
                write(member.value)
            }
            close("}")
        }
    }

    private mutating func close(_ bracket: String) {
        output.write(byte: UInt8(ascii: "\n"))
        depth -= 1
        indent()
        output.write(bracket)
    }

    private func indent() {
        output.write(byte: UInt8(ascii: " "), count: 2 * depth)
    }

    /// A string in quotes: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00xx`.
    private func writeString(_ string: String) {
        output.write(byte: UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var plainFrom = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.write(bytes: UnsafeRawBufferPointer(rebasing: bytes[plainFrom..<index]))
                output.write(byte: UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.write(byte: byte)
                case 0x08: output.write(byte: UInt8(ascii: "b"))
                case 0x0c: output.write(byte: UInt8(ascii: "f"))
                case 0x0a: output.write(byte: UInt8(ascii: "n"))
                case 0x0d: output.write(byte: UInt8(ascii: "r"))
                case 0x09: output.write(byte: UInt8(ascii: "t"))
                default:
                    output.write("u00")
                    output.write(byte: Self.hexDigits[Int(byte >> 4)])
                    output.write(byte: Self.hexDigits[Int(byte & 0xf)])
                }
                plainFrom = index + 1
            }
            output.write(bytes: UnsafeRawBufferPointer(rebasing: bytes[plainFrom...]))
        }
        output.write(byte: UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
