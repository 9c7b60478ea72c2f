import RegionMesh
import RegionMeshTestSupport
import Testing
import Yams

@testable import RegionMeshGenerator

/// The Cilium values files and `cilium/install.sh`.
@Suite struct CiliumTests {
    static func generator(_ plan: Plan) -> CiliumGenerator { CiliumGenerator(plan: plan, cilium: plan.cilium) }
    static func script(_ plan: Plan) -> Script { CiliumInstallScript(plan: plan, cilium: plan.cilium).script }

    @Test func valuesOfOneCluster() throws {
        let values = try #require(try Self.generator(try Fixture.smallPlan()).files().first { $0.path == "clusters/crdb-r1/cilium-values.yaml" })
        assertSnapshot(of: values.contents, named: "cilium-values-1.19.yaml")
        #expect(!values.isExecutable)
    }

    @Test func chart118TakesTheListForm() throws {
        let plan = try Fixture.smallPlan("fixture-cilium-118", cilium: "1.18.11")
        let values = try #require(try Self.generator(plan).files().first { $0.path == "clusters/crdb-r1/cilium-values.yaml" })
        assertSnapshot(of: values.contents, named: "cilium-values-1.18.yaml")
        let root = try #require(try Yams.compose(yaml: values.contents))
        let peers = try #require(root["clustermesh"]?["config"]?["clusters"]?.sequence)
        #expect(peers.count == 1)
        let peer = try #require(peers.first?.mapping)
        #expect(peer.map { $0.key.string } == ["name", "ips", "port"])
        #expect(peer["name"]?.string == "crdb-r2")
        #expect(peer["ips"]?.sequence?.compactMap(\.string) == ["10.2.1.4", "10.2.1.5"])
        #expect(peer["port"]?.int == 32379)
        #expect(Self.script(plan).commands.filter { $0.name.hasPrefix("helm upgrade") }.allSatisfy { $0.value(of: "--version") == "1.18.11" })
    }

    @Test func installScriptSharesOneCAMadeOutsideOut() throws {
        let script = Self.script(try Fixture.smallPlan())
        #expect(script.steps.map(\.name) == ["repository", "ca", "ca-secrets", "charts", "wait", "mesh-status"])
        #expect(script.readsTopologyFolder)
        #expect(script.constants.map { "\($0.name)=\($0.value)" } == ["CA_DIR=\"$REGIONMESH_SECRETS_DIR/cilium-ca\""])
        #expect(script.commands(ofStep: "repository").map(\.oneLine) == ["helm repo add cilium https://helm.cilium.io --force-update"])

        let openssl = script.commands(named: "openssl req -x509")
        #expect(openssl.count == 1)
        #expect(openssl.first?.value(of: "-subj") == "/CN=Cilium CA fixture")
        #expect(openssl.first?.value(of: "-keyout") == "\"$CA_DIR/ca.key\"")
        #expect(openssl.first?.value(of: "-days") == "3650")
        // The CA is made once: its creation is guarded by a look-up of the existing key and certificate.
        let guards = script.step("ca")?.allStatements.compactMap { statement -> String? in
            if case .ensure(_, let lookup, let create) = statement, create.flatMap(\.commands).contains(where: { $0.name == "openssl req -x509" }) {
                lookup.name
            } else {
                nil
            }
        }
        #expect(guards == ["ca_exists"])
        // The key is made readable by its owner only, and never base64-encoded into a values file:
        // the values file an earlier version wrote is removed.
        let statements = script.allStatements
        #expect(statements.filter { if case .shell("umask 077") = $0 { true } else { false } }.count == 1)
        #expect(!statements.contains { if case .shell(let text) = $0 { text.contains("base64") } else { false } })
        #expect(script.commands(ofStep: "ca").contains { $0.oneLine == "rm -f \"$CA_DIR/values.yaml\"" })
    }

    @Test func theCAReachesEveryClusterAsASecretAndNeverHelm() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        // Per cluster: the Secret cilium-ca in kube-system, made from the CA files and applied (so a
        // second run updates it in place), through the cluster's context.
        let secrets = try #require(script.step("ca-secrets")).body.compactMap { statement -> (ShellCommand, ShellCommand)? in
            if case .pipeline(let first, let second) = statement { (first, second) } else { nil }
        }
        #expect(secrets.count == plan.regions.count)
        for ((create, apply), region) in zip(secrets, plan.regions) {
            #expect(create.name == "kubectl create secret generic cilium-ca")
            #expect(create.value(of: "--namespace") == "kube-system")
            #expect(create.values(of: "--from-file") == ["ca.crt=\"$CA_DIR/ca.crt\"", "ca.key=\"$CA_DIR/ca.key\""])
            #expect(create.has("--dry-run=client") && create.value(of: "--output") == "yaml")
            #expect(apply.name == "kubectl apply" && apply.value(of: "--filename") == "-")
            #expect(apply.value(of: "--context") == region.cluster.context)
        }
        // The Secret exists before the chart that signs with it is installed.
        let names = script.steps.map(\.name)
        let secretsStep = try #require(names.firstIndex(of: "ca-secrets"))
        let chartsStep = try #require(names.firstIndex(of: "charts"))
        #expect(secretsStep < chartsStep)
        // No helm call carries the CA: no --set of it, no values file but the cluster's.
        for helm in script.commands.filter({ $0.name.hasPrefix("helm ") }) {
            #expect(!helm.words.contains { $0.contains("CA_DIR") || $0.contains("ca.key") || $0.contains("tls.ca") }, "\(helm.oneLine)")
            #expect(!helm.has("--set") && !helm.has("--set-string") && !helm.has("--set-file"), "\(helm.oneLine)")
        }
    }

    @Test func theValuesLetCertgenSignWithTheSharedCAAndNeverMakeOne() throws {
        let values = try #require(try Self.generator(try Fixture.smallPlan()).files().first { $0.path == "clusters/crdb-r2/cilium-values.yaml" })
        let root = try #require(try Yams.compose(yaml: values.contents))
        #expect(root["certgen"]?["generateCA"]?.bool == false)
        let mesh = try #require(root["clustermesh"]?["apiserver"]?["tls"]?["auto"])
        #expect(mesh["enabled"]?.bool == true)
        #expect(mesh["method"]?.string == "cronJob")
        #expect(mesh["schedule"]?.string == "0 0 1 */4 *")
        #expect(root["hubble"]?["tls"]?["auto"]?["method"]?.string == "cronJob")
        // Neither the CA nor any other certificate is a value.
        #expect(root["tls"] == nil)
        #expect(root["clustermesh"]?["apiserver"]?["tls"]?["ca"] == nil)
        let settings = values.contents.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!settings.contains { $0.contains("key") || $0.contains("cert:") }, "a key is named only in the header comment")
    }

    @Test func installScriptInstallsEveryClusterWithOnlyItsOwnValuesFile() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.script(plan)
        let helm = script.commands(ofStep: "charts")
        #expect(helm.count == plan.regions.count)
        for (region, command) in zip(plan.regions, helm) {
            #expect(command.name == "helm upgrade --install cilium cilium/cilium")
            #expect(command.value(of: "--version") == "1.19.5")
            #expect(command.value(of: "--namespace") == "kube-system")
            #expect(command.value(of: "--kube-context") == region.cluster.context)
            #expect(command.value(of: "--kubeconfig") == "\"$KUBECONFIG_FILE\"")
            #expect(command.values(of: "--values") == ["\"$TOPOLOGY_DIR/clusters/\(region.cluster.name)/cilium-values.yaml\""])
        }
        let waits = script.commands(ofStep: "wait").map(\.name)
        #expect(waits.filter { $0 == "kubectl rollout status deployment/clustermesh-apiserver" }.count == plan.regions.count)
        #expect(waits.filter { $0 == "kubectl rollout status daemonset/cilium" }.count == plan.regions.count)
        let status = script.commands(ofStep: "mesh-status")
        #expect(status.map(\.oneLine) == plan.regions.map { "cilium clustermesh status --context \($0.cluster.context) --wait" })
        let skips = script.step("mesh-status")?.allStatements.contains {
            if case .info(let text) = $0 { text.hasPrefix("the cilium CLI is not installed: skipping") } else { false }
        }
        #expect(skips == true)
        #expect(!script.tools.contains { $0.name == "cilium" }, "the cilium CLI is optional")
    }

    @Test func valuesPathsFollowTheClusters() throws {
        let paths = try Self.generator(try examplePlan("crdb-three-region")).files().map(\.path)
        #expect(paths == ["clusters/crdb-eastus/cilium-values.yaml", "clusters/crdb-westus/cilium-values.yaml", "clusters/crdb-northeurope/cilium-values.yaml"])
        #expect(Self.generator(try examplePlan("crdb-three-region")).scripts().map(\.path) == ["cilium/install.sh"])
    }
}
