import RegionMesh

/// Where the neutral artifacts live under `out/<topology>/`. Each component names its own files
/// in its folder; the scripts that run them take the paths from the steps the component gives.
public enum ArtifactPaths {
    /// The deployment's README, for reviewers.
    public static let readme = "README.md"
    /// The resolved Plan: the record the next `generate` compares with.
    public static let planJSON = "plan.json"
    /// The last change plan: what changed the last time the plan did, kept until it changes again.
    public static let changePlanJSON = "change-plan.json"
    /// The whole deployment, in order.
    public static let setup = "setup.sh"
    /// Its removal.
    public static let teardown = "teardown.sh"

    /// The folder of one cluster: its kustomization, manifests and Helm values.
    public static func clusterFolder(_ cluster: ClusterPlan) -> String { "clusters/\(cluster.name)" }
}
