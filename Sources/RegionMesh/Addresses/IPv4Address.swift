/// An IPv4 address, stored as its 32-bit big-endian value.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The address as a 32-bit number (`10.1.1.4` is `0x0A010104`).
    public var value: UInt32

    /// Creates an address from its 32-bit value.
    public init(_ value: UInt32) { self.value = value }

    /// Creates an address from four octets.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad text such as `10.1.1.4`.
    public static func parse(_ text: Substring) throws(CIDRError) -> IPv4Address {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw .wrongOctetCount(String(text), parts.count) }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let octet = UInt32(part), octet <= 255
            else { throw .invalidOctet(String(part)) }
            guard part.count == 1 || part.first != "0" else { throw .leadingZero(String(part)) }
            value = value << 8 | octet
        }
        return IPv4Address(value)
    }

    /// The dotted-quad form. Written digit by digit: at most 15 bytes, a string that needs no
    /// allocation (large topologies write hundreds of thousands of addresses).
    public var description: String {
        String(unsafeUninitializedCapacity: 15) { text in
            var count = 0
            for shift in [24, 16, 8, 0] as [UInt32] {
                let octet = Int(value >> shift & 0xFF)
                if shift != 24 { text[count] = UInt8(ascii: "."); count += 1 }
                if octet >= 100 { text[count] = UInt8(truncatingIfNeeded: 48 + octet / 100); count += 1 }
                if octet >= 10 { text[count] = UInt8(truncatingIfNeeded: 48 + octet / 10 % 10); count += 1 }
                text[count] = UInt8(truncatingIfNeeded: 48 + octet % 10)
                count += 1
            }
            return count
        }
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try IPv4Address.parse(Substring(text)) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
