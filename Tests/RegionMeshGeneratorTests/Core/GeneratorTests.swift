import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// How the generator composes the components: their steps ordered by phase, their files in one
/// sorted list, each path once.
@Suite struct GeneratorTests {
    private func step(_ name: String, _ phase: PhasedStep.Phase) -> PhasedStep {
        PhasedStep(phase: phase, step: ScriptStep(name: name, title: name, body: []))
    }

    @Test func stepsAreOrderedByPhaseThenComponentThenAsListed() {
        let ordered = Generator.ordered([
            [step("db-a", .database), step("infra-a", .infrastructure), step("db-a2", .database)],
            [step("infra-b", .infrastructure), step("cluster-b", .cluster)],
            [],
            [step("local-d", .localState), step("mesh-d", .podNetwork), step("dns-d", .serviceDiscovery), step("infra-d", .infrastructure)],
        ])
        #expect(ordered.map(\.name) == ["infra-a", "infra-b", "infra-d", "cluster-b", "mesh-d", "dns-d", "db-a", "db-a2", "local-d"])
    }

    @Test func theComponentsComposeSetupAndTeardownInTheDocumentedOrder() throws {
        let scripts = ComposedScripts(try Fixture.smallPlan())
        // Data leaves what goes first; new capacity, mesh, DNS and database next; machines, then
        // networks the plan no longer has, last.
        #expect(scripts.setup.steps.map(\.name) == [
            "decommission", "azure", "k3s", "cilium", "dns", "certificates", "cockroachdb", "init", "verify", "remove-nodes", "retire-networks",
        ])
        #expect(scripts.teardown.steps.map(\.name) == ["azure", "contexts", "secrets"])
        #expect(scripts.components.map(\.path) == [
            "azure/infrastructure.sh", "azure/retire.sh", "azure/teardown.sh", "k3s/install.sh", "k3s/remove-nodes.sh", "cilium/install.sh",
            "cockroachdb/certs.sh", "cockroachdb/apply.sh", "cockroachdb/init.sh", "cockroachdb/decommission.sh",
        ])
        // setup.sh runs each component script through the shared runtime, passing --dry-run and --yes on.
        let runs = scripts.setup.allStatements.compactMap { statement -> String? in
            if case .runScript(let path, _) = statement { path } else { nil }
        }
        #expect(runs == [
            "cockroachdb/decommission.sh", "azure/infrastructure.sh", "k3s/install.sh", "cilium/install.sh", "cockroachdb/certs.sh",
            "cockroachdb/apply.sh", "cockroachdb/init.sh", "k3s/remove-nodes.sh", "azure/retire.sh",
        ])
        // It exports every variable a component script reads (the license among them), the secrets
        // folder, where its logs go, and this machine's public address for the admin-access preflight.
        #expect(Set(scripts.setup.environment.map(\.name)) == [
            "SSH_PUBLIC_KEY_FILE", "SSH_PRIVATE_KEY_FILE", "KUBECONFIG_FILE", "REGIONMESH_SECRETS_DIR", "REGIONMESH_LOG_DIR", "REGIONMESH_ADMIN_IP",
            "COCKROACH_LICENSE", "COCKROACH_LICENSE_FILE", "COCKROACH_ORGANIZATION",
        ])
        // curl finds that address; the preflight requires it like every other tool.
        #expect(scripts.setup.beforeSteps.contains { if case .shell(let text) = $0 { text.hasPrefix("command -v curl ") && text.contains("problems+=") } else { false } })
    }

    @Test func everyArtifactOnceSortedByPath() throws {
        let plan = try Fixture.smallPlan()
        let paths = try Generator.artifacts(for: plan).map(\.path)
        #expect(paths == paths.sorted())
        #expect(Set(paths).count == paths.count)
        for cluster in plan.regions.map(\.cluster.name) {
            // kustomization, Cilium values, the cluster's own DNS (7 objects and a disruption
            // budget for its 2 replicas), CockroachDB.
            #expect(paths.filter { $0.hasPrefix("clusters/\(cluster)/") }.count == 1 + 1 + 8 + 8, "kustomization, values, DNS, CockroachDB")
            #expect(paths.filter { $0.hasPrefix("clusters/\(cluster)/dns/") }.count == 8)
        }
        // gitops/: GitOpsTests.
        #expect(paths.filter { !$0.hasPrefix("clusters/") && !$0.hasPrefix("gitops/") } == [
            "README.md", "azure/cloud-init.yaml", "azure/grow-data-disk.sh", "azure/infrastructure.sh", "azure/retire.sh", "azure/teardown.sh",
            "change-plan.json", "cilium/install.sh", "cockroachdb/apply.sh", "cockroachdb/certs.sh", "cockroachdb/decommission.sh",
            "cockroachdb/init.sh", "k3s/install.sh", "k3s/remove-nodes.sh", "plan.json", "setup.sh", "teardown.sh",
        ])
    }

    @Test func planJSONIsThePlan() throws {
        let plan = try Fixture.smallPlan()
        let json = try #require(try Generator.artifacts(for: plan).first { $0.path == "plan.json" })
        #expect(json.contents == (try JSON.encode(plan)) + "\n")
        #expect(try JSONDecoder().decode(Plan.self, from: Data(json.contents.utf8)) == plan)
    }
}
