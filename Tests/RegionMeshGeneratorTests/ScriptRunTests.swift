import Foundation
import RegionMesh
import Testing
import Topologies

@testable import RegionMeshGenerator

/// Runs the generated `setup.sh` and `teardown.sh` of the seed topology for real, against
/// recording stand-ins of every tool they call (see ``ScriptWorld``).
@Suite(.serialized) struct ScriptRunTests {
    static let topology = TopologyRegistry.named("crdb-three-region")!
    static let plan = Fixtures.plan(topology)
    static let resourceGroup = plan.azure.resourceGroup

    static func creates(_ calls: [String]) -> [String] {
        calls.filter { $0.hasPrefix("az ") && $0.contains(" create ") }
    }

    @Test func setupRunsEveryStepInOrderAndASecondRunCreatesNothingNew() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "setup.sh failed:\n\(first.stderr.suffix(3000))")

        // The steps ran in order, each announced.
        let banners = first.stderr.split(separator: "\n").filter { $0.hasPrefix("==> Step ") }.map(String.init)
        #expect(banners == SetupStep.allCases.enumerated().map { "==> Step \($0.offset + 1)/\(SetupStep.allCases.count): \($0.element.rawValue)" })

        // Every Azure resource was created exactly once.
        let creates = Self.creates(first.calls)
        #expect(creates.count == 49, "1 group, 3 VNets, 6 peerings, 3 NSGs, 9 rules, 9 public IPs, 9 NICs, 9 VMs")
        #expect(Set(creates).count == creates.count)

        // k3s on every node before Helm runs; Helm once per cluster with its values and the shared CA.
        let k3sup = first.calls.indices.filter { first.calls[$0].hasPrefix("k3sup ") }
        #expect(first.calls.filter { $0.hasPrefix("k3sup install ") }.count == 3)
        #expect(first.calls.filter { $0.hasPrefix("k3sup join ") }.count == 6)
        let helmInstalls = first.calls.indices.filter { first.calls[$0].hasPrefix("helm upgrade --install cilium ") }
        #expect(helmInstalls.count == 3)
        #expect(k3sup.max()! < helmInstalls.min()!)
        let secrets = world.home.appendingPathComponent(".regionmesh/\(Self.plan.name)").path
        for (region, index) in zip(Self.plan.regions, helmInstalls) {
            let call = first.calls[index]
            #expect(call.contains("--kube-context \(region.cluster.context) "))
            #expect(call.contains("--values \(world.tree.path)/\(ArtifactPaths.ciliumValues(region.cluster)) --values \(secrets)/cilium-ca/values.yaml"))
        }

        // cockroach init ran exactly once, in the first region, after the manifests were applied.
        let inits = first.calls.indices.filter { first.calls[$0].hasPrefix("kubectl exec") && first.calls[$0].contains(" init") }
        #expect(inits.count == 1)
        let applies = first.calls.indices.filter { first.calls[$0].hasPrefix("kubectl apply ") && first.calls[$0].contains(" --kustomize ") }
        #expect(applies.count == 3)
        #expect(applies.max()! < inits[0])

        // No certificate or key was written into the generated tree.
        let treeFiles = try FileManager.default.subpathsOfDirectory(atPath: world.tree.path)
        #expect(!treeFiles.contains { $0.hasSuffix(".key") || $0.hasSuffix(".crt") })

        // A second run finds everything in place and creates nothing new.
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "second setup.sh failed:\n\(second.stderr.suffix(3000))")
        #expect(Self.creates(second.calls).isEmpty)
        #expect(!second.calls.contains { $0.hasPrefix("k3sup ") })
        #expect(!second.calls.contains { $0.hasPrefix("cockroach cert create-ca") || $0.hasPrefix("openssl req") })
    }

    @Test func resumesFromAStep() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        #expect(try world.run("setup.sh", ["--only", "azure"]).status == 0)
        let resumed = try world.run("setup.sh", ["--from", "k3s"])
        #expect(resumed.status == 0, "\(resumed.stderr.suffix(2000))")
        #expect(Self.creates(resumed.calls).isEmpty, "the azure step was skipped")
        #expect(resumed.calls.contains { $0.hasPrefix("k3sup install ") })
        let unknown = try world.run("setup.sh", ["--only", "nonsense"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown step nonsense; the steps are: azure k3s"))
    }

    @Test func dryRunPrintsEveryCommandAndCallsNothing() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("setup.sh", environment: ["DRY_RUN": "1"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(run.calls.isEmpty)
        #expect(run.stdout.contains("az group create --name \(Self.resourceGroup)"))
        #expect(run.stdout.contains("k3sup install"))
        #expect(run.stdout.contains("helm upgrade --install cilium cilium/cilium"))
        #expect(!FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".regionmesh").path), "a dry run writes nothing")
    }

    @Test func aFailedPreflightCreatesNothing() throws {
        let world = try ScriptWorld(Self.topology, missing: ["helm"])
        defer { world.remove() }
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("error: helm is not installed; get it from https://helm.sh"))
        #expect(run.stderr.contains("preflight failed; nothing was created"))
        #expect(Self.creates(run.calls).isEmpty)
        #expect(run.calls.allSatisfy { $0.hasPrefix("az account show") }, "only look-ups: \(run.calls)")
    }

    @Test func aMissingAzureLoginIsNamed() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        _ = FileManager.default.createFile(atPath: world.state.appendingPathComponent("fail-az").path, contents: nil)
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("the Azure CLI is not logged in; run az login"))
    }

    @Test func teardownDeletesExactlyTheResourceGroupAndContextsAndIsSafeTwice() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        #expect(try world.run("setup.sh").status == 0)
        let teardown = try world.run("teardown.sh", ["--yes"])
        #expect(teardown.status == 0, "\(teardown.stderr.suffix(2000))")
        let deletes = teardown.calls.filter { $0.contains(" delete") }
        #expect(deletes.filter { $0.hasPrefix("az ") } == ["az group delete --name \(Self.resourceGroup) --yes"])
        let contexts = Self.plan.regions.map(\.cluster.context)
        #expect(deletes.filter { $0.hasPrefix("kubectl config delete-context ") }.map { $0.split(separator: " ")[3] }.map(String.init) == contexts)
        #expect(FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".regionmesh/\(Self.plan.name)").path), "secrets are kept by default")

        let again = try world.run("teardown.sh", ["--yes"])
        #expect(again.status == 0)
        #expect(!again.calls.contains { $0.contains(" delete") })
        #expect(again.stderr.contains("does not exist; nothing to delete"))
    }

    @Test func teardownWithoutATerminalOrYesRefuses() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("teardown.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("Not confirmed: run with --yes"))
        #expect(!run.calls.contains { $0.contains(" delete") })
    }
}
