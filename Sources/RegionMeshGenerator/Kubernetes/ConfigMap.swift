/// `v1` ConfigMap.
struct ConfigMap: KubernetesObject {
    let apiVersion = "v1"
    let kind = "ConfigMap"
    var metadata: ObjectMeta
    let data: SortedMap<String>
}
