import RegionMesh

/// Where the neutral artifacts live under `out/<topology>/`. Each component names its own files
/// in its folder; the scripts that run them take the paths from the steps the component gives.
public enum ArtifactPaths {
    public static let readme = "README.md"
    public static let planJSON = "plan.json"
    public static let setup = "setup.sh"
    public static let teardown = "teardown.sh"

    /// The folder of one cluster: its kustomization, manifests and Helm values.
    public static func clusterFolder(_ cluster: ClusterPlan) -> String { "clusters/\(cluster.name)" }
}
