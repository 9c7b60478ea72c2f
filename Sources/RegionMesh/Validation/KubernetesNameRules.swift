/// Names that end up in Kubernetes objects, beyond the region key's DNS-1123 form (``IdentityRules``):
/// the topology name (a label value), region keys that name a reserved namespace, storage classes.
enum KubernetesNameRules {
    /// Namespaces Kubernetes creates and reserves (`kube-` is a reserved prefix).
    static func isReservedNamespace(_ name: String) -> Bool {
        name == "default" || name.hasPrefix("kube-")
    }

    static func check(_ topology: Topology, regions: [RegionInput], diagnostics: inout [Diagnostic]) {
        if !DNSLabel.isValid(topology.name) {
            diagnostics.append(Diagnostic(
                .invalidTopologyName,
                "topology name '\(topology.name)' is not a DNS-1123 label (at most 63 lower-case alphanumerics and '-', starting and ending alphanumeric); it names out/\(topology.name)/ and is the app.kubernetes.io/part-of label of every object",
                at: topology.location))
        }
        for input in regions {
            if isReservedNamespace(input.key) {
                diagnostics.append(Diagnostic(
                    .reservedRegionKey,
                    "region key '\(input.key)' names a namespace Kubernetes reserves; CockroachDB would run in it and every other cluster would forward \(input.key).svc to this one; choose another key",
                    at: input.location))
            }
            let crdb = input.cockroachDB
            if let storageClass = crdb.storageClass, !DNSSubdomain.isValid(storageClass) {
                diagnostics.append(Diagnostic(
                    .invalidStorageClass,
                    "CockroachDB storage class '\(storageClass)' of region '\(input.key)' is not a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', at most 253)",
                    at: crdb.sourceLocation))
            }
        }
    }
}

/// DNS-1123 subdomains: dot-separated DNS-1123 labels, at most 253 characters (storage classes and
/// most other Kubernetes object names).
enum DNSSubdomain {
    static func isValid(_ text: String) -> Bool {
        text.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { DNSLabel.isValid(String($0)) }
    }
}
