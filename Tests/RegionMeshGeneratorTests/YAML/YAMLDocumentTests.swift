import Testing
import Yams

@testable import RegionMeshGenerator

/// The tree built with explicit styles, written by driving libyaml directly, is exactly what Yams'
/// `YAMLEncoder` (with the options RegionMesh always used) writes for the same value: for every shape the generator
/// uses and for strings that YAML could read back as something else.
@Suite struct YAMLDocumentTests {
    /// What `YAMLDocument` wrote before it built its own node tree.
    static func reference(_ value: some Encodable) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.indent = 2
        encoder.options.width = -1
        encoder.options.newLineScalarStyle = .literal
        encoder.options.allowUnicode = true
        return try encoder.encode(value)
    }

    /// Pieces of strings that resolve to booleans, integers, floats, nulls, timestamps, merge keys
    /// and values, or that need quoting, or break lines.
    static let pieces = [
        "true", "yes", "No", "OFF", "on", "null", "Null", "~", "<<", "=", "0x1F", "0o17", "0b101", "1_000", "1:30", ".inf", "-.Inf",
        ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "10.1.1.4", "10.1.1.4/24", "1.5", "6e3", "-", "+", ".", ":", " ", "\t",
        "e", "E", "\r", "\n", "\u{85}", "\u{2028}", "é", "a", "k", "#", "'", "\"", "-1", "+0.5e3", "010", "Gi", "*", "&", "!", "%",
        "@", "`", "{", "[", ",", "?", "|", ">",
    ]

    struct Sample: Encodable {
        var text: String
        var list: [String]
        var number: Int
        var flag: Bool
        var missing: String?
        var map: SortedMap<String>
        var ordered: OrderedMap<[Int]>
        var nested: [SortedMap<Bool>]
        var grid: [[String]]
    }

    @Test func arbitraryStringsAreWrittenAsYAMLEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<1500 {
            let sample = Sample(
                text: text(), list: [text(), text()], number: Int.random(in: -5...70000, using: &generator), flag: .random(using: &generator),
                missing: Bool.random(using: &generator) ? nil : text(), map: SortedMap(Dictionary([(text(), text()), ("k", text())], uniquingKeysWith: { first, _ in first })),
                ordered: OrderedMap([(text(), [1, 2]), ("empty", [])]), nested: [SortedMap([text(): true]), SortedMap([:])],
                grid: [[text(), text()], [], [text()]])
            let mine = try YAMLDocument.render(sample, header: "")
            #expect(mine == (try Self.reference(sample)), "\(sample.text.debugDescription)")
        }
    }

    /// Encodes itself into a single-value container as itself, as the standard library's scalars do.
    struct SelfEncoding: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(self)
        }
    }

    @Test func aScalarTheEncoderDoesNotKnowIsRefusedAndAnotherIntegerIsItsDigits() throws {
        #expect(throws: EncodingError.self) { try YAMLDocument.render(["x": SelfEncoding()], header: "") }
        #expect(throws: EncodingError.self) { try YAMLDocument.render(["x": 1.5], header: "") }
        #expect(try YAMLDocument.render(["x": UInt16(8080)], header: "") == "x: 8080\n")
    }

    @Test func theStyleOfAStringIsTheResolversAnswer() {
        for piece in Self.pieces where !piece.contains(where: \.isNewline) {
            let resolved = Resolver.default.resolveTag(of: Node(piece))
            #expect(YAMLScalarStyle.readsBackAsString(piece) == (resolved == .str), "\(piece.debugDescription)")
        }
    }
}

/// A rendered block embedded under a document's last key has the bytes of encoding it in place.
@Suite struct YAMLEmbeddingTests {
    struct Inner: Encodable, Sendable {
        let name = "crdb-r1"
        let ports = [32379, 30053]
        let empty: [String] = []
        let script = "line one\n\n  indented after an empty line\nlast: colon\n"
        let nested = SortedMap(["b": ["x", "y"], "a": []])
    }

    struct Outer<Values: Encodable & Sendable>: Encodable, Sendable {
        struct Spec: Encodable, Sendable {
            let interval = "30m"
            let values: Values
        }
        let kind = "HelmRelease"
        let list = ["one"]
        let spec: Spec
    }

    @Test("a values block with lists, empty lists, a literal block with an empty line, and maps, embedded under spec.values")
    func embeddedEqualsEncodedInPlace() throws {
        let file = try YAMLDocument.render(Inner(), header: "# a values file\n#\n# with a header\n")
        let spliced = try YAMLDocument.render(
            Outer(spec: .init(values: EmptyMapping())), header: "# h\n", lastKey: "values", indent: 2, block: String(YAMLDocument.body(of: file)))
        #expect(spliced == (try YAMLDocument.render(Outer(spec: .init(values: Inner())), header: "# h\n")))
        #expect(spliced.contains("\n\n"))
    }

    @Test("a document that does not end with the key is refused, not spliced")
    func refusesAnotherShape() {
        #expect(throws: GeneratorError.self) {
            try YAMLDocument.render(Outer(spec: .init(values: Inner())), header: "", lastKey: "values", indent: 2, block: "a: 1\n")
        }
    }
}
