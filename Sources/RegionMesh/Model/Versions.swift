/// A dotted version `MAJOR.MINOR.PATCH`, optionally with a leading `v` and a `+build` or `-pre` suffix.
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The version as written (`v1.35.4+k3s1`).
    public let text: String
    /// The numeric parts.
    public let major: Int, minor: Int, patch: Int
    /// What follows `-` or `+`, if anything.
    public let suffix: String

    /// Parses `v1.35.4+k3s1`, `1.19.5` or `v26.2.1`; `requireV` demands the leading `v`.
    ///
    /// A number with a leading zero (`01.19.0`) is refused, as SemVer refuses it: the text is used
    /// verbatim as an image tag and a chart version, and no release is tagged that way.
    /// `allowingLeadingZeros` reads such a version back from a file an earlier release wrote.
    public init?(_ text: String, requireV: Bool = false, allowingLeadingZeros: Bool = false) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() } else if requireV { return nil }
        let core = rest.prefix { $0 != "+" && $0 != "-" }
        let suffix = rest.dropFirst(core.count)
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        // The suffix is SemVer's: dot-separated, non-empty identifiers of ASCII letters, digits and
        // '-'. The text becomes an image tag and a label value, which take nothing else.
        let identifiers = suffix.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.count <= 6 }),
            allowingLeadingZeros || !parts.contains(where: Self.hasLeadingZero),
            suffix.isEmpty || identifiers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
        else { return nil }
        self.text = text
        major = Int(parts[0])!
        minor = Int(parts[1])!
        patch = Int(parts[2])!
        self.suffix = String(suffix)
    }

    public var description: String { text }

    /// The first of the dotted numbers of `text` written with a leading zero (`01` in `v01.19.0`).
    static func numberWithLeadingZero(in text: String) -> Substring? {
        let core = text.drop { $0 == "v" }.prefix { $0 != "+" && $0 != "-" }
        return core.split(separator: ".").first(where: hasLeadingZero)
    }

    /// `; '01' has a leading zero, which no release tag has` when that is what keeps `text` from
    /// being a version, else nothing: the end of an `invalid-version` message.
    public static func leadingZeroNote(_ text: String, requireV: Bool) -> String {
        guard SemanticVersion(text, requireV: requireV, allowingLeadingZeros: true) != nil, let number = numberWithLeadingZero(in: text) else { return "" }
        return "; '\(number)' has a leading zero, which no release tag has"
    }

    private static func hasLeadingZero(_ number: Substring) -> Bool {
        number.count > 1 && number.first == "0"
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = SemanticVersion(text, allowingLeadingZeros: true) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a version: \(text)"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
