import Yams

/// The tag and style of each scalar RegionMesh writes, decided once as the node tree is built, the
/// way Yams' `YAMLEncoder` decides them: a string that YAML would read back as something else
/// (`true`, `8080`, `null`, `1.5`) is single-quoted, one with a line break is a literal block, any
/// other string is left for libyaml to write plain or quote as it needs.
///
/// `YAMLEncoder` runs Yams' resolver (seven regular expressions) on every string, and again on
/// every key and scalar as it emits them; profiles of large topologies were dominated by it. Here
/// the tags are explicit, so emitting resolves nothing, and a string is given to the resolver only
/// when it is made of characters the resolver's patterns could match at all.
enum YAMLScalarStyle {
    // Tags with explicit names: Yams never changes them (it only fills in implicit ones), so the
    // shared instances are only ever read, from any thread.
    nonisolated(unsafe) static let string = Tag(.str)
    nonisolated(unsafe) static let integer = Tag(.int)
    nonisolated(unsafe) static let boolean = Tag(.bool)
    nonisolated(unsafe) static let null = Tag(.null)
    nonisolated(unsafe) static let mapping = Tag(.map)
    nonisolated(unsafe) static let sequence = Tag(.seq)

    /// The scalar node of a string value.
    static func node(_ value: String) -> Node {
        .scalar(Node.Scalar(value, string, style(of: value)))
    }

    /// The scalar node of a mapping key (left for libyaml to write plain or quote, as `YAMLEncoder` does).
    static func key(_ key: String) -> Node {
        .scalar(Node.Scalar(key, string, .any))
    }

    /// The style of a string value.
    static func style(of value: String) -> Node.Scalar.Style {
        if value.utf8.contains(UInt8(ascii: "\n")) { return .literal }
        return readsBackAsString(value) ? .any : .singleQuoted
    }

    /// Whether YAML reads `value`, written plain, back as a string (Yams' default resolver).
    static func readsBackAsString(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        // Every non-string pattern starts with one of these; the words among them (`yes`, `false`,
        // `null`, `off`…) have at most five letters.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "<"),
            UInt8(ascii: "~"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if value.utf8.count > 5 { return true }
        default:
            return true
        }
        var onlyDigitsAndDots = true
        var dots = 0
        for byte in value.utf8 {
            guard byte < 128, resolvable[Int(byte)] else { return true }
            if byte == UInt8(ascii: ".") {
                dots += 1
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                onlyDigitsAndDots = false
            }
        }
        // An address such as 10.1.1.4: no pattern takes two dots without other characters.
        if onlyDigitsAndDots, dots >= 2 { return true }
        return Resolver.default.resolveTag(of: Node(value)) == .str
    }

    /// The characters that occur in some non-string pattern of the default resolver (bool, int,
    /// float, merge, null, timestamp, value): a string with any other character is a string.
    private static let resolvable: [Bool] = (0..<128).map { byte in
        let characters = "0123456789-+_.:~<= \t" + "abcdefABCDEF" + "xoObBiInNfFlLsSrRuUtTyYZ"
        return characters.unicodeScalars.contains(Unicode.Scalar(UInt8(byte)))
    }
}
