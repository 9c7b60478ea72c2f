import RegionMesh
import Testing
import Topologies

@testable import RegionMeshGenerator

/// Snippets of the CockroachDB manifests and scripts, on the two-region fixture.
@Suite struct CockroachEmitterTests {
    let plan = Fixtures.twoRegionPlan
    let artifacts: [Artifact]

    init() throws { artifacts = try CockroachEmitter.artifacts(for: Fixtures.twoRegionPlan) }

    private func document(_ path: String) throws -> [String: Any] {
        try ManifestParsing.document(try ManifestParsing.artifact("clusters/crdb-east/cockroachdb/\(path)", in: artifacts))
    }

    @Test func statefulSetShape() throws {
        let sts = try document("statefulset-cockroachdb.yaml")
        let v = ManifestParsing.value
        #expect(v(sts, ["apiVersion"]) as? String == "apps/v1")
        #expect(v(sts, ["metadata", "namespace"]) as? String == "east")
        #expect(v(sts, ["spec", "serviceName"]) as? String == "cockroachdb")
        #expect(v(sts, ["spec", "replicas"]) as? Int == 2)
        #expect(v(sts, ["spec", "podManagementPolicy"]) as? String == "Parallel")
        #expect(v(sts, ["spec", "updateStrategy", "type"]) as? String == "RollingUpdate")
        // Immutable parts carry no version label; the pod template does.
        #expect(
            v(sts, ["spec", "selector", "matchLabels"]) as? [String: String]
                == ["app.kubernetes.io/name": "cockroachdb", "app.kubernetes.io/instance": "fixture-two-region"])
        #expect((v(sts, ["spec", "template", "metadata", "labels"]) as? [String: String])?["app.kubernetes.io/version"] == "v26.2.1")

        let pod = try #require(v(sts, ["spec", "template", "spec"]) as? [String: Any])
        #expect(v(pod, ["terminationGracePeriodSeconds"]) as? Int == 60)
        let term = ["affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "0"]
        #expect(v(pod, term + ["topologyKey"]) as? String == "kubernetes.io/hostname")
        #expect(v(pod, ["volumes", "0", "secret", "secretName"]) as? String == "cockroachdb.node")
        #expect(v(pod, ["volumes", "0", "secret", "defaultMode"]) as? Int == 256)

        let container = try #require(v(pod, ["containers", "0"]) as? [String: Any])
        #expect(container["image"] as? String == "cockroachdb/cockroach:v26.2.1")
        let resources = container["resources"] as? [String: [String: String]]
        #expect(resources?["requests"] == ["cpu": "1", "memory": "4Gi"])
        #expect(resources?["limits"] == resources?["requests"])
        #expect(v(container, ["readinessProbe", "httpGet"]) as? [String: String] == ["path": "/health?ready=1", "port": "http", "scheme": "HTTPS"])
        let env = container["env"] as? [[String: Any]]
        #expect(env?.map { $0["name"] as? String } == ["GOMAXPROCS", "MEMORY_LIMIT_MIB"])
        #expect(v(container, ["env", "0", "valueFrom", "resourceFieldRef", "resource"]) as? String == "limits.cpu")
        #expect(v(container, ["env", "1", "valueFrom", "resourceFieldRef", "resource"]) as? String == "limits.memory")
        #expect(v(container, ["env", "1", "valueFrom", "resourceFieldRef", "divisor"]) as? String == "1Mi")

        let claim = try #require(v(sts, ["spec", "volumeClaimTemplates", "0"]) as? [String: Any])
        #expect(v(claim, ["metadata", "name"]) as? String == "datadir")
        #expect((v(claim, ["metadata", "labels"]) as? [String: String])?["app.kubernetes.io/version"] == nil)
        #expect(v(claim, ["spec", "accessModes"]) as? [String] == ["ReadWriteOnce"])
        #expect(v(claim, ["spec", "resources", "requests", "storage"]) as? String == "10Gi")
        #expect(v(claim, ["spec", "storageClassName"]) == nil)
    }

    @Test func startCommandText() throws {
        let artifact = try ManifestParsing.artifact("clusters/crdb-east/cockroachdb/statefulset-cockroachdb.yaml", in: artifacts)
        #expect(
            artifact.contents.contains(
                """
                        command:
                        - /bin/bash
                        - -ecx
                        - |
                          exec /cockroach/cockroach start \\
                            --logtostderr \\
                            --certs-dir /cockroach/cockroach-certs \\
                            --listen-addr :26257 \\
                            --advertise-host $(hostname -f) \\
                            --http-addr 0.0.0.0:8080 \\
                            --join cockroachdb-0.cockroachdb.east.svc.cluster.local:26257,cockroachdb-1.cockroachdb.east.svc.cluster.local:26257,cockroachdb-0.cockroachdb.west.svc.cluster.local:26257,cockroachdb-1.cockroachdb.west.svc.cluster.local:26257 \\
                            --locality region=eastus,zone=east \\
                            --cache $(expr $MEMORY_LIMIT_MIB / 4)MiB \\
                            --max-sql-memory $(expr $MEMORY_LIMIT_MIB / 4)MiB
                        ports:

                """))
    }

    @Test func storageClassIsWrittenWhenThePlanHasOne() throws {
        let global = Fixtures.plan(TopologyRegistry.named("crdb-global")!)
        let region = global.regions[0]
        let manifest = CockroachStatefulSet.manifest(plan: global, region: region)
        let artifact = try manifest.artifact(plan: global)
        let document = try ManifestParsing.document(artifact)
        #expect(ManifestParsing.value(document, "spec", "volumeClaimTemplates", "0", "spec", "storageClassName") as? String == "local-path")
    }

    @Test func rbacBindsTheServiceAccountOfTheRegionNamespace() throws {
        let binding = try document("rolebinding-cockroachdb.yaml")
        #expect(ManifestParsing.value(binding, "subjects", "0", "namespace") as? String == "east")
        #expect(ManifestParsing.value(binding, "subjects", "0", "name") as? String == "cockroachdb")
        #expect(ManifestParsing.value(binding, "roleRef", "name") as? String == "cockroachdb")
        let role = try document("role-cockroachdb.yaml")
        #expect(ManifestParsing.value(role, "rules", "0", "verbs") as? [String] == ["get"])
        #expect(ManifestParsing.value(role, "rules", "0", "resourceNames") as? [String] == ["cockroachdb.node", "cockroachdb.client.root"])
    }

    @Test func servicesAndBudget() throws {
        let headless = try document("service-cockroachdb.yaml")
        #expect(ManifestParsing.value(headless, "spec", "clusterIP") as? String == "None")
        #expect(ManifestParsing.value(headless, "spec", "publishNotReadyAddresses") as? Bool == true)
        #expect(ManifestParsing.value(headless, "metadata", "annotations", "prometheus.io/scrape") as? String == "true")
        let publicService = try document("service-cockroachdb-public.yaml")
        #expect(ManifestParsing.value(publicService, "spec", "type") as? String == "ClusterIP")
        let ports = ManifestParsing.value(publicService, "spec", "ports") as? [[String: Any]]
        #expect(ports?.map { "\($0["name"]!):\($0["port"]!)" } == ["grpc:26257", "http:8080"])
        let budget = try document("poddisruptionbudget-cockroachdb-budget.yaml")
        #expect(ManifestParsing.value(budget, "apiVersion") as? String == "policy/v1")
        #expect(ManifestParsing.value(budget, "spec", "maxUnavailable") as? Int == 1)
    }

    @Test func initScriptRunsInitOnceInTheFirstPodOfTheInitRegion() throws {
        let script = try ManifestParsing.artifact("cockroachdb/init.sh", in: artifacts).contents
        #expect(script.components(separatedBy: "-- /cockroach/cockroach init").count == 2)
        #expect(script.contains("succeeds_or_says 'cluster has already been initialized' kubectl exec cockroachdb-0"))
        #expect(script.contains("--host cockroachdb-0.cockroachdb.east.svc.cluster.local:26257"))
        #expect(script.contains("wait_until 'all 4 CockroachDB nodes are live' 300 all_nodes_live 4"))
        // Pods are waited for as Running before init: they become Ready only after it.
        let running = try #require(script.range(of: "\n  wait_for_pods\n"))
        let initialise = try #require(script.range(of: "\n  initialise_cluster\n"))
        let rollout = try #require(script.range(of: "\n  wait_for_statefulsets\n"))
        #expect(running.lowerBound < initialise.lowerBound && initialise.lowerBound < rollout.lowerBound)
        // No bare sleep outside the shared library's wait_until.
        let body = try #require(script.components(separatedBy: "# --- end of the RegionMesh script library").last)
        #expect(!body.contains("sleep"))
    }

    @Test func certsScriptKeepsEachRegionsNodeCertificateApart() throws {
        let script = try ManifestParsing.artifact("cockroachdb/certs.sh", in: artifacts).contents
        #expect(script.contains("umask 077"))
        #expect(script.contains("--certs-dir \"$NODES_DIR/east\""))
        #expect(script.contains("--certs-dir \"$NODES_DIR/west\""))
        #expect(script.contains("run apply_secret crdb-east east cockroachdb.node \"$NODES_DIR/east\""))
        #expect(script.contains("run apply_secret crdb-west west cockroachdb.client.root \"$CERTS_DIR\""))
        #expect(script.contains("--dry-run=client --output yaml |"))
        #expect(script.contains("require_tools 'cockroach="))
    }
}
