/// `v1` ConfigMap.
struct ConfigMap: KubernetesObject {
    let apiVersion = "v1"
    let kind = "ConfigMap"
    let metadata: ObjectMeta
    let data: SortedMap<String>
}
