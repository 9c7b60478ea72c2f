/// `v1` ServiceAccount.
struct ServiceAccount: KubernetesObject {
    let apiVersion = "v1"
    let kind = "ServiceAccount"
    var metadata: ObjectMeta
}
