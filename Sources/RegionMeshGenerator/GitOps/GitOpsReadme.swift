import RegionMesh

/// `gitops/README.md`: what the GitOps objects are, what must exist in the clusters before a
/// controller applies them (and which script makes it), and how to point Flux or Argo CD at them.
enum GitOpsReadme {
    static func render(
        _ plan: Plan, releases: [ClusterHelmRelease], foundation: [String], prerequisites: [String], clientEntry: [String],
        context: GenerationContext, header: FileHeader
    ) -> String {
        let path = { (file: String) in context.repositoryPath(of: file, in: plan) }
        let charts = GitOpsArtifacts.releaseNames(releases).map { name in
            let release = releases.first { $0.name == name }!
            return "release `\(name)` of chart `\(release.chart)` from \(release.repositoryURL) in `\(release.namespace)`, with the cluster's `\(release.valuesPath.replacingOccurrences(of: ArtifactPaths.clusterFolder(release.region.cluster), with: "clusters/<cluster>"))`"
        }
        var text = """
            \(header.markdown)
            # GitOps objects of \(plan.name)

            `setup.sh` stands the deployment up by itself. These objects let Flux or Argo CD apply its Kubernetes part \
            from git instead, and keep it applied: each cluster's folder `clusters/<cluster>/`\(charts.isEmpty ? "" : ", and " + DeploymentReadme.list(charts)). \
            They are the same objects, chart versions and values the scripts use, so a cluster can move from the scripts to \
            a controller without a change.

            ## Before a controller applies anything

            Machines, clusters and secrets never come from git. Make them with the scripts of this folder's parent first:

            1. the machines and the clusters: \(foundation.map { "`./setup.sh --only \($0)`" }.joined(separator: ", then "));

            """
        for (index, item) in prerequisites.enumerated() {
            text += "\(index + 2). \(item)\n"
        }
        if !clientEntry.isEmpty {
            let steps = clientEntry.map { "`./setup.sh --only \($0)`" }.joined(separator: ", then ")
            text += "\(prerequisites.count + 2). what clients connect through, once the controller has applied the clusters and the database serves: \(steps).\n"
        }
        text += """

            ## Flux

            Bootstrap Flux on each cluster with the path of its folder; the `Kustomization` there applies the cluster \
            folder from the `GitRepository` `\(GitOpsArtifacts.fluxSource)` that `flux bootstrap` creates in \
            `\(GitOpsArtifacts.fluxNamespace)`, and the `HelmRelease`s install the charts from their `HelmRepository`s.


            """
        text += TextTable(
            header: ["Cluster", "Bootstrap path"],
            rows: plan.regions.map { ["`\($0.cluster.name)`", "`./\(path(GitOpsArtifacts.fluxFolder($0.cluster)))`"] }
        ).markdown
        let first = plan.regions[0].cluster
        text += """

            ```sh
            flux bootstrap git --context=\(first.context) --url=\(context.repository?.url ?? "<your repository>") --branch=\(context.repository?.revision ?? "main") --path=./\(path(GitOpsArtifacts.fluxFolder(first)))
            ```

            ## Argo CD


            """
        if let repository = context.repository {
            text += """
                Register each cluster with Argo CD under its own name (`argocd cluster add \(first.context) --name \(first.name)`, and \
                so on for every cluster), then apply the ApplicationSets: `kubectl apply --namespace \(GitOpsArtifacts.argoNamespace) \
                --filename \(path(GitOpsArtifacts.argoFolder))/`. They make one Application per cluster for its folder, and one per \
                cluster for each chart, reading the values files from \(repository.url) at `\(repository.revision)`.

                """
        } else {
            text += """
                Argo CD reads the cluster folders and the values files from the repository `out/` is committed to, and no \
                repository is named: give the tool one (`gitRepository` of its `RegionMeshApp`) and generate again to get \
                the ApplicationSets here.

                """
        }
        return text
    }
}
