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
        #expect(script.steps.map(\.name) == ["repository", "ca", "charts", "wait", "mesh-status"])
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
        // Keys are made and passed on readable by their owner only, and without base64 -w0 (macOS lacks it).
        let statements = script.allStatements
        #expect(statements.filter { if case .shell("umask 077") = $0 { true } else { false } }.count == 2)
        #expect(statements.contains { if case .shell(let text) = $0 { text.contains("base64 <\"$CA_DIR/ca.key\" | tr -d '\\n'") } else { false } })
        #expect(!statements.contains { if case .shell(let text) = $0 { text.contains("-w0") } else { false } })
    }

    @Test func installScriptInstallsEveryClusterWithItsValuesThenTheCA() throws {
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
            #expect(command.values(of: "--values") == ["\"$TOPOLOGY_DIR/clusters/\(region.cluster.name)/cilium-values.yaml\"", "\"$CA_DIR/values.yaml\""])
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
