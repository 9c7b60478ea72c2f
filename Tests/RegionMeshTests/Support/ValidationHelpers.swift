import RegionMesh

extension Topology {
    /// Every diagnostic of the topology.
    var diagnostics: [Diagnostic] { Validator.validate(self) }

    /// The diagnostics of one rule.
    func findings(_ rule: Rule) -> [Diagnostic] { diagnostics.filter { $0.rule == rule } }

    /// The rules reported, each once.
    var rulesReported: Set<Rule> { Set(diagnostics.map(\.rule)) }
}

/// The fixture with region `r2` changed by `content` (see ``Fixture/region(_:key:location:clusterID:fileID:filePath:line:_:)``).
func fixtureWithSecondRegion(@RegionBuilder _ content: () -> [RegionElement]) -> Topology {
    let second = Fixture.region(2, content)
    return Fixture.topology {
        Fixture.region(1)
        second
        Fixture.region(3)
    }
}
