/// CockroachDB's rules: settings Kubernetes accepts, replicas that fit the nodes, and the warnings
/// about what the deployment cannot survive.
extension Rule {
    /// The rule `invalid-storage-class`.
    public static let invalidStorageClass = Rule(
        "invalid-storage-class", .error,
        "a CockroachDB storage class is not a DNS-1123 subdomain, so Kubernetes would reject the volume claims")
    /// The rule `replicas-exceed-nodes`.
    public static let replicasExceedNodes = Rule("replicas-exceed-nodes", .error, "a region runs more CockroachDB replicas than it has nodes")
    /// The rule `too-few-replicas-for-survival`.
    public static let tooFewReplicasForSurvival = Rule(
        "too-few-replicas-for-survival", .warning,
        "fewer than three CockroachDB replicas in a region: losing one node loses availability there")
    /// The rule `mixed-cockroachdb-versions`.
    public static let mixedCockroachVersions = Rule(
        "mixed-cockroachdb-versions", .warning, "regions run different CockroachDB versions, which is safe only while an upgrade rolls through")
    /// The rule `too-few-regions-for-survival`.
    public static let tooFewRegionsForSurvival = Rule(
        "too-few-regions-for-survival", .warning, "fewer than three regions: CockroachDB cannot survive the loss of a region")
}

/// The fields one `CockroachDB` declaration gives, parsed.
struct CockroachSettings: Sendable {
    var version: Parsed<SemanticVersion> = .absent
    var storage: Parsed<Quantity> = .absent
    var cpu: Parsed<Int> = .absent
    var memory: Parsed<Quantity> = .absent
    var replicas: Parsed<Int> = .absent
    var storageClass: Parsed<String> = .absent

    /// These fields, each from `base` when this declaration leaves it out.
    func overriding(_ base: CockroachSettings) -> CockroachSettings {
        CockroachSettings(
            version: version.or(base.version), storage: storage.or(base.storage), cpu: cpu.or(base.cpu), memory: memory.or(base.memory),
            replicas: replicas.or(base.replicas), storageClass: storageClass.or(base.storageClass))
    }

    /// Parses a declaration, reporting each field that does not parse where it was written.
    static func parse(_ declaration: CockroachDB?, diagnostics: inout DiagnosticCollector) -> CockroachSettings {
        guard let crdb = declaration else { return CockroachSettings() }
        let at = crdb.sourceLocation
        return CockroachSettings(
            version: Parsed.parse(crdb.version, at: at) { text in
                guard let version = diagnostics.parseVersion(text, "CockroachDB version", requireV: true, example: "v26.2.1", at: at) else { return nil }
                guard !version.suffix.hasPrefix("+") else {
                    // The version is an image tag and a label value, neither of which may contain '+'.
                    diagnostics.add(.invalidVersion, "CockroachDB version '\(version)' has a build suffix; image tags cannot contain '+'", at: at)
                    return nil
                }
                return version
            },
            storage: Parsed.parse(crdb.storage, at: at) { diagnostics.parseQuantity($0, "CockroachDB storage", at: at) },
            cpu: Parsed.parse(crdb.cpu, at: at) { cpu in
                guard cpu >= 1 else {
                    diagnostics.add(.invalidQuantity, "CockroachDB cpu is \(cpu); it must be at least 1 core", at: at)
                    return nil
                }
                return cpu
            },
            memory: Parsed.parse(crdb.memory, at: at) { diagnostics.parseQuantity($0, "CockroachDB memory", at: at) },
            replicas: Parsed.parse(crdb.replicas, at: at) { replicas in
                guard replicas >= 1 else {
                    diagnostics.add(.invalidNodeCount, "CockroachDB replicas is \(replicas); a region needs at least 1", at: at)
                    return nil
                }
                return replicas
            },
            storageClass: Parsed.parse(crdb.storageClass, at: at) { storageClass in
                guard DNSSubdomain.isValid(storageClass) else {
                    diagnostics.add(
                        .invalidStorageClass,
                        "CockroachDB storage class '\(storageClass)' is not a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', at most 253)",
                        at: at)
                    return nil
                }
                return storageClass
            })
    }
}

enum CockroachRules {
    /// Replicas against the region's nodes: they must fit one per node, and three survive a node loss.
    static func checkReplicas(_ settings: CockroachSettings, region: RegionFacts, diagnostics: inout DiagnosticCollector) {
        guard let nodes = region.nodes.value, let nodesLocation = region.nodes.location else { return }
        let replicas = settings.replicas.value ?? nodes
        let declared = settings.replicas.location
        if replicas > nodes, let declared {
            diagnostics.add(.replicasExceedNodes, region: region.key, at: declared, related: nodesLocation) {
                "\($0) runs \(replicas) CockroachDB replicas on \(nodes) node\(nodes == 1 ? "" : "s"); with one replica per node at most \(nodes) fit"
            }
        } else if replicas < 3 {
            // Without a declared replica count there is one replica per node: the node count is what to change.
            diagnostics.add(.tooFewReplicasForSurvival, region: region.key, at: declared ?? nodesLocation) {
                "\($0) runs \(replicas) CockroachDB replica\(replicas == 1 ? "" : "s"); with fewer than 3, losing one node loses the region's availability"
            }
        }
    }

    /// One warning when regions run different versions, at the first region that differs from the first one.
    static func checkVersions(_ versions: [(region: String, version: Parsed<SemanticVersion>)], diagnostics: inout DiagnosticCollector) {
        let known = versions.compactMap { entry in entry.version.value.map { (entry.region, $0, entry.version.location!) } }
        guard let first = known.first, let other = known.first(where: { $0.1.text != first.1.text }) else { return }
        diagnostics.add(
            .mixedCockroachVersions,
            "region '\(other.0)' runs CockroachDB \(other.1) but region '\(first.0)' runs \(first.1); one cluster runs one version except while an upgrade rolls through the regions (finish it: https://www.cockroachlabs.com/docs/stable/upgrade-cockroach-version)",
            at: other.2, related: first.2)
    }

    static func checkSurvival(_ topology: GatheredTopology, diagnostics: inout DiagnosticCollector) {
        let count = topology.regions.count
        if (1..<3).contains(count) {
            diagnostics.add(
                .tooFewRegionsForSurvival,
                "the topology has \(count) region\(count == 1 ? "" : "s"); CockroachDB needs at least 3 to survive the loss of a region",
                at: topology.topology.location)
        }
    }
}
