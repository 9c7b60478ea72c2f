/// `policy/v1` PodDisruptionBudget (`policy/v1beta1` was removed in Kubernetes 1.25).
struct PodDisruptionBudget: KubernetesObject {
    let apiVersion = "policy/v1"
    let kind = "PodDisruptionBudget"
    var metadata: ObjectMeta
    let spec: Spec

    /// Which pods, and how many may be down at once.
    struct Spec: Encodable, Sendable {
        let selector: LabelSelector
        let maxUnavailable: Int
    }
}
