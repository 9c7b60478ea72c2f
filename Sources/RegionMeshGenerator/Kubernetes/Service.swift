/// `v1` Service.
struct Service: KubernetesObject {
    let apiVersion = "v1"
    let kind = "Service"
    var metadata: ObjectMeta
    let spec: ServiceSpec
}

/// The spec of a Service.
struct ServiceSpec: Encodable, Sendable {
    /// `ClusterIP` (also for headless services) or `NodePort`.
    let type: String
    /// `None` for a headless service.
    var clusterIP: String? = nil
    var publishNotReadyAddresses: Bool? = nil
    /// `Cluster` or `Local`, for NodePort services.
    var externalTrafficPolicy: String? = nil
    /// The pods' labels; a plain map because it may select pods RegionMesh does not own.
    let selector: SortedMap<String>
    let ports: [ServicePort]
}

/// One port of a Service.
struct ServicePort: Encodable, Sendable {
    let name: String
    var `protocol` = "TCP"
    let port: Int
    /// The container port, by number.
    let targetPort: Int
    /// A fixed NodePort, for NodePort services.
    var nodePort: Int? = nil
}
