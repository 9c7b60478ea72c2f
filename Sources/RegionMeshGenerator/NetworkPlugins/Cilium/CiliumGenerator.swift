import RegionMesh

/// Cilium's artifacts: `clusters/<cluster>/cilium-values.yaml` per cluster, `cilium/install.sh`,
/// the setup step that runs it, and its README parts.
struct CiliumGenerator: ComponentGenerator {
    let plan: Plan
    let cilium: CiliumPlan

    func scripts() -> [Script] {
        [CiliumInstallScript(plan: plan, cilium: cilium).script]
    }

    func files() throws -> [Artifact] {
        try plan.regions.map { region in
            Artifact(path: CiliumInstallScript.valuesPath(region), contents: try YAMLDocument.render(CiliumValues(cilium[region]), header: header(region)))
        }
    }

    func setupSteps() -> [PhasedStep] {
        [
            PhasedStep(
                phase: .podNetwork,
                step: ScriptStep(
                    name: "cilium", title: "Cilium with ClusterMesh and the shared CA", body: [.runScript(path: CiliumInstallScript.path, arguments: [])]))
        ]
    }

    func clusterFolderNotes() -> [String] {
        ["cilium-values.yaml is Helm values for the Cilium chart, not an object: it is not listed."]
    }

    /// The values file's header: what it is, and where the shared CA comes from, since it is not here.
    func header(_ region: RegionPlan) -> String {
        let part = cilium[region]
        return FileHeader.comment(
            for: plan,
            extra: [
                "Helm values of chart \(cilium.chart) \(part.version) for cluster",
                "\(region.cluster.name) (region \(region.key), cluster ID \(region.cluster.id)).",
                "\(CiliumInstallScript.path) installs it.",
                "",
                "The ClusterMesh CA is NOT in this file. All clusters must share one CA so",
                "that their certificates verify each other: \(CiliumInstallScript.path) creates it at",
                "setup time, outside out/, and passes it to Helm as a second values file.",
                "With GitOps, either provide tls.ca.cert and tls.ca.key (base64 PEM) through",
                "a values Secret (e.g. Flux HelmRelease valuesFrom), or create the Secret",
                "cilium-ca (keys ca.crt, ca.key) in \(cilium.namespace) before the chart is applied.",
                "The chart finds that Secret only through Helm's lookup (helm, Flux), not",
                "under helm template (Argo CD): there, pass tls.ca.* instead.",
            ])
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "joined by a Cilium ClusterMesh over \(plan.provider.facts.conventions.interconnect)"
        readme.version = { "Cilium \(cilium[$0].version)" }
        readme.trafficColumns = [("ClusterMesh API (NodePort)", { "\(cilium[$0].meshPort)" })]
        readme.gitOps = [
            "`clusters/<cluster>/cilium-values.yaml` is the Cilium Helm values file (a Flux `HelmRelease` or an Argo CD Helm source takes it); the shared CA is not in it (see below)."
        ]
        readme.clusterFolderFiles = ["Cilium values"]
        readme.secretItems = ["the Cilium CA (one for all clusters)"]
        readme.secrets = [
            "A GitOps controller gets the Cilium CA from a pre-created `cilium-ca` Secret in `\(cilium.namespace)` (keys `ca.crt`, `ca.key`) or from `tls.ca.cert`/`tls.ca.key` values kept in a secret store;"
        ]
        readme.files = [("`\(CiliumInstallScript.path)`", "Cilium with ClusterMesh on every cluster")]
        return readme
    }
}
