/// Names and numbers that must be well-formed or unique: the topology name, region keys, cluster
/// names and cluster IDs.
extension Rule {
    /// The rule `invalid-topology-name`.
    public static let invalidTopologyName = Rule(
        "invalid-topology-name", .error,
        "the topology name is not a DNS-1123 label (it names out/<name>/ and the app.kubernetes.io/part-of label)")
    /// The rule `invalid-region-key`.
    public static let invalidRegionKey = Rule("invalid-region-key", .error, "a region key is not a DNS-1123 label (it becomes a namespace)")
    /// The rule `duplicate-region-key`.
    public static let duplicateRegionKey = Rule("duplicate-region-key", .error, "two regions share a key (the key is the namespace and DNS zone)")
    /// The rule `reserved-region-key`.
    public static let reservedRegionKey = Rule(
        "reserved-region-key", .error,
        "a region key names a namespace Kubernetes reserves ('default', 'kube-*'); every other cluster would forward that zone away")
    /// The rule `duplicate-cluster-name`.
    public static let duplicateClusterName = Rule("duplicate-cluster-name", .error, "two regions share a cluster name")
    /// The rule `duplicate-cluster-id`.
    public static let duplicateClusterID = Rule("duplicate-cluster-id", .error, "two regions share a cluster ID")
}

enum IdentityRules {
    static func checkTopologyName(_ topology: Topology, diagnostics: inout DiagnosticCollector) {
        if !DNSLabel.isValid(topology.name) {
            diagnostics.add(
                .invalidTopologyName,
                "topology name '\(topology.name)' is not a DNS-1123 label (at most 63 lower-case alphanumerics and '-', starting and ending alphanumeric); it names out/\(topology.name)/ and is the app.kubernetes.io/part-of label of every object",
                at: topology.location)
        }
    }

    static func check(_ regions: [RegionFacts], diagnostics: inout DiagnosticCollector) {
        var keys: [String: SourceLocation] = [:]
        var names: [String: SourceLocation] = [:]
        var ids: [Int: SourceLocation] = [:]
        for region in regions {
            let key = region.key
            if !DNSLabel.isValid(key) {
                diagnostics.add(
                    .invalidRegionKey,
                    "region key '\(key)' is not a DNS-1123 label (at most 63 lower-case alphanumerics and '-', starting and ending alphanumeric); it becomes a namespace and a DNS zone",
                    at: region.location)
            }
            if Kubernetes.isReservedNamespace(key) {
                diagnostics.add(
                    .reservedRegionKey,
                    "region key '\(key)' names a namespace Kubernetes reserves; the database would run in it and every other cluster would forward \(key).svc to this one; choose another key",
                    at: region.location)
            }
            if let first = keys[key] {
                diagnostics.add(.duplicateRegionKey, "region key '\(key)' is used by two regions", at: region.location, related: first)
            } else {
                keys[key] = region.location
            }
            if let first = names[region.clusterName] {
                diagnostics.add(
                    .duplicateClusterName, "cluster name '\(region.clusterName)' is used by two regions", at: region.clusterNameLocation,
                    related: first)
            } else {
                names[region.clusterName] = region.clusterNameLocation
            }
            if let first = ids[region.clusterID] {
                diagnostics.add(
                    .duplicateClusterID, "cluster ID \(region.clusterID) of region '\(key)' is already used by another region",
                    at: region.location, related: first)
            } else {
                ids[region.clusterID] = region.location
            }
        }
    }
}
