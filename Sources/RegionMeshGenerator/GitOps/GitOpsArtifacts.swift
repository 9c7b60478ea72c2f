import RegionMesh

/// The objects that let Flux or Argo CD apply the deployment's Kubernetes part from git, under
/// `gitops/`: for Flux, one folder per cluster to bootstrap it with (a Kustomization of the cluster
/// folder, and each component's Helm release with its chart repository); for Argo CD, when the
/// repository is known, ApplicationSets with one Application per cluster (the cluster folder, and
/// each release's chart with its values file from git). `gitops/README.md` says what must exist in
/// the clusters first. The components contribute their releases; this part frames them.
enum GitOpsArtifacts {
    /// The folder under the topology folder.
    static let folder = "gitops"
    /// Where Flux keeps its own objects, and the GitRepository `flux bootstrap` makes there.
    static let fluxNamespace = "flux-system"
    static let fluxSource = "flux-system"
    /// Where Argo CD runs.
    static let argoNamespace = "argocd"

    /// The folder Flux is bootstrapped with on `cluster`.
    static func fluxFolder(_ cluster: ClusterPlan) -> String { "\(folder)/flux/\(cluster.name)" }
    /// The ApplicationSets' folder.
    static let argoFolder = "\(folder)/argocd"
    /// How long each cluster's Flux Kustomization waits for what it applied to become ready.
    static let fluxWaitMinutes = 15

    /// The pieces of `gitops/` to render on every core: one per cluster's Flux folder, then the
    /// Argo CD ApplicationSets and the README.
    /// `valuesFiles` are the rendered values files by path: a HelmRelease embeds its release's
    /// file as it is, instead of encoding the values again.
    static func jobs(
        _ plan: Plan, releases: [ClusterHelmRelease], valuesFiles: [String: String] = [:], firstSteps: GitOpsReadme.FirstSteps,
        context: GenerationContext, header: FileHeader
    ) -> [@Sendable () throws -> [Artifact]] {
        let byRegion = Dictionary(grouping: releases) { $0.region.key }
        var jobs: [@Sendable () throws -> [Artifact]] = plan.regions.map { region in
            let own = byRegion[region.key] ?? []
            let values = Dictionary(
                own.compactMap { release in valuesFiles[release.valuesPath].map { (release.valuesPath, $0) } }, uniquingKeysWith: { first, _ in first })
            return { try fluxFolder(plan, region, releases: own, valuesFiles: values, context: context, header: header) }
        }
        jobs.append {
            var artifacts: [Artifact] = []
            if let repository = context.repository {
                artifacts.append(try argoArtifact(clusterFolders(plan, repository: repository, context: context), header: header, notes: [
                    "One Argo CD Application per cluster: its folder clusters/<cluster>/ from",
                    "\(repository.url). Register each cluster in Argo CD under its name first.",
                ]))
                for name in releaseNames(releases) {
                    let group = releases.filter { $0.name == name }
                    artifacts.append(try argoArtifact(chart(plan, group, repository: repository, context: context), header: header, notes: [
                        "One Argo CD Application per cluster: release \(name) of chart \(group[0].chart) from \(group[0].repositoryURL),",
                        "with each cluster's values file from \(repository.url).",
                    ]))
                }
            }
            artifacts.append(
                Artifact(
                    path: "\(folder)/README.md",
                    contents: GitOpsReadme.render(
                        plan, releases: releases, firstSteps: firstSteps, context: context, header: header)))
            return artifacts
        }
        return jobs
    }

    /// The Flux folder of `region`'s cluster: a Kustomization of the cluster folder, and each of
    /// `releases` (the cluster's own) with its chart repository. The folder has no
    /// `kustomization.yaml` of its own: kustomize-controller then applies every file of the folder's
    /// tree, which takes in the `flux-system/` folder `flux bootstrap` commits next to these files, so
    /// Flux keeps its own components and sync objects applied from git too. A `kustomization.yaml`
    /// here would be all kustomize-controller builds, and would leave `flux-system/` out.
    private static func fluxFolder(
        _ plan: Plan, _ region: RegionPlan, releases: [ClusterHelmRelease], valuesFiles: [String: String], context: GenerationContext,
        header: FileHeader
    ) throws -> [Artifact] {
        let folder = fluxFolder(region.cluster)
        let kustomization = fluxKustomization(plan, region, context: context)
        var artifacts = [
            Artifact(
                path: "\(folder)/\(kustomization.fileName)",
                contents: try YAMLDocument.render(kustomization, header: header.comment(extra: [
                    "Flux applies the cluster folder \(ArtifactPaths.clusterFolder(region.cluster)) from the GitRepository",
                    "\(fluxSource) that `flux bootstrap` creates; gitops/README.md says what must exist first.",
                ])))
        ]
        for release in releases {
            let repository = helmRepository(plan, release)
            artifacts.append(Artifact(
                path: "\(folder)/\(repository.fileName)",
                contents: try YAMLDocument.render(repository, header: header.comment(extra: [
                    "The chart repository of release \(release.name), as its install script adds it."
                ]))))
            let notes = header.comment(extra: [
                "Release \(release.name) of chart \(release.chart) \(release.version), with the values of",
                "\(release.valuesPath): the release, chart, version and values its install script uses.",
            ])
            let object = helmRelease(plan, release, inlineValues: valuesFiles[release.valuesPath] == nil)
            let contents = try valuesFiles[release.valuesPath].map { file in
                try YAMLDocument.render(object, header: notes, lastKey: "values", indent: 2, block: String(YAMLDocument.body(of: file)))
            } ?? YAMLDocument.render(object, header: notes)
            artifacts.append(Artifact(path: "\(folder)/\(object.fileName)", contents: contents))
        }
        return artifacts
    }

    /// The release names, each once, in the order the components give them.
    static func releaseNames(_ releases: [ClusterHelmRelease]) -> [String] {
        var names: [String] = []
        for release in releases where !names.contains(release.name) { names.append(release.name) }
        return names
    }

    // MARK: Flux

    static func fluxKustomization(_ plan: Plan, _ region: RegionPlan, context: GenerationContext) -> Flux.Kustomization {
        Flux.Kustomization(
            metadata: ObjectMeta(
                name: region.cluster.name, namespace: fluxNamespace,
                labels: ObjectLabels(name: "regionmesh", component: "gitops").labels(plan: plan, region: region)),
            spec: .init(
                interval: "10m", path: "./" + context.repositoryPath(of: ArtifactPaths.clusterFolder(region.cluster), in: plan), prune: true,
                sourceRef: Flux.SourceReference(kind: "GitRepository", name: fluxSource), timeout: "\(fluxWaitMinutes)m", wait: true))
    }

    static func helmRepository(_ plan: Plan, _ release: ClusterHelmRelease) -> Flux.HelmRepository {
        Flux.HelmRepository(
            metadata: ObjectMeta(
                name: release.repositoryName, namespace: release.namespace,
                labels: ObjectLabels(name: release.name, component: "gitops").labels(plan: plan, region: release.region)),
            spec: .init(interval: "1h", url: release.repositoryURL))
    }

    /// The HelmRelease of `release`; without `inlineValues`, its values are an empty mapping for
    /// the rendered values file to take the place of.
    static func helmRelease(_ plan: Plan, _ release: ClusterHelmRelease, inlineValues: Bool = true) -> Flux.HelmRelease {
        Flux.HelmRelease(
            metadata: ObjectMeta(
                name: release.name, namespace: release.namespace,
                labels: ObjectLabels(name: release.name, component: "gitops", version: release.version).labels(plan: plan, region: release.region)),
            spec: .init(
                chart: .init(spec: .init(chart: release.chart, sourceRef: Flux.SourceReference(kind: "HelmRepository", name: release.repositoryName), version: release.version)),
                interval: "30m", releaseName: release.name, values: AnyEncodable(value: inlineValues ? release.values : EmptyMapping())))
    }

    // MARK: Argo CD

    static func argoArtifact(_ set: ArgoCD.ApplicationSet, header: FileHeader, notes: [String]) throws -> Artifact {
        Artifact(path: "\(argoFolder)/\(set.fileName)", contents: try YAMLDocument.render(set, header: header.comment(extra: notes)))
    }

    /// Every cluster folder, one Application per cluster.
    static func clusterFolders(_ plan: Plan, repository: GitRepository, context: GenerationContext) -> ArgoCD.ApplicationSet {
        applicationSet(
            plan, name: "\(plan.name)-clusters", application: "\(plan.name)-{{.cluster}}",
            elements: plan.regions.map { region in
                ["cluster": region.cluster.name, "path": context.repositoryPath(of: ArtifactPaths.clusterFolder(region.cluster), in: plan)]
            },
            sources: [ArgoCD.Source(repoURL: repository.url, targetRevision: repository.revision, path: "{{.path}}")],
            namespace: "default")
    }

    /// One release on every cluster: its chart, with the cluster's values file from git.
    static func chart(_ plan: Plan, _ releases: [ClusterHelmRelease], repository: GitRepository, context: GenerationContext) -> ArgoCD.ApplicationSet {
        let first = releases[0]
        return applicationSet(
            plan, name: "\(plan.name)-\(first.name)", application: "\(plan.name)-\(first.name)-{{.cluster}}",
            elements: releases.map { release in
                ["cluster": release.region.cluster.name, "version": release.version, "values": context.repositoryPath(of: release.valuesPath, in: plan)]
            },
            sources: [
                ArgoCD.Source(
                    repoURL: first.repositoryURL, targetRevision: "{{.version}}", chart: first.chart,
                    helm: ArgoCD.Helm(releaseName: first.name, valueFiles: ["$values/{{.values}}"])),
                ArgoCD.Source(repoURL: repository.url, targetRevision: repository.revision, ref: "values"),
            ],
            namespace: first.namespace)
    }

    static func applicationSet(
        _ plan: Plan, name: String, application: String, elements: [SortedMap<String>], sources: [ArgoCD.Source], namespace: String
    ) -> ArgoCD.ApplicationSet {
        let labels: SortedMap<String> = ["app.kubernetes.io/managed-by": "regionmesh", "app.kubernetes.io/part-of": plan.name]
        return ArgoCD.ApplicationSet(
            metadata: ObjectMeta(name: name, namespace: argoNamespace, labels: labels),
            spec: .init(
                goTemplate: true, goTemplateOptions: ["missingkey=error"], generators: [.init(list: .init(elements: elements))],
                template: .init(
                    metadata: .init(name: application, labels: labels),
                    spec: ArgoCD.ApplicationSpec(
                        project: "default", sources: sources, destination: ArgoCD.Destination(name: "{{.cluster}}", namespace: namespace),
                        syncPolicy: ArgoCD.SyncPolicy(automated: ArgoCD.Automated(prune: true, selfHeal: true))))))
    }
}
