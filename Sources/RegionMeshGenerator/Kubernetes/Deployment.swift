/// `apps/v1` Deployment.
struct Deployment: KubernetesObject {
    let apiVersion = "apps/v1"
    let kind = "Deployment"
    var metadata: ObjectMeta
    let spec: Spec

    /// The spec of a Deployment.
    struct Spec: Encodable, Sendable {
        let replicas: Int
        let selector: LabelSelector
        let strategy: Strategy
        let template: PodTemplateSpec
    }

    /// How pods are replaced: a rolling update that keeps every replica up (`maxUnavailable: 0`).
    struct Strategy: Encodable, Sendable {
        let type: String
        let rollingUpdate: RollingUpdate
    }

    /// The limits of a rolling update.
    struct RollingUpdate: Encodable, Sendable {
        let maxUnavailable: Int
        let maxSurge: Int
    }
}
