import RegionMesh

/// A Kubernetes object a component puts into a cluster's folder, with why it exists.
struct ClusterObject: Sendable {
    /// The region whose cluster the object belongs to.
    let region: RegionPlan
    /// The sub-folder of the cluster folder: `dns`, `cockroachdb`.
    let group: String
    /// The object; ``ClusterManifests`` sets its labels.
    let object: any KubernetesObject
    /// Its application labels (name, component, version).
    let labels: ObjectLabels
    /// Why the object exists, for the file header; keep it to a few lines.
    let notes: [String]

    /// The path relative to the cluster folder, as `kustomization.yaml` lists it.
    var pathInCluster: String { "\(group)/\(object.fileName)" }
}

/// The one stage that writes every component's Kubernetes objects: it labels each object, writes
/// it to `clusters/<cluster>/<group>/<kind>-<name>.yaml`, and lists each cluster's objects in its
/// `kustomization.yaml`, what others depend on first, so that `kubectl apply -k` and GitOps
/// controllers take the folder as it is.
enum ClusterManifests {
    /// The order objects are listed in: what others depend on first (as Tanka and Helm sort).
    static let kindOrder = [
        "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap", "Service",
        "PodDisruptionBudget", "Deployment", "StatefulSet",
    ]

    static func artifacts(_ plan: Plan, objects: [ClusterObject], notes: [String], header: FileHeader? = nil) throws -> [Artifact] {
        try jobs(plan, objects: objects, notes: notes, header: header).flatMap { try $0() }
    }

    /// The work of ``artifacts(_:objects:notes:header:)`` in independent pieces: a region's objects
    /// and its `kustomization.yaml`.
    static func jobs(_ plan: Plan, objects: [ClusterObject], notes: [String], header: FileHeader? = nil) -> [@Sendable () throws -> [Artifact]] {
        let header = header ?? FileHeader(plan)
        let byRegion = Dictionary(grouping: objects) { $0.region.key }
        var jobs: [@Sendable () throws -> [Artifact]] = []
        for region in plan.regions {
            let objects = byRegion[region.key] ?? []
            jobs.append {
                try objects.map { try file(of: $0, plan: plan, header: header) }
                    + [try kustomization(of: region, objects: objects, notes: notes, header: header)]
            }
        }
        return jobs
    }

    /// The file of one object, labelled.
    private static func file(of object: ClusterObject, plan: Plan, header: FileHeader) throws -> Artifact {
        var labeled = object.object
        labeled.metadata.labels = object.labels.labels(plan: plan, region: object.region)
        return Artifact(
            path: "\(ArtifactPaths.clusterFolder(object.region.cluster))/\(object.pathInCluster)",
            contents: try YAMLDocument.render(labeled, header: header.comment(extra: object.notes)))
    }

    /// A cluster's `kustomization.yaml`: its objects, what others depend on first.
    private static func kustomization(of region: RegionPlan, objects: [ClusterObject], notes: [String], header: FileHeader) throws -> Artifact {
        let resources = objects
            .map { (rank: rank($0), path: $0.pathInCluster) }
            .sorted { ($0.rank, $0.path) < ($1.rank, $1.path) }
            .map(\.path)
        let comment = header.comment(
            extra: ["Every Kubernetes object of cluster \(region.cluster.name): `kubectl apply -k` on this folder applies them."] + notes)
        return Artifact(
            path: "\(ArtifactPaths.clusterFolder(region.cluster))/kustomization.yaml",
            contents: try YAMLDocument.render(Kustomization(resources: resources), header: comment))
    }

    private static func rank(_ object: ClusterObject) -> Int {
        kindOrder.firstIndex(of: object.object.kind) ?? kindOrder.count
    }
}
