import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The CockroachDB objects and scripts, on the small two-region fixture.
@Suite struct CockroachTests {
    let plan: Plan
    let objects: [ClusterObject]

    init() throws {
        plan = try Fixture.smallPlan()
        objects = CockroachGenerator(plan: plan, cockroach: plan.cockroach).clusterObjects()
    }

    /// The object of `kind` named `name` in region `key`.
    private func object<Object: KubernetesObject>(_ type: Object.Type, _ name: String, in key: String = "r1") throws -> Object {
        try #require(objects.first { $0.region.key == key && $0.object.metadata.name == name && $0.object is Object }?.object as? Object)
    }

    @Test func theStatefulSetOfARegion() throws {
        let artifacts = try ClusterManifests.artifacts(plan, objects: objects, notes: [])
        let file = try #require(artifacts.first { $0.path == "clusters/crdb-r1/cockroachdb/statefulset-cockroachdb.yaml" })
        assertSnapshot(of: file.contents, named: "statefulset-cockroachdb.yaml")
    }

    @Test func statefulSetShape() throws {
        let sts = try object(StatefulSet.self, "cockroachdb")
        #expect(sts.metadata.namespace == "r1")
        #expect(sts.spec.serviceName == "cockroachdb")
        #expect(sts.spec.replicas == 2)
        #expect(sts.spec.podManagementPolicy == "Parallel")
        #expect(sts.spec.updateStrategy.type == "RollingUpdate")
        // Immutable parts carry no version label; the pod template does.
        #expect(sts.spec.selector.matchLabels.entries == ["app.kubernetes.io/name": "cockroachdb", "app.kubernetes.io/instance": "fixture"])
        #expect(sts.spec.template.metadata.labels.entries["app.kubernetes.io/version"] == "v26.2.1")
        let pod = sts.spec.template.spec
        #expect(pod.terminationGracePeriodSeconds == 60)
        #expect(pod.affinity?.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.map(\.topologyKey) == ["kubernetes.io/hostname"])
        #expect(pod.volumes.map(\.secret?.secretName) == ["cockroachdb.node"])
        #expect(pod.volumes.map(\.secret?.defaultMode) == [0o400])
        let container = try #require(pod.containers.first)
        #expect(container.image == "cockroachdb/cockroach:v26.2.1")
        #expect(container.resources.requests.entries == ["cpu": "1", "memory": "4Gi"])
        #expect(container.resources.limits.entries == container.resources.requests.entries)
        // r1 is in eastus, which has zones: the pod learns its node's name to pick its zone.
        let env = try #require(container.env)
        #expect(env.map(\.name) == ["NODE_NAME", "GOMAXPROCS", "MEMORY_LIMIT_MIB"])
        #expect(env.map(\.valueFrom.fieldRef?.fieldPath) == ["spec.nodeName", nil, nil])
        #expect(env.map(\.valueFrom.resourceFieldRef?.resource) == [nil, "limits.cpu", "limits.memory"])
        #expect(container.readinessProbe.httpGet.path == "/health?ready=1")
        // A pod the StatefulSet drops on shrinking loses its claim: its node was decommissioned.
        #expect(sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled == "Delete")
        #expect(sts.spec.persistentVolumeClaimRetentionPolicy.whenDeleted == "Retain")
        let claim = try #require(sts.spec.volumeClaimTemplates.first)
        #expect(claim.metadata.name == "datadir")
        #expect(claim.metadata.labels?.entries["app.kubernetes.io/version"] == nil)
        #expect(claim.spec.accessModes == ["ReadWriteOnce"])
        #expect(claim.spec.resources.requests.entries == ["storage": "10Gi"])
        #expect(claim.spec.storageClassName == nil)
    }

    @Test func startCommandJoinsEveryRegionAndDeclaresTheLocality() throws {
        let join = ["r1", "r2"].flatMap { key in (0..<2).map { "cockroachdb-\($0).cockroachdb.\(key).svc.cluster.local:26257" } }
        // r1 (eastus) has zones: the start script maps its node to the node's zone.
        let zonal = CockroachStatefulSet.startCommand(cockroach: plan.cockroach, region: plan.cockroach[plan.regions[0]])
        #expect(zonal.hasPrefix("""
            case "$NODE_NAME" in
              crdb-r1-node1) LOCALITY=region=eastus,zone=eastus-1 ;;
              crdb-r1-node2) LOCALITY=region=eastus,zone=eastus-2 ;;
              *) echo "node $NODE_NAME is not a node of region r1; its zone is unknown" >&2; exit 1 ;;
            esac
            exec /cockroach/cockroach start \\

            """))
        #expect(zonal.contains("\n  --locality \"$LOCALITY\" \\\n"))
        // r2 (westus) has none: one locality for the region, its key standing for the zone.
        let flat = CockroachStatefulSet.startCommand(cockroach: plan.cockroach, region: plan.cockroach[plan.regions[1]])
        #expect(flat.hasPrefix("exec /cockroach/cockroach start \\\n"))
        #expect(flat.contains("\n  --locality region=westus,zone=r2 \\\n"))
        for start in [zonal, flat] {
            #expect(start.contains("\n  --join \(join.joined(separator: ",")) \\\n"))
            #expect(start.contains("\n  --cache $(expr $MEMORY_LIMIT_MIB / 4)MiB \\\n"))
            #expect(start.hasSuffix("\n  --max-sql-memory $(expr $MEMORY_LIMIT_MIB / 4)MiB\n"))
        }
    }

    @Test func theReadmeExplainsTheBoundedJoinList() throws {
        let readme = try #require(try Generator.artifacts(for: plan).first { $0.path == "README.md" }).contents
        let section = try #require(readme.components(separatedBy: "## CockroachDB join list\n\n").dropFirst().first)
        #expect(section.hasPrefix("Every CockroachDB node starts with the same `--join` list: `cockroachdb-0` and `cockroachdb-1` of each region, 4 addresses for 4 nodes."))
        #expect(section.contains("(\(CockroachJoinList.guidance))"))
        #expect(section.contains("not every node of the cluster"))
    }

    @Test func aRegionWithoutZonesNeedsNoNodeName() throws {
        let sts = try object(StatefulSet.self, "cockroachdb", in: "r2")
        let container = try #require(sts.spec.template.spec.containers.first)
        #expect(container.env?.map(\.name) == ["GOMAXPROCS", "MEMORY_LIMIT_MIB"])
    }

    @Test func storageClassIsWrittenWhenThePlanHasOne() throws {
        let global = try examplePlan("crdb-global")
        let object = CockroachStatefulSet.object(plan: global, cockroach: global.cockroach, region: global.regions[0]).object
        let sts = try #require(object as? StatefulSet)
        #expect(sts.spec.volumeClaimTemplates.first?.spec.storageClassName == "local-path")
    }

    @Test func rbacBindsTheServiceAccountOfTheRegionNamespace() throws {
        let binding = try object(RoleBinding.self, "cockroachdb")
        #expect(binding.subjects.map(\.namespace) == ["r1"])
        #expect(binding.subjects.map(\.name) == ["cockroachdb"])
        #expect(binding.roleRef.name == "cockroachdb")
        let role = try object(Role.self, "cockroachdb", in: "r2")
        #expect(role.metadata.namespace == "r2")
        #expect(role.rules.map(\.verbs) == [["get"]])
        #expect(role.rules.map(\.resourceNames) == [["cockroachdb.node", "cockroachdb.client.root"]])
    }

    @Test func servicesAndBudget() throws {
        let headless = try object(Service.self, "cockroachdb")
        #expect(headless.spec.clusterIP == "None")
        #expect(headless.spec.publishNotReadyAddresses == true)
        #expect(headless.metadata.annotations?.entries["prometheus.io/scrape"] == "true")
        let publicService = try object(Service.self, "cockroachdb-public")
        #expect(publicService.spec.type == "ClusterIP")
        #expect(publicService.spec.ports.map { "\($0.name):\($0.port)" } == ["grpc:26257", "http:8080"])
        let budget = try object(PodDisruptionBudget.self, "cockroachdb-budget")
        #expect(budget.apiVersion == "policy/v1")
        #expect(budget.spec.maxUnavailable == 1)
    }

    @Test func initScriptRunsInitOnceInTheFirstPodOfTheInitRegion() throws {
        let script = CockroachInitScript(plan: plan, cockroach: plan.cockroach).script
        // Pods are waited for as Running before init (they become Ready only after it), then the rollouts.
        // The license is set right after init, before the rollouts are waited for.
        #expect(script.steps.map(\.name) == ["pods", "init", "license", "statefulsets", "verify"])
        let inits = script.commands.filter { $0.list(of: "--").prefix(2) == ["/cockroach/cockroach", "init"] }
        #expect(inits.count == 1)
        let initCommand = try #require(inits.first)
        #expect(initCommand.name == "succeeds_or_says cluster has already been initialized kubectl exec cockroachdb-0")
        #expect(initCommand.value(of: "--context") == "crdb-r1")
        #expect(initCommand.list(of: "--").suffix(2) == ["--host", "cockroachdb-0.cockroachdb.r1.svc.cluster.local:26257"])
        #expect(script.commands(ofStep: "verify").first?.oneLine == "all_nodes_live 4")
        #expect(script.commands(ofStep: "pods").map(\.oneLine) == [
            "pod_is_running crdb-r1 r1 cockroachdb-0", "pod_is_running crdb-r1 r1 cockroachdb-1",
            "pod_is_running crdb-r2 r2 cockroachdb-0", "pod_is_running crdb-r2 r2 cockroachdb-1",
        ])
        // Waits are real conditions: nothing sleeps.
        #expect(!script.allStatements.contains { if case .shell(let text) = $0 { text.contains("sleep") } else { false } })
        assertSnapshot(of: try #require(script.step("init")).rendered(number: 2), named: "init-step.bash")
    }

    @Test func theLicenseIsSetAfterInitThroughStandardInputAndNeverInAnArgument() throws {
        let script = CockroachInitScript(plan: plan, cockroach: plan.cockroach).script
        #expect(script.environment.map(\.name) == ["KUBECONFIG_FILE", "COCKROACH_LICENSE", "COCKROACH_LICENSE_FILE", "COCKROACH_ORGANIZATION"])
        #expect(script.environment.first { $0.name == "COCKROACH_LICENSE" }?.isSecret == true)
        let step = try #require(script.step("license"))
        // Without a license the step says so and changes nothing.
        guard case .when(let condition, let skip, _) = try #require(step.body.first) else {
            Issue.record("the license step starts with the check for a license")
            return
        }
        #expect(condition == "[[ -z \"$COCKROACH_LICENSE\" && -z \"$COCKROACH_LICENSE_FILE\" ]]")
        #expect(skip.contains { if case .info(let text) = $0 { text.contains("throttled after its 7-day grace period") } else { false } })
        #expect(skip.flatMap(\.commands).isEmpty)
        // With one, the SQL goes to cockroach sql on standard input (kubectl exec -i).
        let pipelines = step.allStatements.compactMap { statement -> (ShellCommand, ShellCommand)? in
            if case .pipeline(let first, let second) = statement { (first, second) } else { nil }
        }
        #expect(pipelines.count == 1)
        let (sql, exec) = try #require(pipelines.first)
        #expect(sql.oneLine == "license_sql")
        #expect(exec.name == "kubectl exec -i cockroachdb-0")
        #expect(exec.value(of: "--context") == "crdb-r1")
        #expect(exec.list(of: "--").prefix(2) == ["/cockroach/cockroach", "sql"])
        let helper = try #require(script.helpers.first { $0.name == "license_sql" })
        let text = helper.body.flatMap(\.flattened).compactMap { statement -> String? in if case .shell(let text) = statement { text } else { nil } }
        #expect(text.contains { $0.contains("SET CLUSTER SETTING cluster.organization = '%s';") && $0.contains("SET CLUSTER SETTING enterprise.license = '%s';") })
        // No command of the script names the license in its words.
        #expect(!script.commands.contains { $0.words.contains { $0.contains("COCKROACH_LICENSE") } })
    }

    @Test func certsScriptKeepsEachRegionsNodeCertificateApart() throws {
        let script = CockroachCertsScript(plan: plan, cockroach: plan.cockroach).script
        #expect(script.steps.map(\.name) == ["ca", "node-certificates", "secrets"])
        #expect(script.tools.map(\.name) == ["kubectl", "cockroach"])
        #expect(script.beforeSteps.contains { if case .shell("umask 077") = $0 { true } else { false } })
        let nodes = script.commands.filter { $0.name.hasPrefix("cockroach cert create-node") }
        #expect(nodes.compactMap { $0.value(of: "--certs-dir") } == ["\"$NODES_DIR/r1\"", "\"$NODES_DIR/r2\""])
        #expect(script.commands(named: "cockroach cert create-ca").count == 1)
        let secrets = script.step("secrets")?.allStatements.compactMap { statement -> (ShellCommand, ShellCommand)? in
            if case .pipeline(let first, let second) = statement { (first, second) } else { nil }
        } ?? []
        #expect(secrets.map { "\($0.0.name) \($0.0.value(of: "--namespace") ?? "") \($0.0.value(of: "--from-file") ?? "")" } == [
            "kubectl create secret generic cockroachdb.client.root r1 \"$CERTS_DIR\"",
            "kubectl create secret generic cockroachdb.node r1 \"$NODES_DIR/r1\"",
            "kubectl create secret generic cockroachdb.client.root r2 \"$CERTS_DIR\"",
            "kubectl create secret generic cockroachdb.node r2 \"$NODES_DIR/r2\"",
        ])
        #expect(secrets.allSatisfy { $0.0.has("--dry-run=client") && $0.1.name == "kubectl apply" && $0.1.value(of: "--filename") == "-" })
        #expect(secrets.map { $0.1.value(of: "--context") } == ["crdb-r1", "crdb-r1", "crdb-r2", "crdb-r2"])
    }
}
