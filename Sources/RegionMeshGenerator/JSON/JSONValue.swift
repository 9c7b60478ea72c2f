import Foundation

/// A JSON value as an `Encodable` describes it: the tree that ``JSON`` writes, objects keeping
/// their members in the order they were encoded until they are written.
indirect enum JSONValue {
    case string(String)
    /// An integer, in decimal digits.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The tree of `value`; throws for the scalars ``JSON`` does not write. Scalars are told apart
    /// by their metatypes, not by casts: a cast (`as any BinaryInteger`) makes the runtime search
    /// the protocol conformances of every new type it meets, which dominates small plans.
    static func encoding<Value: Encodable>(_ value: Value) throws -> JSONValue {
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if let digits = integerDigits(value) { return .number(digits) }
        if refused.contains(where: { $0 == Value.self }) {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "RegionMesh's JSON has no \(Value.self) values"))
        }
        let builder = JSONBuilder(encoding: Value.self)
        try value.encode(to: builder)
        return builder.value
    }

    /// A scalar ``encoding(_:)`` does not list: it encodes itself into a single-value container as
    /// its own type. Another integer becomes its digits; anything else is refused.
    static func unlistedScalar<Value: Encodable>(_ value: Value) throws -> JSONValue {
        if let integer = value as? any BinaryInteger { return .number(String(describing: integer)) }
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: [], debugDescription: "RegionMesh's JSON has no \(Value.self) values"))
    }

    /// The scalar types RegionMesh's JSON refuses (they have no single exact text).
    private static let refused: [Any.Type] = [Double.self, Float.self, Decimal.self, Date.self, Data.self, URL.self]

    /// The decimal digits of `value` when it is one of the standard library's integers.
    private static func integerDigits<Value>(_ value: Value) -> String? {
        switch Value.self {
        case is Int.Type: String(unsafeBitCast(value, to: Int.self))
        case is Int8.Type: String(unsafeBitCast(value, to: Int8.self))
        case is Int16.Type: String(unsafeBitCast(value, to: Int16.self))
        case is Int32.Type: String(unsafeBitCast(value, to: Int32.self))
        case is Int64.Type: String(unsafeBitCast(value, to: Int64.self))
        case is UInt.Type: String(unsafeBitCast(value, to: UInt.self))
        case is UInt8.Type: String(unsafeBitCast(value, to: UInt8.self))
        case is UInt16.Type: String(unsafeBitCast(value, to: UInt16.self))
        case is UInt32.Type: String(unsafeBitCast(value, to: UInt32.self))
        case is UInt64.Type: String(unsafeBitCast(value, to: UInt64.self))
        default: nil
        }
    }

    /// `members` in the order of their keys' UTF-8 bytes; of members with one key, the last encoded.
    static func sorted(_ members: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        let ordered = members.enumerated().sorted { a, b in
            let order = utf8Order(a.element.key, b.element.key)
            return order == 0 ? a.offset < b.offset : order < 0
        }
        return ordered.indices.compactMap { index in
            index + 1 < ordered.count && ordered[index + 1].element.key == ordered[index].element.key ? nil : ordered[index].element
        }
    }
}

/// Negative, zero or positive as `a`'s UTF-8 bytes order before, as or after `b`'s (compared in place).
private func utf8Order(_ a: String, _ b: String) -> Int {
    var a = a, b = b
    return a.withUTF8 { a in
        b.withUTF8 { b in
            let common = min(a.count, b.count)
            let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
            return order != 0 ? Int(order) : a.count - b.count
        }
    }
}

/// The ``JSONValue`` of one value as its `encode(to:)` describes it.
private final class JSONBuilder: Encoder {
    private enum Kind { case empty, single, object, array }

    /// The type whose `encode(to:)` this builder serves (`Never` for a nested container).
    let encoding: Any.Type
    private var kind = Kind.empty

    init(encoding: Any.Type) { self.encoding = encoding }
    private var single = JSONValue.null
    private var members: [(key: String, value: JSONValue)] = []
    private var items: [JSONValue] = []
    /// Nested containers, filled in after their place was taken: position and builder.
    private var nested: [(Int, JSONBuilder)] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The value built (an empty object when nothing was encoded, as `JSONEncoder` writes `{}`).
    var value: JSONValue {
        switch kind {
        case .empty: return .object([])
        case .single: return single
        case .object:
            var members = members
            for (index, builder) in nested { members[index].value = builder.value }
            return .object(members)
        case .array:
            var items = items
            for (index, builder) in nested { items[index] = builder.value }
            return .array(items)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        kind = .object
        return KeyedEncodingContainer(ObjectContainer<Key>(builder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        kind = .array
        return ArrayContainer(builder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(builder: self) }

    func append(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    func append(_ value: JSONValue) { items.append(value) }

    var count: Int { items.count }

    func set(_ value: JSONValue) {
        kind = .single
        single = value
    }

    /// A builder for a nested container under `key`, or at the end of the array when `key` is nil.
    func nestedBuilder(key: String?) -> JSONBuilder {
        let builder = JSONBuilder(encoding: Never.self)
        if let key {
            nested.append((members.count, builder))
            append(key, .null)
        } else {
            nested.append((items.count, builder))
            append(.null)
        }
        return builder
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: JSONBuilder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { builder.append(key.stringValue, .null) }
    mutating func encode(_ value: String, forKey key: Key) throws { builder.append(key.stringValue, .string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { builder.append(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { builder.append(key.stringValue, .bool(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { builder.append(key.stringValue, try JSONValue.encoding(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        builder.nestedBuilder(key: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        builder.nestedBuilder(key: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { builder.nestedBuilder(key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { builder.nestedBuilder(key: key.stringValue) }
}

private struct ArrayContainer: UnkeyedEncodingContainer {
    let builder: JSONBuilder
    var codingPath: [any CodingKey] { [] }
    var count: Int { builder.count }

    mutating func encodeNil() throws { builder.append(.null) }
    mutating func encode(_ value: String) throws { builder.append(.string(value)) }
    mutating func encode(_ value: Int) throws { builder.append(.number(String(value))) }
    mutating func encode(_ value: Bool) throws { builder.append(.bool(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { builder.append(try JSONValue.encoding(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        builder.nestedBuilder(key: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { builder.nestedBuilder(key: nil).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { builder.nestedBuilder(key: nil) }
}

private struct ValueContainer: SingleValueEncodingContainer {
    let builder: JSONBuilder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { builder.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // A value that encodes itself as itself would come back here without end.
        builder.set(try T.self == builder.encoding ? JSONValue.unlistedScalar(value) : JSONValue.encoding(value))
    }
}
