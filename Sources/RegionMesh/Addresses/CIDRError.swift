/// Why a text is not a valid IPv4 CIDR block. Each case renders as a message a person can act on.
public enum CIDRError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case missingPrefixLength(String)
    case wrongOctetCount(String, Int)
    case invalidOctet(String)
    case leadingZero(String)
    case invalidPrefixLength(String)
    /// The address has bits set beyond the prefix; `canonical` is the network that was probably meant.
    case hostBitsSet(String, canonical: IPv4Network)

    public var description: String {
        switch self {
        case .empty: "an empty string is not a CIDR block"
        case .missingPrefixLength(let text):
            if let address = try? IPv4Address.parse(Substring(text)) {
                "'\(text)' has no prefix length: write '\(text)/32' for that one address, or '\(IPv4Network(containing: address, prefixLength: 24))' for its /24"
            } else {
                "'\(text)' is not a CIDR block such as '10.1.0.0/16'"
            }
        case .wrongOctetCount(let text, let count): "'\(text)' has \(count) octet\(count == 1 ? "" : "s"); an IPv4 address has 4"
        case .invalidOctet(let octet): "'\(octet)' is not an octet (a number from 0 to 255)"
        case .leadingZero(let octet): "octet '\(octet)' has a leading zero, which some tools read as octal"
        case .invalidPrefixLength(let length): "'\(length)' is not a prefix length (a number from 0 to 32)"
        case .hostBitsSet(let text, let canonical): "'\(text)' has host bits set; did you mean '\(canonical)'?"
        }
    }
}
