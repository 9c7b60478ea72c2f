import RegionMesh

extension Topology {
    /// Every diagnostic of the topology, sorted by location.
    public var diagnostics: [Diagnostic] { Pipeline.validate(self).diagnostics }

    /// The diagnostics of one rule.
    public func findings(_ rule: Rule) -> [Diagnostic] { diagnostics.filter { $0.rule == rule } }

    /// The rules reported, each once.
    public var rulesReported: Set<Rule> { Set(diagnostics.map(\.rule)) }
}
