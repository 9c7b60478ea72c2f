/// A Kubernetes resource quantity such as `8Gi`, `7.5Gi`, `512Mi`, `1e9` or `2`, kept as written
/// and checked against the grammar Kubernetes parses (`resource.ParseQuantity`):
///
/// ```
/// quantity        ::= signedNumber suffix
/// signedNumber    ::= [ "+" | "-" ] number
/// number          ::= digits | digits "." digits | digits "." | "." digits
/// suffix          ::= binarySI | decimalSI | decimalExponent
/// binarySI        ::= "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei"
/// decimalSI       ::= "m" | "" | "k" | "M" | "G" | "T" | "P" | "E"
/// decimalExponent ::= ( "e" | "E" ) signedNumber      (a whole number)
/// ```
public struct Quantity: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The quantity as written.
    public let text: String
    /// Its value (bytes, for memory and storage).
    public let value: Double

    /// The value in whole bytes, rounded up as Kubernetes rounds memory and storage.
    public var bytes: UInt64 {
        value <= 0 ? 0 : value >= Double(UInt64.max) ? UInt64.max : UInt64(value.rounded(.up))
    }

    private static let binary: [(String, Double)] = [
        ("Ki", 0x1p10), ("Mi", 0x1p20), ("Gi", 0x1p30), ("Ti", 0x1p40), ("Pi", 0x1p50), ("Ei", 0x1p60),
    ]
    private static let decimal: [String: Double] = ["m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18]

    /// Parses a quantity; nil when Kubernetes would reject it.
    public init?(_ text: String) {
        guard case .success(let quantity) = Quantity.parse(text) else { return nil }
        self = quantity
    }

    private init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    /// Parses a quantity, or says why Kubernetes would reject it.
    public static func parse(_ text: String) -> Result<Quantity, QuantityError> {
        var rest = Substring(text)
        var sign = 1.0
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let numberText = rest.prefix { $0.isASCIIDigit || $0 == "." }
        let suffix = String(rest.dropFirst(numberText.count))
        let parts = numberText.split(separator: ".", omittingEmptySubsequences: false)
        guard !numberText.isEmpty, parts.count <= 2, parts.contains(where: { !$0.isEmpty }), let number = Double(numberText == "." ? "" : String(numberText))
        else {
            return .failure(QuantityError(text: text, reason: "it does not start with a number such as '8' or '7.5'"))
        }
        let multiplier: Double
        if let binary = binary.first(where: { $0.0 == suffix }) {
            multiplier = binary.1
        } else if let decimal = decimal[suffix] {
            multiplier = decimal
        } else if let exponent = exponent(suffix) {
            multiplier = pow10(exponent)
        } else {
            return .failure(
                QuantityError(
                    text: text,
                    reason: "'\(suffix)' is not a suffix Kubernetes takes (Ki, Mi, Gi, Ti, Pi, Ei; m, k, M, G, T, P, E; or an exponent such as e9)"))
        }
        let value = sign * number * multiplier
        guard value.isFinite, abs(value) < 0x1p63 else {
            return .failure(QuantityError(text: text, reason: "it is larger than Kubernetes can hold"))
        }
        return .success(Quantity(text: text, value: value))
    }

    /// The exponent of `e9`, `E-3`, `e+12`; nil when `suffix` is not one.
    private static func exponent(_ suffix: String) -> Int? {
        guard let first = suffix.first, first == "e" || first == "E", suffix.count > 1 else { return nil }
        var digits = suffix.dropFirst()
        var sign = 1
        if let mark = digits.first, mark == "+" || mark == "-" {
            sign = mark == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
        return sign * value
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    public var description: String { text }

    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch Quantity.parse(text) {
        case .success(let quantity): self = quantity
        case .failure(let error):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Why a text is not a Kubernetes quantity.
public struct QuantityError: Error, Sendable, CustomStringConvertible {
    /// The text.
    public let text: String
    /// Why.
    public let reason: String

    public var description: String { "'\(text)' is not a Kubernetes quantity: \(reason)" }
}
