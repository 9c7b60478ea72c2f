import RegionMesh

/// Cilium's artifacts: `clusters/<cluster>/cilium-values.yaml` per cluster, `cilium/install.sh`,
/// the setup step that runs it, and its README parts.
struct CiliumGenerator: ComponentGenerator {
    let plan: Plan
    let cilium: CiliumPlan
    /// What its files say about the command that regenerates them.
    var context = GenerationContext()

    func scripts() -> [Script] {
        [CiliumInstallScript(plan: plan, cilium: cilium).script]
    }

    func fileJobs() -> [@Sendable () throws -> [Artifact]] {
        // One values file per region, each listing every other cluster.
        plan.regions.map { region in
            {
                [Artifact(
                    path: CiliumInstallScript.valuesPath(region),
                    contents: try YAMLDocument.render(CiliumValues(cilium[region], renewal: cilium.certificateRenewal), header: header(region)))]
            }
        }
    }

    /// The release `cilium/install.sh` makes in every cluster, with the same values file.
    func helmReleases() -> [ClusterHelmRelease] {
        plan.regions.map { region in
            ClusterHelmRelease(
                region: region, name: cilium.release, namespace: cilium.namespace,
                chart: String(cilium.chart.split(separator: "/").last ?? Substring(cilium.chart)),
                repositoryName: String(cilium.chart.split(separator: "/").first ?? Substring(cilium.release)),
                repositoryURL: cilium.repository, version: cilium[region].version.text, valuesPath: CiliumInstallScript.valuesPath(region),
                values: CiliumValues(cilium[region], renewal: cilium.certificateRenewal))
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

    func summary() -> [String] {
        let versions = Set(cilium.regions.map { $0.version.text }).sorted().joined(separator: ", ")
        return ["Cilium \(versions): one ClusterMesh of \(plan.regions.count) clusters, one shared CA"]
    }

    func clusterFolderNotes() -> [String] {
        ["cilium-values.yaml is Helm values for the Cilium chart, not an object: it is not listed."]
    }

    /// The values file's header: what it is, and where the shared CA comes from, since it is not here.
    func header(_ region: RegionPlan) -> String {
        let part = cilium[region]
        return FileHeader(plan, context: context).comment(
            extra: [
                "Helm values of chart \(cilium.chart) \(part.version) for cluster",
                "\(region.cluster.name) (region \(region.key), cluster ID \(region.cluster.id)).",
                "\(CiliumInstallScript.path) installs it.",
                "",
                "The ClusterMesh CA is NOT in this file, nor in any Helm values or release. All",
                "clusters share one CA so that their certificates verify each other:",
                "\(CiliumInstallScript.path) makes it at setup time, outside out/, and creates the",
                "Secret \(cilium.caSecret) (keys ca.crt, ca.key) in \(cilium.namespace) of every cluster.",
                "certgen (method cronJob) makes the ClusterMesh and Hubble certificates from it",
                "in the cluster, and generateCA is off, so a missing Secret fails loudly instead of",
                "splitting the mesh. With GitOps, create that Secret before the chart is applied.",
            ])
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "joined by a Cilium ClusterMesh over \(plan.provider.facts.conventions.interconnect)"
        readme.version = { "Cilium \(cilium[$0].version)" }
        readme.regionColumns = [("Cilium", { "\(cilium[$0].version)" })]
        let regionOfCluster = Dictionary(plan.regions.map { ($0.cluster.name, $0.key) }, uniquingKeysWith: { first, _ in first })
        readme.diagramLinks = [
            DiagramLink(
                ends: .clusters, label: "ClusterMesh",
                pairs: DiagramLink.undirected(cilium.regions.flatMap { region in
                    region.peers.compactMap { peer in regionOfCluster[peer.name].map { (region.key, $0) } }
                }))
        ]
        readme.trafficColumns = [("ClusterMesh API (NodePort)", { "\(cilium[$0].meshPort)" })]
        readme.gitOps = [
            "`clusters/<cluster>/cilium-values.yaml` is the Cilium Helm values file (a Flux `HelmRelease` or an Argo CD Helm source takes it); no key is in it (see below)."
        ]
        readme.clusterFolderFiles = ["Cilium values"]
        // The CA Secret the chart needs is made by setup's pod-network step, which a controller's own
        // pods need before anything (the GitOps README's bootstrap item): no prerequisite of its own.
        readme.secretItems = ["the Cilium CA (one for all clusters)"]
        readme.secrets = [
            "The Cilium CA reaches each cluster only as the Secret `\(cilium.caSecret)` in `\(cilium.namespace)` (keys `ca.crt`, `ca.key`): certgen makes the ClusterMesh and Hubble certificates from it in the cluster, so no key is in any Helm values or release history; a GitOps controller needs that Secret created before the chart;"
        ]
        readme.files = [("`\(CiliumInstallScript.path)`", "Cilium with ClusterMesh on every cluster")]
        readme.dayTwo = [
            (.podNetwork, """
            **The mesh follows the clusters.** Once a new cluster exists, `\(CiliumInstallScript.path)` upgrades every \
            cluster's release with the new peer list; the agents connect to a new peer and drop a removed one without a \
            restart. A new Cilium version restarts the agents, one node at a time.
            """)
        ]
        return readme
    }
}
