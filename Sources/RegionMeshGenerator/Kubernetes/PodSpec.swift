/// A pod template: labels and the pod spec.
struct PodTemplateSpec: Encodable, Sendable {
    let metadata: TemplateMeta
    let spec: PodSpec
}

/// The spec of a pod.
struct PodSpec: Encodable, Sendable {
    var priorityClassName: String? = nil
    let serviceAccountName: String
    let terminationGracePeriodSeconds: Int
    var affinity: Affinity? = nil
    var topologySpreadConstraints: [TopologySpreadConstraint]? = nil
    /// Which resolver the pod's `/etc/resolv.conf` names; Kubernetes' default is the cluster's DNS.
    var dnsPolicy: DNSPolicy? = nil
    let containers: [Container]
    let volumes: [Volume]
}

/// A pod's `dnsPolicy`.
enum DNSPolicy: String, Encodable, Sendable {
    /// The node's own resolver (Kubernetes calls this policy `Default`, although it is not the
    /// default): for the cluster's DNS server itself, which must not resolve through itself.
    case node = "Default"
}

/// Spreads matching pods evenly over a topology (nodes, zones).
struct TopologySpreadConstraint: Encodable, Sendable {
    let maxSkew: Int
    let topologyKey: String
    let whenUnsatisfiable: String
    let labelSelector: LabelSelector
}

/// Scheduling constraints: here, pod anti-affinity only.
struct Affinity: Encodable, Sendable {
    let podAntiAffinity: PodAntiAffinity
}

/// Keeps pods apart.
struct PodAntiAffinity: Encodable, Sendable {
    /// Hard rules: the scheduler never places two matching pods in the same topology domain.
    let requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]
}

/// Pods matching `labelSelector` must not share a `topologyKey` domain.
struct PodAffinityTerm: Encodable, Sendable {
    let labelSelector: LabelSelector
    let topologyKey: String
}

/// A volume of a pod: a Secret or a ConfigMap, mounted as files.
struct Volume: Encodable, Sendable {
    let name: String
    var secret: SecretVolumeSource? = nil
    var configMap: ConfigMapVolumeSource? = nil
}

/// A ConfigMap mounted as files.
struct ConfigMapVolumeSource: Encodable, Sendable {
    let name: String
}

/// A Secret mounted as files.
struct SecretVolumeSource: Encodable, Sendable {
    let secretName: String
    /// File mode, decimal (256 = 0400).
    let defaultMode: Int
}
