/// An IPv4 network in CIDR notation, always canonical (no host bits set).
///
/// Two networks are either disjoint or one contains the other, which is what makes the sweep in
/// ``OverlapFinder`` linear after sorting.
public struct IPv4Network: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The first address of the network.
    public let address: IPv4Address
    /// The number of leading bits that name the network, 0...32.
    public let prefixLength: Int

    /// Creates the network of the given prefix length that contains `address`, clearing any host bits.
    public init(containing address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length out of range")
        self.prefixLength = prefixLength
        self.address = IPv4Address(address.value & IPv4Network.mask(prefixLength))
    }

    /// Parses `a.b.c.d/n`, rejecting any malformed form and any address with host bits set.
    public static func parse(_ text: String) throws(CIDRError) -> IPv4Network {
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw .empty }
        let pieces = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2 else {
            if pieces.count == 1 { throw .missingPrefixLength(trimmed) }
            throw .invalidPrefixLength(pieces.dropFirst().joined(separator: "/"))
        }
        let address = try IPv4Address.parse(pieces[0])
        let lengthText = pieces[1]
        guard !lengthText.isEmpty, lengthText.count <= 2, lengthText.allSatisfy(\.isASCIIDigit),
            lengthText.count == 1 || lengthText.first != "0", let length = Int(lengthText), length <= 32
        else { throw .invalidPrefixLength(String(lengthText)) }
        let network = IPv4Network(containing: address, prefixLength: length)
        guard network.address == address else { throw .hostBitsSet(trimmed, canonical: network) }
        return network
    }

    /// The network mask for a prefix length.
    static func mask(_ prefixLength: Int) -> UInt32 {
        prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength)
    }

    /// The number of addresses in the network (2^(32−prefix)).
    public var size: UInt64 { 1 << UInt64(32 - prefixLength) }

    /// The first address (the network address).
    public var first: IPv4Address { address }

    /// The last address (the broadcast address).
    public var last: IPv4Address { IPv4Address(address.value | ~IPv4Network.mask(prefixLength)) }

    /// The broadcast address, the same as ``last``.
    public var broadcast: IPv4Address { last }

    /// The address at `offset` from the start of the network, or nil when the network is smaller.
    public func address(at offset: UInt64) -> IPv4Address? {
        offset < size ? IPv4Address(address.value + UInt32(offset)) : nil
    }

    /// Whether `other` is an address of this network.
    public func contains(_ other: IPv4Address) -> Bool {
        other.value & IPv4Network.mask(prefixLength) == address.value
    }

    /// Whether every address of `other` is in this network.
    public func contains(_ other: IPv4Network) -> Bool {
        other.prefixLength >= prefixLength && contains(other.address)
    }

    /// Whether the two networks share at least one address.
    public func overlaps(_ other: IPv4Network) -> Bool {
        contains(other) || other.contains(self)
    }

    /// The sub-blocks of the given prefix length, in address order; empty when the length is shorter.
    public func subnets(prefixLength newLength: Int) -> [IPv4Network] {
        guard (prefixLength...32).contains(newLength) else { return [] }
        let count = 1 << (newLength - prefixLength)
        let step = UInt64(1) << UInt64(32 - newLength)
        return (0..<count).map { index in
            IPv4Network(containing: IPv4Address(address.value + UInt32(UInt64(index) * step)), prefixLength: newLength)
        }
    }

    public var description: String { "\(address)/\(prefixLength)" }

    /// Orders by first address, and a larger network before the networks it contains.
    public static func < (lhs: IPv4Network, rhs: IPv4Network) -> Bool {
        (lhs.address, lhs.prefixLength) < (rhs.address, rhs.prefixLength)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try IPv4Network.parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
