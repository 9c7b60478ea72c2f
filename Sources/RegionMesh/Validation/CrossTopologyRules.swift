/// What the topologies of one repository must not share: a kube context. Every cluster's context
/// is its cluster name, so two topologies with a cluster of the same name write one context, and
/// each one's teardown deletes the other's.
extension Rule {
    /// The rule `shared-kube-context`.
    public static let sharedKubeContext = Rule(
        "shared-kube-context", .warning, "two topologies of one repository have a cluster of the same name, so they share a kube context")
}

enum CrossTopologyRules {
    /// The findings of each topology, by index.
    static func check(_ topologies: [Topology]) -> [[Diagnostic]] {
        var findings = Array(repeating: [Diagnostic](), count: topologies.count)
        var owners: [String: (topology: String, location: SourceLocation)] = [:]
        for (index, topology) in topologies.enumerated() {
            var ignored = DiagnosticCollector()
            let gathered = GatheredTopology(topology, diagnostics: &ignored)
            let prefix = ComponentRegistry.namePrefix(of: gathered)
            for region in gathered.regions {
                let declared = region.own.first(ClusterName.self)
                let name = declared?.name ?? "\(prefix)-\(region.key)"
                let location = declared?.sourceLocation ?? region.location
                if let owner = owners[name], owner.topology != topology.name {
                    findings[index].append(
                        Diagnostic(
                            .sharedKubeContext,
                            "cluster '\(name)' of region '\(region.key)' has the name of a cluster of topology '\(owner.topology)': both write kube context '\(name)', and each teardown deletes the other's; give one topology another name prefix or ClusterName",
                            at: location, related: owner.location))
                } else if owners[name] == nil {
                    owners[name] = (topology.name, location)
                }
            }
        }
        return findings
    }
}
