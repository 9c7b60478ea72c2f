import RegionMesh

/// `gitops/README.md`: what the GitOps objects are, what must exist in the clusters before a
/// controller applies them (and which script makes it), and how to point Flux or Argo CD at them.
enum GitOpsReadme {
    /// What the scripts must make before a controller applies anything, in setup's order.
    struct FirstSteps: Sendable {
        /// Setup steps that make the machines and the clusters.
        var machines: [String]
        /// Setup steps that install what the controller's own pods need: the pod network and DNS.
        var bootstrap: [String]
        /// The components' own prerequisites (secrets, `cockroach init`), one Markdown list item each.
        var prerequisites: [String]
        /// Setup steps that make what clients connect through, once the database serves.
        var clientEntry: [String]
    }

    static func render(
        _ plan: Plan, releases: [ClusterHelmRelease], firstSteps: FirstSteps, context: GenerationContext, header: FileHeader
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

            Machines, clusters and secrets never come from git, and a controller's own pods need the pod network and DNS \
            before they start. Make them with the scripts of this folder's parent first:


            """
        let setup = { (steps: [String]) in steps.map { "`./setup.sh --only \($0)`" }.joined(separator: ", then ") }
        var items = ["the machines and the clusters: \(setup(firstSteps.machines));"]
        if !firstSteps.bootstrap.isEmpty {
            items.append(
                "the pod network and each cluster's DNS, without which the controller's own pods can neither start nor reach git: "
                    + "\(setup(firstSteps.bootstrap)); the controller then takes over what these steps installed, the same chart versions, values and files;")
        }
        items += firstSteps.prerequisites
        if !firstSteps.clientEntry.isEmpty {
            items.append("what clients connect through, once the controller has applied the clusters and the database serves: \(setup(firstSteps.clientEntry)).")
        }
        for (index, item) in items.enumerated() {
            let body = item.last == ";" || item.last == "." ? String(item.dropLast()) : item
            text += "\(index + 1). \(body)\(index == items.count - 1 ? "." : ";")\n"
        }
        text += """

            ## Flux

            Bootstrap Flux on each cluster with the path of its folder; the `Kustomization` there applies the cluster \
            folder from the `GitRepository` `\(GitOpsArtifacts.fluxSource)` that `flux bootstrap` creates in \
            `\(GitOpsArtifacts.fluxNamespace)`, and the `HelmRelease`s install the charts from their `HelmRepository`s. \
            Leave the `flux-system/` folder that `flux bootstrap` commits where it is: the folder has no \
            `kustomization.yaml`, so Flux applies every file in it, its own components included. The `Kustomization` \
            waits for what it applies to become ready (`wait`, up to its `timeout` of \(GitOpsArtifacts.fluxWaitMinutes) minutes): it reports not \
            ready until every step above is done, and turns ready at its first reconciliation after that.


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
