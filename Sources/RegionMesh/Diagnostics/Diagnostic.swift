/// One finding about a topology, rendered like a compiler's:
/// `topologies/ThreeRegion.swift:17: error: [overlapping-cidr] message (topologies/ThreeRegion.swift:11)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Encodable {
    /// How serious a finding is: errors stop generation, warnings do not.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The rule that produced the finding.
    public var rule: Rule
    /// The rule's severity, copied here so that the rendered text needs nothing else.
    public var severity: Diagnostic.Severity
    /// What is wrong, naming the values involved.
    public var message: String
    /// The declaration at fault.
    public var location: SourceLocation
    /// The other declaration, when two conflict.
    public var relatedLocation: SourceLocation?

    /// Creates a finding of `rule` at `location`.
    public init(_ rule: Rule, _ message: String, at location: SourceLocation, related: SourceLocation? = nil) {
        self.rule = rule
        self.severity = rule.severity
        self.message = message
        self.location = location
        self.relatedLocation = related
    }

    public var description: String {
        let related = relatedLocation.map { " (\($0))" } ?? ""
        return "\(location): \(severity.rawValue): [\(rule.id)] \(message)\(related)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file and line, then rule and message, so output is stable.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.rule.id, $0.message) < ($1.location, $1.rule.id, $1.message) }
    }
}
