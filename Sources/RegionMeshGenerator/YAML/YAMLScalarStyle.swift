import CYaml
import Yams

/// The style of each scalar RegionMesh writes, decided once as the tree is built, the way Yams'
/// `YAMLEncoder` decides them: a string that YAML would read back as something else
/// (`true`, `8080`, `null`, `1.5`) is single-quoted, one with a line break is a literal block, any
/// other string is left for libyaml to write plain or quote as it needs.
///
/// `YAMLEncoder` runs Yams' resolver (seven regular expressions) on every string, and again on
/// every key and scalar as it emits them; profiles of large topologies were dominated by it. Here
/// emitting resolves nothing, and a string is given to the resolver only when it is made of
/// characters the resolver's patterns could match at all. Keys, integers, booleans and `null` are
/// left to libyaml (``Style/any``), as `YAMLEncoder` leaves them.
enum YAMLScalarStyle {
    /// How libyaml is asked to write a scalar.
    enum Style: Sendable {
        /// Plain where libyaml can, quoted where it must.
        case any
        /// Between single quotes.
        case singleQuoted
        /// A literal block (`|`), lines as they are.
        case literal

        var libyaml: yaml_scalar_style_t {
            switch self {
            case .any: YAML_ANY_SCALAR_STYLE
            case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .literal: YAML_LITERAL_SCALAR_STYLE
            }
        }
    }

    /// The scalar of a string value.
    static func value(_ string: String) -> YAMLValue {
        .scalar(string, style(of: string))
    }

    /// The style of a string value.
    static func style(of value: String) -> Style {
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
