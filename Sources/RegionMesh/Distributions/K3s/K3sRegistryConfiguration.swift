/// Where k3s reads its registry configuration when it starts (docs.k3s.io, installation/private-registry).
public enum K3sRegistryConfiguration {
    /// The file on every node.
    public static let path = "/etc/rancher/k3s/registries.yaml"
}
