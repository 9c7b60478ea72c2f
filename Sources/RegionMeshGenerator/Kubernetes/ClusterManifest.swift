import RegionMesh

/// A Kubernetes object bound for a cluster's folder, `clusters/<cluster>/<group>/<kind>-<name>.yaml`,
/// with the lines its file header adds to the standard one.
struct ClusterManifest {
    /// The region whose cluster the object belongs to.
    let region: RegionPlan
    /// The sub-folder of the cluster folder: `dns`, `cockroachdb`.
    let group: String
    let object: any KubernetesObject
    /// Why the object exists, for the file header; keep it to a few lines.
    let notes: [String]

    /// The path relative to the cluster folder, as `kustomization.yaml` lists it.
    var pathInCluster: String { "\(group)/\(object.fileName)" }

    /// The file under `out/<topology>/`.
    func artifact(plan: Plan) throws -> Artifact {
        Artifact(
            path: "\(ArtifactPaths.clusterFolder(region.cluster))/\(pathInCluster)",
            contents: try YAMLDocument.render(object, header: FileHeader.comment(for: plan, extra: notes)))
    }
}
