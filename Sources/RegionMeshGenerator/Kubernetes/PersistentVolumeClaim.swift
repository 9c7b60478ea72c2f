/// A volume claim template of a StatefulSet: one PersistentVolumeClaim per pod.
struct PersistentVolumeClaimTemplate: Encodable, Sendable {
    let metadata: ObjectMeta
    let spec: Spec

    /// The claim: access modes, storage class and size.
    struct Spec: Encodable, Sendable {
        let accessModes: [String]
        /// nil: the cluster's default storage class.
        let storageClassName: String?
        let resources: Resources
    }

    /// The requested size.
    struct Resources: Encodable, Sendable {
        let requests: SortedMap<String>
    }
}
