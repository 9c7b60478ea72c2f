/// A Kubernetes resource quantity such as `8Gi`, `100Gi`, `512Mi` or `2`, kept as written and
/// checked against the grammar Kubernetes accepts for memory and storage.
public struct Quantity: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The quantity as written.
    public let text: String
    /// The value in bytes.
    public let bytes: UInt64

    private static let binarySuffixes: [(String, UInt64)] = [
        ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50),
    ]
    private static let decimalSuffixes: [(String, UInt64)] = [
        ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000), ("P", 1_000_000_000_000_000),
    ]

    /// Parses a whole-number quantity with an optional binary (`Ki`…`Pi`) or decimal (`k`…`P`) suffix.
    public init?(_ text: String) {
        let suffixes = Self.binarySuffixes + Self.decimalSuffixes
        let (digits, multiplier) =
            suffixes.first(where: { text.hasSuffix($0.0) }).map { (String(text.dropLast($0.0.count)), $0.1) } ?? (text, 1)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = UInt64(digits), number > 0 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        self.text = text
        self.bytes = bytes
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let quantity = Quantity(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a quantity: \(text)"))
        }
        self = quantity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
