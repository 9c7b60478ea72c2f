import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `cockroachdb/decommission.sh` and `cockroachdb/apply.sh`, read as Script models: what changing a
/// running database does, and in which order.
@Suite struct CockroachDayTwoScriptsTests {
    let plan: Plan

    init() throws {
        plan = try Fixture.smallPlan()
    }

    var decommission: Script { CockroachDecommissionScript(plan: plan, cockroach: plan.cockroach).script }
    var apply: Script { CockroachApplyScript(plan: plan, cockroach: plan.cockroach).script }

    /// The bash text of every `.shell` statement of `statements`, nested ones included.
    static func shellText(_ statements: [ScriptStatement]) -> [String] {
        statements.flatMap(\.flattened).compactMap { statement -> String? in if case .shell(let text) = statement { text } else { nil } }
    }

    /// The position of the first statement of `statements` that satisfies `matches`.
    static func index(in statements: [ScriptStatement], _ matches: (ScriptStatement) -> Bool) -> Int? {
        statements.firstIndex(where: matches)
    }

    // MARK: decommission.sh

    @Test func decommissionRunsBeforeTheStatefulSetsShrinkAndPodsMove() throws {
        let script = decommission
        #expect(script.path == "cockroachdb/decommission.sh")
        #expect(script.steps.map(\.name) == ["decommission", "shrink", "move"])
        #expect(script.tools.map(\.name) == ["kubectl"])
        #expect(script.environment.map(\.name) == ["KUBECONFIG_FILE"])
        // It knows the plan's pods and regions, and where it can run cockroach.
        let constants = Dictionary(uniqueKeysWithValues: script.constants.map { ($0.name, $0.value) })
        #expect(constants["PLANNED_HOSTS"] == "(" + plan.cockroach.regions.flatMap(\.podHosts).joined(separator: " ") + ")")
        #expect(constants["PLANNED_HOSTS"]?.contains("cockroachdb-1.cockroachdb.r2.svc.cluster.local") == true)
        #expect(constants["PLANNED_REGIONS"] == "(eastus westus)", "as the localities name them")
        #expect(constants["SQL_PODS"] == "(crdb-r1/r1 crdb-r2/r2)")
    }

    @Test func theDecommissionStepWaitsUntilTheReplicasHaveMovedAfterTheChecksAndAQuestion() throws {
        let step = try #require(decommission.step("decommission"))
        let decommissions = step.body.flatMap(\.commands).filter { $0.name.hasPrefix("cockroach_cli node decommission") }
        #expect(decommissions.count == 1)
        #expect(decommissions.first?.words == ["cockroach_cli", "node", "decommission", "\"${ids[@]}\"", "--wait=all"])
        // In order: nothing in a dry run, nothing on a first apply, then the region checks, the
        // question, and only then the decommission.
        let body = step.body
        let dryRun = Self.index(in: body) { if case .when(let condition, _, _) = $0 { condition == "[[ \"$DRY_RUN\" == 1 ]]" } else { false } }
        let firstApply = Self.index(in: body) { if case .when(let condition, _, _) = $0 { condition == "! find_sql_pod" } else { false } }
        let checks = Self.index(in: body) { if case .shell(let text) = $0 { text.hasPrefix("check_regions ") } else { false } }
        let question = Self.index(in: body) { if case .shell(let text) = $0 { text.hasPrefix("confirm ") } else { false } }
        let run = Self.index(in: body) { if case .run(let command) = $0 { command.name.hasPrefix("cockroach_cli node decommission") } else { false } }
        let order = [dryRun, firstApply, checks, question, run].compactMap { $0 }
        #expect(order.count == 5 && order == order.sorted(), "\(order)")
        // Only nodes whose address is not a pod of the plan are decommissioned.
        #expect(Self.shellText(body).contains("planned_host \"$host\" && continue"))
    }

    @Test func theRegionCheckRefusesARegionADatabaseStillHasOrASurvivalGoalTheRestCannotKeep() throws {
        let check = try #require(decommission.helpers.first { $0.name == "check_regions" })
        let text = Self.shellText(check.body)
        #expect(text.contains { $0.contains("WHERE '$region' = ANY(regions)") })
        #expect(text.contains { $0.contains("ALTER DATABASE <name> DROP REGION") && $0.hasPrefix("[[ -z \"$databases\" ]] || die ") })
        #expect(text.contains { $0.contains("survival_goal = 'region'") })
        #expect(check.body.contains { if case .when(let condition, _, _) = $0 { condition.contains("${#PLANNED_REGIONS[@]} < 3") } else { false } })
    }

    @Test func theShrinkStepScalesEachRegionDownOnlyAfterItsDroppedPodsAreDecommissioned() throws {
        let script = decommission
        let step = try #require(script.step("shrink"))
        #expect(Self.shellText(step.body) == ["shrink_statefulset crdb-r1 r1 2", "shrink_statefulset crdb-r2 r2 2"])
        let helper = try #require(script.helpers.first { $0.name == "shrink_statefulset" })
        let statements = helper.body.flatMap(\.flattened)
        let refuse = Self.index(in: statements) { if case .shell(let text) = $0 { text.contains("is not decommissioned; run: $SCRIPT_NAME --from decommission") } else { false } }
        let scale = Self.index(in: statements) { if case .run(let command) = $0 { command.name == "kubectl scale statefulset cockroachdb" } else { false } }
        let stopped = Self.index(in: statements) { if case .shell(let text) = $0 { text.hasPrefix("wait_until ") && text.contains("pod_gone") } else { false } }
        let claim = Self.index(in: statements) { if case .run(let command) = $0 { command.name.hasPrefix("kubectl delete pvc") } else { false } }
        let order = [refuse, scale, stopped, claim].compactMap { $0 }
        #expect(order.count == 4 && order == order.sorted(), "\(order)")
        let scaleCommand = try #require(helper.body.flatMap(\.commands).first { $0.name == "kubectl scale statefulset cockroachdb" })
        #expect(scaleCommand.value(of: "--replicas") == "\"$planned\"")
        let delete = try #require(helper.body.flatMap(\.commands).first { $0.name.hasPrefix("kubectl delete pvc") })
        #expect(delete.name == "kubectl delete pvc \"datadir-cockroachdb-$ordinal\"")
        // Highest ordinal first, as a StatefulSet shrinks.
        #expect(statements.contains { if case .block(let opener, _, _) = $0 { opener == "for ((ordinal = current - 1; ordinal >= planned; ordinal--)); do" } else { false } })
    }

    @Test func theMoveStepDecommissionsAPodOnARemovedMachineBeforeItStartsElsewhere() throws {
        let script = decommission
        let step = try #require(script.step("move"))
        #expect(Self.shellText(step.body) == [
            "move_off_removed_nodes crdb-r1 r1 'crdb-r1-node1 crdb-r1-node2'", "move_off_removed_nodes crdb-r2 r2 'crdb-r2-node1 crdb-r2-node2'",
        ])
        let helper = try #require(script.helpers.first { $0.name == "move_off_removed_nodes" })
        let text = Self.shellText(helper.body)
        let positions = [
            text.firstIndex { $0.hasPrefix("run kubectl cordon ") },
            text.firstIndex { $0 == "run cockroach_cli node decommission \"$id\" --wait=all" },
            text.firstIndex { $0.hasPrefix("run kubectl delete pvc ") },
            text.firstIndex { $0.hasPrefix("run kubectl delete pod ") },
            text.firstIndex { $0.hasPrefix("wait_until ") && $0.contains("pod_ready_elsewhere") },
        ]
        let order = positions.compactMap { $0 }
        #expect(order.count == 5 && order == order.sorted(), "\(positions)")
        // The label selector is in key order, so the script is the same on every run.
        #expect(text.contains { $0.contains("--selector app.kubernetes.io/instance=fixture,app.kubernetes.io/name=cockroachdb ") })
    }

    @Test func aShrinkingStatefulSetDeletesTheClaimsOfThePodsItDrops() throws {
        let objects = CockroachGenerator(plan: plan, cockroach: plan.cockroach).clusterObjects()
        let statefulSet = try #require(objects.compactMap { $0.object as? StatefulSet }.first)
        #expect(statefulSet.spec.persistentVolumeClaimRetentionPolicy.whenScaled == "Delete")
        #expect(statefulSet.spec.persistentVolumeClaimRetentionPolicy.whenDeleted == "Retain", "re-creating it (--cascade=orphan) keeps the data")
    }

    // MARK: apply.sh

    @Test func applyHasOneStepPerRegionInPlanOrder() throws {
        let plan = try examplePlan("crdb-three-region")
        let script = CockroachApplyScript(plan: plan, cockroach: plan.cockroach).script
        #expect(script.path == "cockroachdb/apply.sh")
        #expect(script.steps.map(\.name) == ["eastus", "westus", "northeurope"])
        #expect(script.readsTopologyFolder)
        for (step, region) in zip(script.steps, plan.regions) {
            let applies = step.body.flatMap(\.commands).filter { $0.name == "kubectl apply" }
            #expect(applies.allSatisfy { $0.value(of: "--context") == region.cluster.context })
            #expect(Set(applies.compactMap { $0.value(of: "--kustomize") }) == ["\"$TOPOLOGY_DIR/clusters/\(region.cluster.name)\""])
        }
    }

    @Test func eachRegionRollsOutAndIsHealthyBeforeTheNext() throws {
        for step in apply.steps {
            let body = step.body
            // Where nothing runs yet, the folder is applied and nothing is waited for.
            guard case .when(let condition, let fresh, _) = try #require(body.first { if case .when = $0 { true } else { false } }) else { continue }
            #expect(condition == "[[ -z \"$ready\" || \"$ready\" == 0 ]]")
            #expect(fresh.flatMap(\.commands).map(\.name) == ["kubectl apply"])
            // Where it runs: apply, wait for the rollout, then until no range is under-replicated.
            let applyIndex = Self.index(in: body) { if case .run(let command) = $0 { command.name == "kubectl apply" } else { false } }
            let rollout = Self.index(in: body) { if case .run(let command) = $0 { command.name == "kubectl rollout status statefulset/cockroachdb" } else { false } }
            let healthy = Self.index(in: body) {
                if case .waitUntil(_, let timeout, let command) = $0 { command.name.hasPrefix("no_under_replicated_ranges ") && timeout == 1800 } else { false }
            }
            let order = [applyIndex, rollout, healthy].compactMap { $0 }
            #expect(order.count == 3 && order == order.sorted(), "\(step.name): \(order)")
            let status = try #require(body.flatMap(\.commands).first { $0.name == "kubectl rollout status statefulset/cockroachdb" })
            #expect(status.value(of: "--namespace") == step.name && status.value(of: "--timeout") == "1800s")
            #expect(try #require(body.flatMap(\.commands).first { $0.name.hasPrefix("no_under_replicated_ranges") }).words == ["no_under_replicated_ranges", "crdb-\(step.name)", step.name])
        }
        let health = try #require(apply.helpers.first { $0.name == "no_under_replicated_ranges" })
        #expect(Self.shellText(health.body).contains { $0.contains("ranges.underreplicated") && $0.contains("crdb_internal.kv_store_status") })
    }

    @Test func theStatefulSetIsReCreatedWithoutItsPodsOnlyWhenItsClaimTemplateDiffers() throws {
        for step in apply.steps {
            // --cascade=orphan appears once, inside the branch taken when the claim template's size is not the plan's.
            let orphans = step.body.flatMap(\.commands).filter { $0.has("--cascade=orphan") }
            #expect(orphans.map(\.name) == ["kubectl delete statefulset cockroachdb"])
            let guarded = step.body.compactMap { statement -> (String, [ScriptStatement])? in
                if case .when(let condition, let body, _) = statement, body.flatMap(\.commands).contains(where: { $0.has("--cascade=orphan") }) {
                    (condition, body)
                } else {
                    nil
                }
            }
            #expect(guarded.map(\.0) == ["[[ \"$template\" != 10Gi ]]"])
            // The claims grow before the StatefulSet is re-created; the template is read from the cluster.
            let inner = try #require(guarded.first?.1)
            let grow = Self.index(in: inner) { if case .shell(let text) = $0 { text == "grow_claims crdb-\(step.name) \(step.name) 10Gi" } else { false } }
            let delete = Self.index(in: inner) { if case .run(let command) = $0 { command.has("--cascade=orphan") } else { false } }
            #expect(grow != nil && delete != nil && grow! < delete!)
            let template = step.body.compactMap { statement -> ShellCommand? in if case .capture("template", _, let command) = statement { command } else { nil } }
            #expect(template.first?.value(of: "--output") == "jsonpath={.spec.volumeClaimTemplates[0].spec.resources.requests.storage}")
        }
        // A claim grows only where its class allows; k3s' local-path is the one exception that is not refused.
        let grow = try #require(apply.helpers.first { $0.name == "grow_claims" })
        let text = Self.shellText(grow.body)
        #expect(text.contains { $0.hasPrefix("run kubectl patch pvc \"$claim\"") })
        #expect(text.contains { $0.hasPrefix("die \"$claim: storage class $class does not allow volume expansion") })
        #expect(grow.body.flatMap(\.commands).first { $0.name == "kubectl get pvc" }?.value(of: "--selector") == "app.kubernetes.io/instance=fixture,app.kubernetes.io/name=cockroachdb")
    }
}
