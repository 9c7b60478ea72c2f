import RegionMesh

/// `clusters/<cluster>/kustomization.yaml`: every Kubernetes object of the cluster folder, so that
/// `kubectl apply -k clusters/<cluster>` and GitOps controllers take the folder as it is. The
/// Cilium Helm values in the same folder are not a Kubernetes object and are not listed.
enum ClusterKustomizationEmitter {
    /// The order objects are listed in: what others depend on first (as Tanka and Helm sort).
    static let kindOrder = [
        "Namespace", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Service", "PodDisruptionBudget", "StatefulSet",
    ]

    static func artifacts(for plan: Plan) throws -> [Artifact] {
        let manifests = DNSEmitter.manifests(for: plan) + CockroachEmitter.manifests(for: plan)
        return try plan.regions.map { region in
            let resources = manifests.filter { $0.region.key == region.key }
                .sorted { (rank($0), $0.pathInCluster) < (rank($1), $1.pathInCluster) }
                .map(\.pathInCluster)
            let header = FileHeader.comment(
                for: plan,
                extra: [
                    "Every Kubernetes object of cluster \(region.cluster.name): `kubectl apply -k` on this folder applies them.",
                    "Apply it after cockroachdb/certs.sh (which creates the Secrets the StatefulSet mounts).",
                    "cilium-values.yaml is Helm values for the Cilium chart, not an object: it is not listed.",
                ])
            return Artifact(
                path: "\(ArtifactPaths.clusterFolder(region.cluster))/kustomization.yaml",
                contents: try YAMLDocument.render(Kustomization(resources: resources), header: header))
        }
    }

    private static func rank(_ manifest: ClusterManifest) -> Int {
        kindOrder.firstIndex(of: manifest.object.kind) ?? kindOrder.count
    }
}
