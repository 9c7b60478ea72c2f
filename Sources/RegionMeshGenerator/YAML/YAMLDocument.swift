import RegionMesh

/// Encodes typed values (Kubernetes objects, Helm values) as YAML with libyaml (as Yams ships it): block
/// style, keys in declaration order (maps via ``SortedMap``), multi-line strings as literal blocks,
/// no line wrapping. The tree is built by ``YAMLNodeEncoder`` with every scalar's style decided
/// (``YAMLScalarStyle``); libyaml writes it (``LibYAMLEmitter``).
public enum YAMLDocument {
    /// The YAML text of `value`, after `header` (a comment block ending in a newline).
    public static func render(_ value: some Encodable, header: String) throws -> String {
        String(decoding: try bytes(of: value, after: header), as: UTF8.self)
    }

    /// The YAML text of `value`, after `header`, whose last line is `key: {}` at `indent` spaces,
    /// with that empty mapping replaced by `block`, the YAML text of a mapping rendered before (a
    /// values file embedded in a HelmRelease): the bytes of encoding the mapping in place (libyaml
    /// nests a block by indenting every line but the empty ones of literal blocks, and never wraps
    /// here), without encoding it again. Throws when the last line is not that key.
    static func render(_ value: some Encodable, header: String, lastKey key: String, indent: Int, block: String) throws -> String {
        var bytes = try bytes(of: value, after: header)
        let padding = String(repeating: " ", count: indent)
        let placeholder = Array("\(padding)\(key): {}\n".utf8)
        guard bytes.count >= header.utf8.count + placeholder.count, bytes.suffix(placeholder.count).elementsEqual(placeholder) else {
            throw GeneratorError("the YAML of \(type(of: value)) does not end with \(key)")
        }
        bytes.removeLast(placeholder.count)
        bytes.append(contentsOf: "\(padding)\(key):\n".utf8)
        var block = block
        block.withUTF8 { block in appendIndented(block, by: indent + 2, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `header` and then of the YAML text of `value`, in one buffer.
    private static func bytes(of value: some Encodable, after header: String) throws -> [UInt8] {
        try LibYAMLEmitter.bytes(of: try YAMLNodeEncoder.node(for: value), after: header)
    }

    /// Appends each line of `block` to `bytes`, indented by `indent` spaces unless it is empty,
    /// each ending in a line break; byte by line, not character by character.
    private static func appendIndented(_ block: UnsafeBufferPointer<UInt8>, by indent: Int, to bytes: inout [UInt8]) {
        let lineBreak = UInt8(ascii: "\n")
        let lines = block.reduce(1) { $1 == lineBreak ? $0 + 1 : $0 }
        bytes.reserveCapacity(bytes.count + block.count + lines * (indent + 1))
        var start = 0
        while start < block.count {
            let end = block[start...].firstIndex(of: lineBreak) ?? block.count
            if end > start { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: block[start..<end]))
            bytes.append(lineBreak)
            start = end + 1
        }
    }

    /// The YAML of a file `header` + ``render(_:header:)`` wrote: its text without the leading comment lines.
    static func body(of file: String) -> Substring {
        var rest = Substring(file)
        while rest.hasPrefix("#"), let end = rest.firstIndex(of: "\n") { rest = rest[rest.index(after: end)...] }
        return rest
    }

}

/// A string-keyed map that encodes its keys in sorted order, so output never depends on hashing.
public struct SortedMap<Value: Encodable & Sendable>: Encodable, Sendable, ExpressibleByDictionaryLiteral {
    /// The entries.
    public var entries: [String: Value]

    /// `key=value` pairs in key order, comma-separated: the form of a kubectl label selector.
    public var selectorText: String {
        entries.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Creates a map from a dictionary.
    public init(_ entries: [String: Value]) { self.entries = entries }

    public init(dictionaryLiteral elements: (String, Value)...) {
        entries = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for key in entries.keys.sorted() {
            try container.encode(entries[key]!, forKey: DynamicKey(key))
        }
    }
}

/// A coding key made from any string.
struct DynamicKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// A map that keeps the order its entries were given in (for keys whose order carries meaning).
public struct OrderedMap<Value: Encodable & Sendable>: Encodable, Sendable {
    /// The entries, in order.
    public var entries: [(String, Value)]

    /// Creates a map from ordered entries.
    public init(_ entries: [(String, Value)]) { self.entries = entries }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in entries { try container.encode(value, forKey: DynamicKey(key)) }
    }
}
