/// `apps/v1` StatefulSet.
struct StatefulSet: KubernetesObject {
    let apiVersion = "apps/v1"
    let kind = "StatefulSet"
    var metadata: ObjectMeta
    let spec: Spec

    /// The spec of a StatefulSet. Only `replicas`, `template` and `updateStrategy` may change
    /// after creation; the selector and the volume claim templates are fixed.
    struct Spec: Encodable, Sendable {
        /// The headless Service that gives the pods their DNS names.
        let serviceName: String
        let replicas: Int
        let selector: LabelSelector
        /// `Parallel`: all pods start at once (they wait for each other in `cockroach start`).
        let podManagementPolicy: String
        let updateStrategy: UpdateStrategy
        let template: PodTemplateSpec
        let volumeClaimTemplates: [PersistentVolumeClaimTemplate]
        /// What happens to the volume claims when the StatefulSet shrinks or is deleted.
        let persistentVolumeClaimRetentionPolicy: ClaimRetentionPolicy
    }

    /// `Delete` or `Retain`, when the StatefulSet shrinks and when it is deleted (GA in Kubernetes 1.32).
    struct ClaimRetentionPolicy: Encodable, Sendable {
        let whenDeleted: String
        let whenScaled: String
    }

    /// How pods are replaced when the template changes.
    struct UpdateStrategy: Encodable, Sendable {
        let type: String
    }
}
