import RegionMesh

/// A Helm release a component installs into a cluster, as its install script does: a GitOps
/// controller installs the same release, chart, version and values from the same repository, so
/// switching between the script and a controller changes nothing.
struct ClusterHelmRelease {
    /// The region whose cluster gets the release.
    let region: RegionPlan
    /// The release name: `cilium`.
    let name: String
    /// The namespace of the release, where Helm keeps its history: `kube-system`.
    let namespace: String
    /// The chart's name in its repository: `cilium`.
    let chart: String
    /// What the repository is called in `helm repo add`: `cilium`.
    let repositoryName: String
    /// The chart repository: `https://helm.cilium.io`.
    let repositoryURL: String
    /// The chart version.
    let version: String
    /// The values file of the release, relative to the topology folder (a controller that reads
    /// values from git takes this file).
    let valuesPath: String
    /// The same values, for a controller that takes them inline.
    let values: any Encodable & Sendable
}

/// An empty mapping: where a rendered values file goes (``YAMLDocument/render(_:header:lastKey:indent:block:)``).
struct EmptyMapping: Encodable, Sendable {
    func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: DynamicKey.self) }
}

/// Encodes a value whose type is known only at run time.
struct AnyEncodable: Encodable, Sendable {
    let value: any Encodable & Sendable

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
