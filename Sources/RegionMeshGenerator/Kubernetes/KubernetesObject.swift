/// A Kubernetes object that RegionMesh writes: encoded with the keys `apiVersion, kind, metadata`
/// first (each conforming type declares them in that order), one object per file.
protocol KubernetesObject: Encodable, Sendable {
    /// The object's kind, e.g. `StatefulSet`.
    var kind: String { get }
    /// The object's name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
}

extension KubernetesObject {
    /// `<kind>-<name>.yaml`, lower-case: `statefulset-cockroachdb.yaml`.
    var fileName: String { "\(kind)-\(metadata.name).yaml".lowercased() }
}
