/// Rules on names and IDs that must be unique or well-formed: region keys, cluster names, cluster IDs.
enum IdentityRules {
    /// The ClusterMesh limit on the number of clusters (and the largest cluster ID).
    static let maxClusters = 255

    static func check(_ regions: [RegionInput], diagnostics: inout [Diagnostic]) {
        if regions.count > maxClusters, let extra = regions.dropFirst(maxClusters).first {
            diagnostics.append(Diagnostic(
                .tooManyClusters, "the topology declares \(regions.count) regions; ClusterMesh connects at most \(maxClusters) clusters",
                at: extra.location))
        }
        var keys: [String: SourceLocation] = [:]
        var names: [String: SourceLocation] = [:]
        var ids: [Int: SourceLocation] = [:]
        for input in regions {
            let key = input.key
            if !DNSLabel.isValid(key) {
                diagnostics.append(Diagnostic(
                    .invalidRegionKey,
                    "region key '\(key)' is not a DNS-1123 label (at most 63 lower-case alphanumerics and '-', starting and ending alphanumeric); it becomes a namespace and a DNS zone",
                    at: input.location))
            }
            if let first = keys[key] {
                diagnostics.append(Diagnostic(.duplicateRegionKey, "region key '\(key)' is used by two regions", at: input.location, related: first))
            } else {
                keys[key] = input.location
            }

            let name = input.effectiveClusterName
            if let problem = clusterNameProblem(name, id: input.region.clusterID) {
                diagnostics.append(Diagnostic(.invalidClusterName, "cluster name '\(name)' of region '\(key)' \(problem)", at: input.clusterNameLocation))
            }
            if let first = names[name] {
                diagnostics.append(Diagnostic(.duplicateClusterName, "cluster name '\(name)' is used by two regions", at: input.clusterNameLocation, related: first))
            } else {
                names[name] = input.clusterNameLocation
            }

            let id = input.region.clusterID
            if !(1...maxClusters).contains(id) {
                diagnostics.append(Diagnostic(.clusterIDOutOfRange, "cluster ID \(id) of region '\(key)' is outside 1–\(maxClusters) (0 is reserved by Cilium)", at: input.location))
            }
            if let first = ids[id] {
                diagnostics.append(Diagnostic(.duplicateClusterID, "cluster ID \(id) of region '\(key)' is already used by another region", at: input.location, related: first))
            } else {
                ids[id] = input.location
            }
        }
    }

    /// Cilium's rule: 1–32 characters, `^([a-z0-9][-a-z0-9]*)?[a-z0-9]$`, and not `default` with a non-zero ID.
    static func clusterNameProblem(_ name: String, id: Int) -> String? {
        if name.isEmpty || name.count > 32 { return "has \(name.count) characters; Cilium allows 1 to 32" }
        if !DNSLabel.isValid(name) { return "must be lower-case alphanumerics and '-', starting and ending alphanumeric (Cilium)" }
        if name == "default" && id != 0 { return "cannot be 'default' in a ClusterMesh" }
        return nil
    }
}

/// DNS-1123 labels: Kubernetes namespaces, Cilium cluster names, host names.
enum DNSLabel {
    static func isValid(_ text: String) -> Bool {
        guard (1...63).contains(text.count), let first = text.first, let last = text.last else { return false }
        let allowed = text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        return allowed && first != "-" && last != "-"
    }
}
