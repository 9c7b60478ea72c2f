import RegionMesh

/// Cilium with ClusterMesh: `clusters/<cluster>/cilium-values.yaml` per cluster, and
/// `cilium/install.sh`, which creates the shared CA and installs the chart into every cluster.
enum CiliumEmitter {
    static func artifacts(for plan: Plan) throws -> [Artifact] {
        var artifacts = try plan.regions.map { region in
            Artifact(path: ArtifactPaths.ciliumValues(region.cluster), contents: try YAMLDocument.render(CiliumValues(region, plan: plan), header: header(region, plan: plan)))
        }
        artifacts.append(Artifact(path: ArtifactPaths.ciliumInstall, contents: try CiliumInstallScript.render(plan), isExecutable: true))
        return artifacts
    }

    /// The Helm release name and namespace.
    static let release = "cilium"
    static let namespace = "kube-system"
    /// The chart and the repository it comes from.
    static let chart = "cilium/cilium"
    static let repository = "https://helm.cilium.io"

    /// The values file's header: what it is, and where the shared CA comes from, since it is not here.
    static func header(_ region: RegionPlan, plan: Plan) -> String {
        FileHeader.comment(
            for: plan,
            extra: [
                "Helm values of chart \(chart) \(region.cilium.version) for cluster",
                "\(region.cluster.name) (region \(region.key), cluster ID \(region.cluster.id)).",
                "cilium/install.sh installs it.",
                "",
                "The ClusterMesh CA is NOT in this file. All clusters must share one CA so",
                "that their certificates verify each other: cilium/install.sh creates it at",
                "setup time, outside out/, and passes it to Helm as a second values file.",
                "With GitOps, either provide tls.ca.cert and tls.ca.key (base64 PEM) through",
                "a values Secret (e.g. Flux HelmRelease valuesFrom), or create the Secret",
                "cilium-ca (keys ca.crt, ca.key) in \(namespace) before the chart is applied.",
                "The chart finds that Secret only through Helm's lookup (helm, Flux), not",
                "under helm template (Argo CD): there, pass tls.ca.* instead.",
            ])
    }
}
