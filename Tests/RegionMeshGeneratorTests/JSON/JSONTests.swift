import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing
import Topologies

@testable import RegionMeshGenerator

/// RegionMesh's JSON is byte for byte what Foundation's `JSONEncoder` writes with the options
/// RegionMesh always used.
@Suite struct JSONTests {
    static func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: TopologyRegistry.all.map(\.name))
    func thePlansOfTheTopologies(name: String) throws {
        let plan = try Fixture.plan(try #require(TopologyRegistry.named(name)))
        #expect(try JSON.encode(plan) == (try Self.reference(plan)))
    }

    struct Sample: Encodable {
        var text: String
        var keyed: [String: [Int]]
        var numbered: [Int: Bool]
        var optional: String?
        var nested: [[String: String?]]
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var negative = -12
        var unsigned: UInt8 = 200
    }

    /// Pieces of strings and keys: escapes, control characters, slashes, non-ASCII, and keys whose
    /// order differs between byte order, case-insensitive and numeric comparisons.
    static let pieces = ["a", "B", "z", "Z", "10", "9", "_", "-", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}", "é", "\u{2028}", "😀", " "]

    @Test func arbitraryValuesAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<500 {
            var keyed: [String: [Int]] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) { keyed[text()] = (0..<Int.random(in: 0...2, using: &generator)).map { $0 } }
            let sample = Sample(
                text: text(), keyed: keyed, numbered: Dictionary([(Int.random(in: -20...20, using: &generator), true), (3, false)], uniquingKeysWith: { first, _ in first }),
                optional: Bool.random(using: &generator) ? nil : text(), nested: [[text(): nil, "k": text()], [:]])
            #expect(try JSON.encode(sample) == (try Self.reference(sample)))
            #expect(try JSON.encode([sample]) == (try Self.reference([sample])))
        }
        #expect(try JSON.encode("top") == (try Self.reference("top")))
        #expect(try JSON.encode([Int]()) == (try Self.reference([Int]())))
    }

    /// Encodes itself into a single-value container as itself, as the standard library's scalars do.
    struct SelfEncoding: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(self)
        }
    }

    @Test func aScalarTheWriterDoesNotKnowIsRefusedNotEncodedWithoutEnd() throws {
        #expect(throws: EncodingError.self) { try JSON.encode(["x": SelfEncoding()]) }
        #expect(throws: EncodingError.self) { try JSON.encode(["x": Int128.max]) }
        #expect(try JSON.encode(["x": UInt16(8080)]) == "{\n  \"x\" : 8080\n}")
    }

    @Test func floatingPointNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try JSON.encode(["x": 1.5]) }
    }
}
