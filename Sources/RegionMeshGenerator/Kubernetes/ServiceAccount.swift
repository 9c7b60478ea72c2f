/// `v1` ServiceAccount.
struct ServiceAccount: KubernetesObject {
    let apiVersion = "v1"
    let kind = "ServiceAccount"
    let metadata: ObjectMeta
}
