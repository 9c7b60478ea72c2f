/// A validation rule: a stable kebab-case ID (printed as `[id]` in every diagnostic, safe to grep
/// for and to link to), a severity, and a one-line summary that the README and `regionmesh rules`
/// list. Each rule is declared as a static member beside the check that reports it, in the folder
/// of the component it belongs to; ``catalogue`` lists them all.
public struct Rule: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    /// The stable ID, e.g. `overlapping-cidr`.
    public let id: String
    /// Errors stop generation; warnings are printed and generation goes on.
    public let severity: Diagnostic.Severity
    /// What the rule checks, in one line.
    public let summary: String

    /// Declares a rule.
    public init(_ id: String, _ severity: Diagnostic.Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    /// Every rule of the core and of every registered component, sorted by ID.
    public static var catalogue: [Rule] { ComponentRegistry.rules.sorted() }

    public var description: String { id }
    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.id < rhs.id }

    /// Encoded as its ID.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
