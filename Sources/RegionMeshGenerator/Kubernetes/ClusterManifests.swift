import RegionMesh

/// A Kubernetes object a component puts into a cluster's folder, with why it exists.
struct ClusterObject {
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
        let header = header ?? FileHeader(plan)
        var artifacts: [Artifact] = []
        for object in objects {
            var labeled = object.object
            labeled.metadata.labels = object.labels.labels(plan: plan, region: object.region)
            artifacts.append(
                Artifact(
                    path: "\(ArtifactPaths.clusterFolder(object.region.cluster))/\(object.pathInCluster)",
                    contents: try YAMLDocument.render(labeled, header: header.comment(extra: object.notes))))
        }
        for region in plan.regions {
            let resources = objects.filter { $0.region.key == region.key }
                .sorted { (rank($0), $0.pathInCluster) < (rank($1), $1.pathInCluster) }
                .map(\.pathInCluster)
            let comment = header.comment(
                extra: ["Every Kubernetes object of cluster \(region.cluster.name): `kubectl apply -k` on this folder applies them."] + notes)
            artifacts.append(
                Artifact(
                    path: "\(ArtifactPaths.clusterFolder(region.cluster))/kustomization.yaml",
                    contents: try YAMLDocument.render(Kustomization(resources: resources), header: comment)))
        }
        return artifacts
    }

    private static func rank(_ object: ClusterObject) -> Int {
        kindOrder.firstIndex(of: object.object.kind) ?? kindOrder.count
    }
}
