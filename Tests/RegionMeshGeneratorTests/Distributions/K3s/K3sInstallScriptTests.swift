import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `k3s/install.sh`: exact text for one cluster, and the release, kubeconfig and pitfall rules, read
/// from the Script model.
@Suite struct K3sInstallScriptTests {
    static func script(_ plan: Plan) -> Script {
        let azure = AzureGenerator(plan: plan, azure: plan.azure)
        return K3sInstallScript(plan: plan, k3s: plan.k3s, nodeAccess: azure).script
    }

    @Test func installsAndJoinsEveryServerOfACluster() throws {
        let step = try #require(Self.script(try Fixture.smallPlan()).step("crdb-r2"))
        assertSnapshot(of: step.rendered(number: 2), named: "install-cluster.bash")
    }

    @Test func checksItsToolsAndInstallsClustersInPlanOrder() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        #expect(script.tools.map(\.name) == ["az", "k3sup", "kubectl"])
        #expect(script.steps.map(\.name) == plan.regions.map(\.cluster.name))
        #expect(script.steps.map(\.name) == ["crdb-r1", "crdb-r2"])
        #expect(script.environment.map(\.name) == ["SSH_PRIVATE_KEY_FILE", "KUBECONFIG_FILE", "REGIONMESH_SECRETS_DIR"])
        #expect(script.constants.map { "\($0.name)=\($0.value)" } == ["KUBECONFIG_DIR=\"$REGIONMESH_SECRETS_DIR/kubeconfig\""])
    }

    @Test func passesNoTLSSANAndWritesEachClustersOwnKubeconfig() throws {
        let script = Self.script(try Fixture.smallPlan())
        let installs = script.commands(named: "k3sup install"), joins = script.commands(named: "k3sup join")
        #expect(installs.count == 2 && joins.count == 2)
        for command in installs + joins {
            #expect(!command.has("--tls-san"))
            #expect(command.value(of: "--ssh-key") == "\"$SSH_PRIVATE_KEY_FILE\"")
            #expect(command.value(of: "--user") == "ops")
        }
        // k3sup writes each cluster's kubeconfig to a file of its own; it merges nothing (its merge
        // keeps a stale entry of the same name).
        for install in installs {
            #expect(install.has("--cluster") && !install.has("--merge"))
        }
        #expect(installs.compactMap { $0.value(of: "--local-path") } == ["\"$KUBECONFIG_DIR/crdb-r1.yaml\"", "\"$KUBECONFIG_DIR/crdb-r2.yaml\""])
        #expect(installs.compactMap { $0.value(of: "--context") } == ["crdb-r1", "crdb-r2"])
        for join in joins {
            #expect(join.has("--server"))
            #expect(join.value(of: "--server-ip") == "\"$server_ip\"")
            #expect(!join.has("--local-path") && !join.has("--merge"))
        }
    }

    @Test func eachClusterIsLookedUpThroughItsOwnKubeconfigThenMergedDeliberately() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        for region in plan.regions {
            let name = region.cluster.name
            let commands = script.commands(ofStep: name)
            // Whether a node is registered is asked of the cluster's own file: a stale context of the
            // same name in KUBECONFIG_FILE cannot answer for it.
            let lookups = commands.filter { $0.name.hasPrefix("kubectl get node") }
            #expect(!lookups.isEmpty)
            #expect(lookups.allSatisfy { $0.value(of: "--kubeconfig") == "\"$KUBECONFIG_DIR/\(name).yaml\"" && $0.value(of: "--context") == name })
            // The step ends by merging that file into KUBECONFIG_FILE, after every node is registered.
            #expect(commands.last?.oneLine == "merge_kubeconfig \(name)")
        }
        #expect(!script.commands.contains { $0.words.contains("\"$KUBECONFIG_FILE\"") }, "only merge_kubeconfig touches KUBECONFIG_FILE")
        let merge = try #require(script.helpers.first { $0.name == "merge_kubeconfig" })
        let text = merge.body.compactMap { statement -> String? in if case .shell(let text) = statement { text } else { nil } }
        // An entry of the same name that points elsewhere is replaced only after a question.
        #expect(merge.body.contains { statement in
            if case .when(let condition, let body, _) = statement {
                condition.contains("\"$current\" != \"$planned\"")
                    && body.contains { if case .shell(let text) = $0 { text.hasPrefix("confirm ") } else { false } }
            } else { false }
        })
        #expect(text.contains("kubectl config delete-context \"$name\" --kubeconfig \"$KUBECONFIG_FILE\" >/dev/null 2>&1 || true"))
        #expect(text.contains { $0.contains("KUBECONFIG=\"$KUBECONFIG_FILE:$file\" kubectl config view --flatten") })
        // The merged file is written with owner-only permissions and moved into place.
        #expect(text.contains { $0.hasPrefix("(umask 077 && ") })
        #expect(text.contains("mv \"$KUBECONFIG_FILE.regionmesh-tmp\" \"$KUBECONFIG_FILE\""))
    }

    @Test func eachClusterIsInstalledInItsOwnStepOnItsOwnNodes() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        for region in plan.regions {
            let commands = script.commands(ofStep: region.cluster.name)
            #expect(commands.filter { $0.name.hasPrefix("k3sup ") }.map(\.name) == ["k3sup install", "k3sup join"])
            let lookups = commands.filter { $0.name == "az network public-ip show" }.compactMap { $0.value(of: "--name") }
            #expect(lookups == region.nodes.map { "\($0.name)-ip" })
        }
    }

    @Test func aChannelIsPassedAsK3sChannel() throws {
        let script = Self.script(try Fixture.smallPlan("fixture-channel", regions: 1, k3s: K3s(channel: "stable")))
        let invocations = script.commands.filter { $0.name.hasPrefix("k3sup ") }
        #expect(invocations.count == 2)
        for invocation in invocations {
            #expect(invocation.value(of: "--k3s-channel") == "stable")
            #expect(!invocation.has("--k3s-version"))
        }
    }

    @Test func aSingleNodeClusterHasNoJoin() throws {
        let script = Self.script(try Fixture.smallPlan("fixture-single", regions: 1, nodes: 1))
        #expect(script.commands.filter { $0.name.hasPrefix("k3sup ") }.map(\.name) == ["k3sup install"])
        let step = try #require(script.steps.first)
        let captures = step.allStatements.compactMap { statement -> String? in
            if case .capture(let variable, _, _) = statement { variable } else { nil }
        }
        #expect(captures == ["server_ip"])
        #expect(step.rendered(number: 1).contains("\n  local server_ip\n"))
    }
}
