import RegionMesh

/// Where each artifact lives under `out/<topology>/`. Scripts that call or read other artifacts
/// take the paths from here, so a move is one edit.
public enum ArtifactPaths {
    public static let readme = "README.md"
    public static let planJSON = "plan.json"
    public static let setup = "setup.sh"
    public static let teardown = "teardown.sh"
    public static let azureInfrastructure = "azure/infrastructure.sh"
    public static let azureTeardown = "azure/teardown.sh"
    public static let k3sInstall = "k3s/install.sh"
    public static let ciliumInstall = "cilium/install.sh"
    public static let cockroachCertificates = "cockroachdb/certs.sh"
    public static let cockroachInit = "cockroachdb/init.sh"

    /// The folder of one cluster: its kustomization, manifests and Cilium values.
    public static func clusterFolder(_ cluster: ClusterPlan) -> String { "clusters/\(cluster.name)" }
    /// The cluster's Cilium Helm values.
    public static func ciliumValues(_ cluster: ClusterPlan) -> String { "\(clusterFolder(cluster))/cilium-values.yaml" }
    /// The folder of the cluster's DNS objects.
    public static func dnsFolder(_ cluster: ClusterPlan) -> String { "\(clusterFolder(cluster))/dns" }
}
