/// Collects the findings of every check of one topology.
///
/// A check about one region reports through ``add(_:region:at:related:_:)``: when the same rule
/// finds the same problem at the same declaration for several regions (a bad value in `Defaults`,
/// or in a helper that declares many regions), the findings become one that names every region,
/// instead of one per region at the same line.
public struct DiagnosticCollector: Sendable {
    private var findings: [Diagnostic] = []
    private var regional: [RegionalKey: [String]] = [:]
    private var regionalOrder: [RegionalKey] = []

    private struct RegionalKey: Hashable, Sendable {
        let rule: Rule
        let location: SourceLocation
        let related: SourceLocation?
        let template: String
    }

    /// Marks where a message names its regions.
    private static let placeholder = "\u{1}regions\u{1}"

    /// An empty collector.
    public init() {}

    /// Adds a finding.
    public mutating func add(_ diagnostic: Diagnostic) {
        findings.append(diagnostic)
    }

    /// Adds a finding of `rule` at `location`.
    public mutating func add(_ rule: Rule, _ message: String, at location: SourceLocation, related: SourceLocation? = nil) {
        findings.append(Diagnostic(rule, message, at: location, related: related))
    }

    /// Adds a finding about region `region`; `message` receives how to name the region (or the
    /// regions, once merged): `region 'eastus'` or `regions 'eastus', 'westus'`.
    public mutating func add(
        _ rule: Rule, region: String, at location: SourceLocation, related: SourceLocation? = nil, _ message: (String) -> String
    ) {
        let key = RegionalKey(rule: rule, location: location, related: related, template: message(Self.placeholder))
        if regional[key] == nil { regionalOrder.append(key) }
        if regional[key]?.contains(region) != true { regional[key, default: []].append(region) }
    }

    /// Whether an error was reported so far.
    public var hasErrors: Bool {
        findings.containsErrors || regional.keys.contains { $0.rule.severity == .error }
    }

    /// Every finding, the regional ones merged, sorted by location.
    public var diagnostics: [Diagnostic] {
        let merged = regionalOrder.map { key in
            let regions = regional[key] ?? []
            let name = (regions.count == 1 ? "region " : "regions ") + regions.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(key.rule, key.template.replacing(Self.placeholder, with: name), at: key.location, related: key.related)
        }
        return (findings + merged).sortedByLocation()
    }
}
