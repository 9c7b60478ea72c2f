/// A pod template: labels and the pod spec.
struct PodTemplateSpec: Encodable, Sendable {
    let metadata: TemplateMeta
    let spec: PodSpec
}

/// The spec of a pod.
struct PodSpec: Encodable, Sendable {
    let serviceAccountName: String
    let terminationGracePeriodSeconds: Int
    let affinity: Affinity
    let containers: [Container]
    let volumes: [Volume]
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

/// A volume of a pod: here, always a Secret.
struct Volume: Encodable, Sendable {
    let name: String
    let secret: SecretVolumeSource
}

/// A Secret mounted as files.
struct SecretVolumeSource: Encodable, Sendable {
    let secretName: String
    /// File mode, decimal (256 = 0400).
    let defaultMode: Int
}
