import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `k3s/remove-nodes.sh`, read as a Script model: the machines the plan no longer has leave their
/// clusters before the provider deletes them, and the kube contexts of removed clusters go.
@Suite struct K3sRemoveNodesScriptTests {
    static func script(_ plan: Plan) -> Script {
        K3sRemoveNodesScript(plan: plan, machines: AzureGenerator(plan: plan, azure: plan.azure)).script
    }

    /// The bash text of every `.shell` statement of `statements`, nested ones included.
    static func shellText(_ statements: [ScriptStatement]) -> [String] {
        statements.flatMap(\.flattened).compactMap { statement -> String? in if case .shell(let text) = statement { text } else { nil } }
    }

    @Test func removesMachinesThenContexts() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        #expect(script.path == "k3s/remove-nodes.sh")
        #expect(script.steps.map(\.name) == ["machines", "contexts"])
        #expect(script.tools.map(\.name) == ["az", "kubectl"])
        #expect(script.environment.map(\.name) == ["KUBECONFIG_FILE", "REGIONMESH_SECRETS_DIR"])
        let constants = Dictionary(uniqueKeysWithValues: script.constants.map { ($0.name, $0.value) })
        #expect(constants["KUBECONFIG_DIR"] == "\"$REGIONMESH_SECRETS_DIR/kubeconfig\"")
        #expect(constants["PLANNED_MACHINES"] == "' crdb-r1-node1 crdb-r1-node2 crdb-r2-node1 crdb-r2-node2 '")
        #expect(constants["PLANNED_CLUSTERS"] == "' crdb-r1 crdb-r2 '")
    }

    @Test func aMachineIsDrainedStoppedAndTakenOutOfItsClusterBeforeTheProviderDeletesIt() throws {
        let script = Self.script(try Fixture.smallPlan())
        let remove = try #require(script.helpers.first { $0.name == "remove_machine" })
        let commands = remove.body.flatMap(\.commands).map(\.name)
        let order = ["kubectl drain \"$1\"", "az vm deallocate", "kubectl delete node \"$1\"", "az vm delete"].map { commands.firstIndex(of: $0) }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(commands)")
        // The node leaves its cluster only when it is one (a machine of a removed region goes with its cluster).
        guard case .when(let condition, let inCluster, _) = try #require(remove.body.first { if case .when = $0 { true } else { false } }) else { return }
        #expect(condition.hasPrefix("context=\"$(cluster_of \"$1\")\" && kubectl get node \"$1\""))
        // Stopped before it leaves, unless the cluster has two servers: one of two stopped loses etcd's
        // quorum, so there it leaves first and stops after.
        #expect(inCluster.flatMap(\.commands).map(\.name) == ["kubectl drain \"$1\"", "az vm deallocate", "kubectl delete node \"$1\"", "az vm deallocate"])
        let guards = inCluster.compactMap { statement -> String? in if case .when(let condition, _, _) = statement { condition } else { nil } }
        #expect(guards == ["((servers > 2))", "((servers <= 2))"])
        #expect(Self.shellText(inCluster).contains { $0.hasPrefix("wait_until ") && $0.contains("node_gone \"$context\" \"$1\"") }, "etcd keeps quorum: one at a time")
        let drain = try #require(remove.body.flatMap(\.commands).first { $0.name.hasPrefix("kubectl drain") })
        #expect(drain.has("--ignore-daemonsets") && drain.has("--delete-emptydir-data") && drain.value(of: "--timeout") == "600s")
        // The provider deletes the VM with its disks, then its NIC and public IP.
        #expect(commands.filter { $0.hasPrefix("az ") && $0.hasSuffix(" delete") } == [
            "az vm delete", "az network nic delete", "az network public-ip delete", "az disk delete",
        ])
        #expect(remove.body.flatMap(\.commands).first { $0.name == "az vm delete" }?.has("--yes") == true)
    }

    @Test func theMachinesStepAsksTheProviderAndRemovesTheHighestFirstAfterAQuestion() throws {
        let script = Self.script(try Fixture.smallPlan())
        let step = try #require(script.step("machines"))
        let listing = step.allStatements.compactMap { statement -> ShellCommand? in if case .capture("listed", _, let command) = statement { command } else { nil } }
        #expect(listing.first?.name == "az vm list")
        #expect(listing.first?.value(of: "--query") == "[?starts_with(name, 'crdb-') && contains(name, '-node')].name")
        let text = Self.shellText(step.body)
        let positions = [
            text.firstIndex { $0.hasPrefix("mapfile -t departing < <(printf '%s\\n' \"${departing[@]}\" | sort -r -V)") },
            text.firstIndex { $0.hasPrefix("confirm ") },
            text.firstIndex { $0 == "remove_machine \"$machine\"" },
        ]
        #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(text)")
        // A dry run lists nothing and deletes nothing.
        guard case .when(let condition, let dry, _) = try #require(step.body.first { if case .when = $0 { true } else { false } }) else { return }
        #expect(condition == "[[ \"$DRY_RUN\" == 1 ]]")
        #expect(dry.flatMap(\.commands).isEmpty && Self.shellText(dry) == ["return 0"])
        // Every machine of the plan maps to its cluster; any other fails.
        let cluster = try #require(script.helpers.first { $0.name == "cluster_of" })
        #expect(Self.shellText(cluster.body) == ["crdb-r1-node*) printf '%s\\n' crdb-r1 ;;", "crdb-r2-node*) printf '%s\\n' crdb-r2 ;;", "*) return 1 ;;"])
    }

    @Test func theContextsOfClustersThePlanNoLongerHasGoWithTheirKubeconfigFiles() throws {
        let script = Self.script(try Fixture.smallPlan())
        let step = try #require(script.step("contexts"))
        let commands = step.body.flatMap(\.commands)
        #expect(commands.map(\.name) == [
            "kubectl config delete-context \"$name\"", "kubectl config unset \"clusters.$name\"", "kubectl config unset \"users.$name\"", "rm -f \"$file\"",
        ])
        // Only an existing context is deleted; the file goes either way.
        #expect(step.allStatements.contains {
            if case .when(let condition, let body, _) = $0 {
                condition == "found kubectl config get-contexts \"$name\" --kubeconfig \"$KUBECONFIG_FILE\"" && body.flatMap(\.commands).count == 3
            } else { false }
        })
        #expect(commands.filter { $0.name.hasPrefix("kubectl config") }.allSatisfy { $0.value(of: "--kubeconfig") == "\"$KUBECONFIG_FILE\"" })
        let text = Self.shellText(step.body)
        #expect(text.contains("[[ \"$PLANNED_CLUSTERS\" == *\" $name \"* ]] && continue"), "a cluster of the plan keeps its context")
        #expect(step.allStatements.contains { if case .block(let opener, _, _) = $0 { opener == "for file in \"$KUBECONFIG_DIR\"/*.yaml; do" } else { false } })
    }
}
