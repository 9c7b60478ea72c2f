/// `v1` Namespace.
struct Namespace: KubernetesObject {
    let apiVersion = "v1"
    let kind = "Namespace"
    var metadata: ObjectMeta
}
