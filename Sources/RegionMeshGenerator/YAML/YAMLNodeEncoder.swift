/// Builds the ``YAMLValue`` tree of an `Encodable` value: mappings in the order the value encodes
/// its keys, sequences, and scalars with the styles of ``YAMLScalarStyle``. Like Yams'
/// `YAMLEncoder` without what RegionMesh does not use (aliases, user info, coding paths), and
/// without its per-scalar tag resolution and per-key linear search of the mapping built so far.
enum YAMLNodeEncoder {
    /// The tree of `value`.
    static func node(for value: some Encodable) throws -> YAMLValue {
        try NodeBuilder.node(value)
    }
}

/// The node of one value as its `encode(to:)` describes it: a mapping's pairs or a sequence's
/// items as they are encoded, or one node.
private final class NodeBuilder: Encoder {
    private enum Kind { case empty, single, mapping, sequence }

    /// The type whose `encode(to:)` this builder serves (`Never` for a nested container).
    let encoding: Any.Type
    private var kind = Kind.empty

    init(encoding: Any.Type) { self.encoding = encoding }
    private var single: YAMLValue?
    private var pairs: [(key: String, value: YAMLValue)] = []
    private var items: [YAMLValue] = []
    /// Nested containers, filled in after their place was taken: position and builder.
    private var nested: [(Int, NodeBuilder)] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The node of `value`: scalars directly, anything else through a builder of its own.
    /// The scalar types are told apart by their metatypes: a cast (`as String`) would make the
    /// runtime search protocol conformances for every new type it meets.
    static func node<Value: Encodable>(_ value: Value) throws -> YAMLValue {
        if Value.self == String.self { return YAMLScalarStyle.value(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return Self.integer(unsafeBitCast(value, to: Int.self)) }
        if Value.self == Bool.self { return Self.boolean(unsafeBitCast(value, to: Bool.self)) }
        let builder = NodeBuilder(encoding: Value.self)
        try value.encode(to: builder)
        return builder.node
    }

    /// A scalar ``node(_:)`` does not list: it encodes itself into a single-value container as its
    /// own type. Another integer becomes its digits; anything else is refused.
    static func unlistedScalar<Value: Encodable>(_ value: Value) throws -> YAMLValue {
        if let integer = value as? any BinaryInteger { return .scalar(String(describing: integer), .any) }
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: [], debugDescription: "RegionMesh's YAML has no \(Value.self) values"))
    }

    static func integer(_ value: Int) -> YAMLValue { .scalar(String(value), .any) }

    static func boolean(_ value: Bool) -> YAMLValue { .scalar(value ? "true" : "false", .any) }

    /// The tree built (an empty mapping when nothing was encoded, as `YAMLEncoder` writes `{}`).
    var node: YAMLValue {
        switch kind {
        case .empty: return .mapping([])
        case .single: return single!
        case .mapping:
            var pairs = pairs
            for (index, builder) in nested { pairs[index].value = builder.node }
            return .mapping(pairs)
        case .sequence:
            var items = items
            for (index, builder) in nested { items[index] = builder.node }
            return .sequence(items)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        kind = .mapping
        return KeyedEncodingContainer(KeyedContainer<Key>(builder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        kind = .sequence
        return UnkeyedContainer(builder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(builder: self) }

    func append(_ key: String, _ value: YAMLValue) { pairs.append((key, value)) }

    func append(_ value: YAMLValue) { items.append(value) }

    var count: Int { items.count }

    func set(_ value: YAMLValue) {
        kind = .single
        single = value
    }

    /// A builder for a nested container under `key`, or at the end of the sequence when `key` is nil.
    func nestedBuilder(key: String?) -> NodeBuilder {
        let builder = NodeBuilder(encoding: Never.self)
        if let key {
            nested.append((pairs.count, builder))
            append(key, .null)
        } else {
            nested.append((items.count, builder))
            append(.null)
        }
        return builder
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: NodeBuilder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { builder.append(key.stringValue, .null) }
    mutating func encode(_ value: String, forKey key: Key) throws { builder.append(key.stringValue, YAMLScalarStyle.value(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { builder.append(key.stringValue, NodeBuilder.integer(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { builder.append(key.stringValue, NodeBuilder.boolean(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { builder.append(key.stringValue, try NodeBuilder.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        builder.nestedBuilder(key: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        builder.nestedBuilder(key: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { builder.nestedBuilder(key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { builder.nestedBuilder(key: key.stringValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let builder: NodeBuilder
    var codingPath: [any CodingKey] { [] }
    var count: Int { builder.count }

    mutating func encodeNil() throws { builder.append(.null) }
    mutating func encode(_ value: String) throws { builder.append(YAMLScalarStyle.value(value)) }
    mutating func encode(_ value: Int) throws { builder.append(NodeBuilder.integer(value)) }
    mutating func encode(_ value: Bool) throws { builder.append(NodeBuilder.boolean(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { builder.append(try NodeBuilder.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        builder.nestedBuilder(key: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { builder.nestedBuilder(key: nil).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { builder.nestedBuilder(key: nil) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let builder: NodeBuilder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { builder.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // A value that encodes itself as itself would come back here without end.
        builder.set(try T.self == builder.encoding ? NodeBuilder.unlistedScalar(value) : NodeBuilder.node(value))
    }
}
