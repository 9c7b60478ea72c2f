/// Argo CD's objects (`argoproj.io/v1alpha1`), as RegionMesh writes them: only the fields it sets.
enum ArgoCD {
    /// An ApplicationSet: one Application per element of its list generator.
    struct ApplicationSet: KubernetesObject {
        let apiVersion = "argoproj.io/v1alpha1"
        let kind = "ApplicationSet"
        var metadata: ObjectMeta
        let spec: Spec

        struct Spec: Encodable, Sendable {
            let goTemplate: Bool
            let goTemplateOptions: [String]
            let generators: [Generator]
            let template: Template
        }

        struct Generator: Encodable, Sendable {
            let list: ListGenerator
        }

        struct ListGenerator: Encodable, Sendable {
            let elements: [SortedMap<String>]
        }

        struct Template: Encodable, Sendable {
            let metadata: TemplateMetadata
            let spec: ApplicationSpec
        }

        struct TemplateMetadata: Encodable, Sendable {
            let name: String
            let labels: SortedMap<String>
        }
    }

    /// What an Application deploys, from where, to where.
    struct ApplicationSpec: Encodable, Sendable {
        let project: String
        let sources: [Source]
        let destination: Destination
        let syncPolicy: SyncPolicy
    }

    /// One source: a folder of a git repository, a chart, or a git repository other sources refer to.
    struct Source: Encodable, Sendable {
        let repoURL: String
        let targetRevision: String
        var path: String? = nil
        var chart: String? = nil
        var ref: String? = nil
        var helm: Helm? = nil
    }

    /// A chart source's release and values files (`$<ref>/<path>` names a file of another source).
    struct Helm: Encodable, Sendable {
        let releaseName: String
        let valueFiles: [String]
    }

    /// The cluster (by its name in Argo CD) and namespace.
    struct Destination: Encodable, Sendable {
        let name: String
        let namespace: String
    }

    struct SyncPolicy: Encodable, Sendable {
        let automated: Automated
    }

    struct Automated: Encodable, Sendable {
        let prune: Bool
        let selfHeal: Bool
    }
}
