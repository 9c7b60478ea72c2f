import RegionMesh
import RegionMeshTestSupport
import Testing
import Yams

@testable import RegionMeshGenerator

/// The one stage that writes every component's Kubernetes objects: labels, key order, the region
/// namespace, and a kustomization that lists exactly the objects of its folder.
@Suite struct ClusterManifestsTests {
    let plan: Plan
    let artifacts: [Artifact]

    init() throws {
        plan = try examplePlan("crdb-three-region")
        artifacts = try Generator.artifacts(for: plan)
    }

    struct Head: Decodable {
        struct Meta: Decodable {
            let name: String
            let namespace: String?
            let labels: [String: String]?
        }
        struct Subject: Decodable { let namespace: String }
        let apiVersion: String
        let kind: String
        let metadata: Meta
        let subjects: [Subject]?
    }

    struct Kustomization: Decodable {
        let apiVersion: String
        let kind: String
        let resources: [String]
    }

    /// The Kubernetes objects of `region`'s cluster folder (everything but the kustomization and the Helm values).
    private func objects(_ region: RegionPlan) -> [Artifact] {
        artifacts.filter {
            $0.path.hasPrefix("clusters/\(region.cluster.name)/") && $0.path.hasSuffix(".yaml")
                && !$0.path.hasSuffix("/kustomization.yaml") && $0.path != CiliumInstallScript.valuesPath(region)
        }
    }

    @Test func everyObjectCarriesTheRecommendedLabelsAndKeyOrder() throws {
        for region in plan.regions {
            for artifact in objects(region) {
                let object = try YAMLDecoder().decode(Head.self, from: artifact.contents)
                let labels = try #require(object.metadata.labels, "\(artifact.path)")
                #expect(labels["app.kubernetes.io/part-of"] == plan.name)
                #expect(labels["app.kubernetes.io/managed-by"] == "regionmesh")
                #expect(labels["regionmesh.dev/region"] == region.key)
                #expect(labels["regionmesh.dev/cluster"] == region.cluster.name)
                for key in ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component"] {
                    #expect(labels[key] != nil, "\(key) missing in \(artifact.path)")
                }
                let body = artifact.contents.split(separator: "\n").filter { !$0.hasPrefix("#") }
                #expect(Array(body.prefix(3)).map { String($0.split(separator: ":")[0]) } == ["apiVersion", "kind", "metadata"], "\(artifact.path)")
                #expect(artifact.path.hasSuffix("/\(object.kind.lowercased())-\(object.metadata.name).yaml"), "one object per file, named after it")
            }
        }
    }

    @Test func databaseObjectsLiveInTheRegionNamespaceAndBudgetsArePolicyV1() throws {
        for region in plan.regions {
            let database = objects(region).filter { $0.path.hasPrefix("clusters/\(region.cluster.name)/cockroachdb/") }
            #expect(database.count == 8)
            for artifact in database {
                let object = try YAMLDecoder().decode(Head.self, from: artifact.contents)
                if object.kind == "Namespace" {
                    #expect(object.metadata.name == region.namespace)
                } else {
                    #expect(object.metadata.namespace == region.namespace, "\(artifact.path)")
                }
                if object.kind == "PodDisruptionBudget" { #expect(object.apiVersion == "policy/v1") }
                if object.kind == "RoleBinding" { #expect(object.subjects?.map(\.namespace) == [region.namespace]) }
            }
        }
    }

    @Test func kustomizationListsExactlyTheObjectsOfItsFolderDependenciesFirst() throws {
        for region in plan.regions {
            let folder = "clusters/\(region.cluster.name)/"
            let file = try #require(artifacts.first { $0.path == folder + "kustomization.yaml" })
            let kustomization = try YAMLDecoder().decode(Kustomization.self, from: file.contents)
            #expect(kustomization.apiVersion == "kustomize.config.k8s.io/v1beta1")
            #expect(kustomization.kind == "Kustomization")
            let listed = kustomization.resources
            #expect(listed.count == Set(listed).count)
            #expect(Set(listed) == Set(objects(region).map { String($0.path.dropFirst(folder.count)) }))
            #expect(!listed.contains("cilium-values.yaml"))
            // What others depend on first: the namespace, then RBAC, …, the StatefulSet last.
            #expect(listed.first == "cockroachdb/namespace-\(region.namespace).yaml")
            #expect(listed.last == "cockroachdb/statefulset-cockroachdb.yaml")
            #expect(file.contents.contains("cilium-values.yaml is Helm values for the Cilium chart, not an object: it is not listed."))
        }
    }
}
