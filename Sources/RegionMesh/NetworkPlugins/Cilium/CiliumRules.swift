/// Cilium's rules: a supported chart, one minor version across the mesh, and cluster names and IDs
/// that ClusterMesh accepts.
extension Rule {
    /// The rule `unsupported-cilium-version`.
    public static let unsupportedCiliumVersion = Rule(
        "unsupported-cilium-version", .error, "the Cilium version is not one the generator supports")
    /// The rule `mixed-cilium-versions`.
    public static let mixedCiliumVersions = Rule(
        "mixed-cilium-versions", .warning, "clusters of one mesh run different Cilium minor versions (their ClusterMesh defaults differ)")
    /// The rule `cluster-id-out-of-range`.
    public static let clusterIDOutOfRange = Rule("cluster-id-out-of-range", .error, "a Cilium cluster ID is outside 1–255")
    /// The rule `too-many-clusters`.
    public static let tooManyClusters = Rule("too-many-clusters", .error, "more than 255 clusters, the ClusterMesh limit")
    /// The rule `invalid-cluster-name`.
    public static let invalidClusterName = Rule(
        "invalid-cluster-name", .error, "a cluster name is not at most 32 lower-case alphanumerics and '-' (Cilium)")
}

enum CiliumRules {
    /// The ClusterMesh limit on the number of clusters, and the largest cluster ID
    /// (`clustermesh.maxConnectedClusters`, 255 by default).
    static let maxClusters = 255

    /// Parses a `Cilium` declaration: a version of a supported chart line.
    static func parse(_ cilium: Cilium?, diagnostics: inout DiagnosticCollector) -> Parsed<SemanticVersion> {
        Parsed.parse(cilium) { cilium in
            guard let version = diagnostics.parseVersion(cilium.version, "Cilium version", requireV: false, example: "1.19.5", at: cilium.sourceLocation)
            else { return nil }
            guard SupportedCilium.supports(version) else {
                let supported = SupportedCilium.minors.map { "\($0.major).\($0.minor).x" }.joined(separator: " and ")
                diagnostics.add(
                    .unsupportedCiliumVersion,
                    "Cilium \(version) is not supported; RegionMesh writes values checked against the \(supported) charts",
                    at: cilium.sourceLocation)
                return nil
            }
            return version
        }
    }

    /// Cluster names and IDs as ClusterMesh takes them, and at most 255 clusters.
    static func checkIdentities(_ core: CoreFacts, diagnostics: inout DiagnosticCollector) {
        let regions = core.regions
        if regions.count > maxClusters {
            diagnostics.add(
                .tooManyClusters, "the topology declares \(regions.count) regions; ClusterMesh connects at most \(maxClusters) clusters",
                at: regions[maxClusters].location)
        }
        for region in regions {
            let id = region.clusterID
            if id < 1 {
                diagnostics.add(.clusterIDOutOfRange, "cluster ID \(id) of region '\(region.key)' is below 1; Cilium reserves 0 for a cluster outside any mesh", at: region.location)
            } else if id > maxClusters {
                diagnostics.add(.clusterIDOutOfRange, "cluster ID \(id) of region '\(region.key)' is above \(maxClusters), the largest ClusterMesh allows", at: region.location)
            }
            if let problem = clusterNameProblem(region.clusterName, id: id) {
                diagnostics.add(.invalidClusterName, "cluster name '\(region.clusterName)' of region '\(region.key)' \(problem)", at: region.clusterNameLocation)
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

    /// One warning when the mesh mixes supported minor versions, at the first region that differs
    /// from the first one.
    static func checkMeshVersions(_ versions: [(region: String, version: Parsed<SemanticVersion>)], diagnostics: inout DiagnosticCollector) {
        let known = versions.compactMap { entry in entry.version.value.map { (entry.region, $0, entry.version.location!) } }
        guard let first = known.first else { return }
        let minor = { (version: SemanticVersion) in "\(version.major).\(version.minor)" }
        guard let other = known.first(where: { minor($0.1) != minor(first.1) }) else { return }
        diagnostics.add(
            .mixedCiliumVersions,
            "region '\(other.0)' runs Cilium \(other.1) but region '\(first.0)' runs \(first.1); one mesh should run one minor version (defaults such as clustermesh.apiserver.tls.authMode differ between minors), except while upgrading",
            at: other.2, related: first.2)
    }
}
