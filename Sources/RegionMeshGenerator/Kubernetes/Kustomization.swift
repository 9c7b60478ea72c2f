/// `kustomization.yaml` of a cluster folder: the resources `kubectl apply -k` applies.
struct Kustomization: Encodable, Sendable {
    let apiVersion = "kustomize.config.k8s.io/v1beta1"
    let kind = "Kustomization"
    /// Paths relative to the kustomization's folder.
    let resources: [String]
}
