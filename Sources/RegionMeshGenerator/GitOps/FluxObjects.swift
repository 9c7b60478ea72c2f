import RegionMesh

/// Flux's objects (Flux 2, `kustomize.toolkit.fluxcd.io/v1`, `helm.toolkit.fluxcd.io/v2`,
/// `source.toolkit.fluxcd.io/v1`), as RegionMesh writes them: only the fields it sets.
enum Flux {
    /// A Kustomization: applies a folder of the repository Flux was bootstrapped from.
    struct Kustomization: KubernetesObject {
        let apiVersion = "kustomize.toolkit.fluxcd.io/v1"
        let kind = "Kustomization"
        var metadata: ObjectMeta
        let spec: Spec

        struct Spec: Encodable, Sendable {
            let interval: String
            let path: String
            let prune: Bool
            let sourceRef: SourceReference
            let timeout: String
            let wait: Bool
        }
    }

    /// A reference to a source object.
    struct SourceReference: Encodable, Sendable {
        let kind: String
        let name: String
    }

    /// A Helm chart repository.
    struct HelmRepository: KubernetesObject {
        let apiVersion = "source.toolkit.fluxcd.io/v1"
        let kind = "HelmRepository"
        var metadata: ObjectMeta
        let spec: Spec

        struct Spec: Encodable, Sendable {
            let interval: String
            let url: String
        }
    }

    /// A Helm release, reconciled by the helm-controller.
    struct HelmRelease: KubernetesObject {
        let apiVersion = "helm.toolkit.fluxcd.io/v2"
        let kind = "HelmRelease"
        var metadata: ObjectMeta
        let spec: Spec

        struct Spec: Encodable, Sendable {
            let chart: Chart
            let interval: String
            let releaseName: String
            let values: AnyEncodable
        }

        struct Chart: Encodable, Sendable {
            let spec: ChartSpec
        }

        struct ChartSpec: Encodable, Sendable {
            let chart: String
            let sourceRef: SourceReference
            let version: String
        }
    }
}
