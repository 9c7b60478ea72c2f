import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing
import Topologies

@testable import RegionMeshGenerator

/// Runs the generated scripts of the seed topology for real, against recording stand-ins of every
/// tool they call (see ``ScriptWorld``).
@Suite(.serialized) struct ScriptRunTests {
    static let topology = TopologyRegistry.named("crdb-three-region")!
    let plan: Plan

    init() throws { plan = try examplePlan("crdb-three-region") }

    var resourceGroup: String { plan.azure.resourceGroup }

    /// The steps of `setup.sh`, in order.
    static let setupSteps = [
        "decommission", "azure", "k3s", "cilium", "dns", "certificates", "cockroachdb", "init", "verify", "remove-nodes", "retire-networks",
    ]

    static func creates(_ calls: [String]) -> [String] {
        calls.filter { $0.hasPrefix("az ") && $0.contains(" create ") }
    }

    /// The step banners `setup.sh` printed, in order.
    static func setupBanners(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("==> setup.sh ") }.map(String.init)
    }

    @Test func setupRunsEveryStepInOrderAndASecondRunCreatesNothingNew() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "setup.sh failed:\n\(first.stderr.suffix(3000))")

        // The steps ran in order, each announced.
        let steps = ComposedScripts(plan).setup.steps
        #expect(steps.map(\.name) == Self.setupSteps)
        #expect(Self.setupBanners(first.stderr) == steps.enumerated().map { "==> setup.sh \($0.offset + 1)/\(Self.setupSteps.count): \($0.element.title)" })

        // Every Azure resource was created exactly once.
        let creates = Self.creates(first.calls)
        #expect(creates.count == 49, "1 group, 3 VNets, 6 peerings, 3 NSGs, 9 rules, 9 public IPs, 9 NICs, 9 VMs")
        #expect(Set(creates).count == creates.count)

        // Before that, capacity: every location's size, and its vCPU and public IP quotas, each from its own API.
        #expect(first.calls.filter { $0.hasPrefix("az vm list-skus ") }.count == 3)
        let computeQuotas = first.calls.filter { $0.hasPrefix("az vm list-usage ") }
        let networkQuotas = first.calls.filter { $0.hasPrefix("az network list-usages ") }
        #expect(computeQuotas.count == 6 && computeQuotas.allSatisfy { $0.contains("'cores'") || $0.contains("'standardDSv5Family'") })
        #expect(networkQuotas.count == 9 && networkQuotas.allSatisfy { $0.contains("PublicIPAddresses'") || $0.contains("PublicIpAddresses'") })
        #expect(try #require(first.calls.lastIndex { $0.hasPrefix("az network list-usages ") }) < (try #require(first.calls.firstIndex(of: creates[0]))))

        // VMs are created together (--no-wait), then each is waited for until Azure has provisioned it.
        let vmCreates = first.calls.indices.filter { first.calls[$0].hasPrefix("az vm create ") }
        let waits = first.calls.indices.filter { first.calls[$0].hasPrefix("az vm show ") && first.calls[$0].hasSuffix(" --query provisioningState --output tsv") }
        #expect(vmCreates.count == 9 && vmCreates.allSatisfy { first.calls[$0].hasSuffix(" --no-wait") })
        #expect(waits.count == 9)
        #expect(try #require(vmCreates.max()) < (try #require(waits.min())))

        // k3s on every node before Helm runs; Helm once per cluster with its values only: the shared CA
        // is a Secret certgen reads, never a Helm value.
        let k3sup = first.calls.indices.filter { first.calls[$0].hasPrefix("k3sup ") }
        #expect(first.calls.filter { $0.hasPrefix("k3sup install ") }.count == 3)
        #expect(first.calls.filter { $0.hasPrefix("k3sup join ") }.count == 6)
        let helmInstalls = first.calls.indices.filter { first.calls[$0].hasPrefix("helm upgrade --install cilium ") }
        #expect(helmInstalls.count == 3)
        #expect(try #require(k3sup.max()) < (try #require(helmInstalls.min())))
        let secrets = world.home.appendingPathComponent(".regionmesh/\(plan.name)").path
        for (region, index) in zip(plan.regions, helmInstalls) {
            let call = first.calls[index]
            #expect(call.contains("--kube-context \(region.cluster.context) "))
            #expect(call.contains("--values \(world.tree.path)/\(CiliumInstallScript.valuesPath(region))"))
            #expect(!call.contains(secrets) && !call.contains("--set"))
        }

        // The DNS objects are applied in every cluster before the database's manifests.
        let dnsApplies = first.calls.indices.filter { first.calls[$0].hasPrefix("kubectl apply ") && first.calls[$0].hasSuffix("/dns") }
        #expect(dnsApplies.map { first.calls[$0] } == plan.regions.map {
            "kubectl apply --kubeconfig \(world.home.path)/.kube/config --context \($0.cluster.context) --filename \(world.tree.path)/clusters/\($0.cluster.name)/dns"
        })

        // cockroach init ran exactly once, in the first region, after the manifests were applied.
        let inits = first.calls.indices.filter { first.calls[$0].hasPrefix("kubectl exec") && first.calls[$0].contains("/cockroach/cockroach init ") }
        #expect(inits.count == 1)
        #expect(inits.first.map { first.calls[$0].contains("--context crdb-eastus ") } == true)
        let applies = first.calls.indices.filter { first.calls[$0].hasPrefix("kubectl apply ") && first.calls[$0].contains(" --kustomize ") }
        #expect(applies.count == 3)
        #expect(try #require(dnsApplies.max()) < (try #require(applies.min())))
        #expect(try #require(applies.max()) < (try #require(inits.first)))

        // No certificate or key was written into the generated tree; they are in the secrets folder.
        let treeFiles = try FileManager.default.subpathsOfDirectory(atPath: world.tree.path)
        #expect(!treeFiles.contains { $0.hasSuffix(".key") || $0.hasSuffix(".crt") })
        #expect(world.homeFiles.contains(".regionmesh/\(plan.name)/cilium-ca/ca.key"))
        #expect(world.homeFiles.contains(".regionmesh/\(plan.name)/cockroachdb/nodes/westus/node.crt"))

        // A second run finds everything in place and creates nothing new; it brings what exists to
        // the plan (tags, NSG rules) and deletes nothing.
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "second setup.sh failed:\n\(second.stderr.suffix(3000))")
        #expect(Self.creates(second.calls).isEmpty)
        #expect(!second.calls.contains { $0.hasPrefix("k3sup ") })
        #expect(!second.calls.contains { $0.hasPrefix("cockroach cert create-ca") || $0.hasPrefix("openssl req") })
        #expect(!second.calls.contains { $0.hasPrefix("az group update ") }, "the group is this topology's already")
        #expect(second.calls.filter { $0.hasPrefix("az network nsg rule update ") }.count == 9)
        // Peerings are listed once per VNet and, matching the plan, left alone.
        #expect(second.calls.filter { $0.hasPrefix("az network vnet peering list ") && $0.contains("peeringState") }.count == 3)
        #expect(!second.calls.contains { $0.hasPrefix("az network vnet peering update ") || $0.hasPrefix("az network vnet peering show ") })
        #expect(!second.calls.contains { $0.hasPrefix("az ") && $0.contains(" delete ") })
        #expect(second.stderr.contains("what exists matches the plan wherever it cannot change in place"))
    }

    @Test func resumesFromAStep() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let only = try world.run("setup.sh", ["--only", "azure"])
        #expect(only.status == 0, "\(only.stderr.suffix(2000))")
        #expect(Self.setupBanners(only.stderr).count == 1)
        #expect(!only.calls.contains { $0.hasPrefix("k3sup ") })
        let resumed = try world.run("setup.sh", ["--from", "k3s"])
        #expect(resumed.status == 0, "\(resumed.stderr.suffix(2000))")
        #expect(Self.creates(resumed.calls).isEmpty, "the azure step was skipped")
        #expect(resumed.calls.contains { $0.hasPrefix("k3sup install ") })
        #expect(Self.setupBanners(resumed.stderr).first?.hasPrefix("==> setup.sh 3/\(Self.setupSteps.count): ") == true)
        let unknown = try world.run("setup.sh", ["--only", "nonsense"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: unknown step nonsense; the steps are: \(Self.setupSteps.joined(separator: " "))"))
        #expect(unknown.calls.isEmpty)
    }

    @Test func aFailureNamesTheStepAndHowToResume() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let failHelm = world.state.appendingPathComponent("fail-helm")
        _ = FileManager.default.createFile(atPath: failHelm.path, contents: nil)
        let failed = try world.run("setup.sh")
        #expect(failed.status != 0)
        let cilium = world.tree.appendingPathComponent("cilium/install.sh").path
        let setup = world.tree.appendingPathComponent("setup.sh").path
        #expect(failed.stderr.contains(
            "error: cilium/install.sh stopped in step repository; after fixing the cause, resume with: \(cilium) --from repository"), "\(failed.stderr.suffix(1500))")
        #expect(failed.stderr.contains("error: setup.sh stopped in step cilium; after fixing the cause, resume with: \(setup) --from cilium"))
        #expect(!failed.calls.contains { $0.hasPrefix("kubectl apply ") }, "nothing after the failed step ran")

        try FileManager.default.removeItem(at: failHelm)
        let resumed = try world.run("setup.sh", ["--from", "cilium"])
        #expect(resumed.status == 0, "\(resumed.stderr.suffix(2000))")
        #expect(Self.creates(resumed.calls).isEmpty)
        #expect(!resumed.calls.contains { $0.hasPrefix("k3sup ") })
        #expect(resumed.calls.filter { $0.hasPrefix("helm upgrade --install cilium ") }.count == 3)
        #expect(!resumed.stderr.contains("stopped in step"))
    }

    @Test func dryRunPrintsEveryCommandAndCallsNothing() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        for run in [try world.run("setup.sh", environment: ["DRY_RUN": "1"]), try world.run("setup.sh", ["--dry-run"])] {
            #expect(run.status == 0, "\(run.stderr.suffix(2000))")
            #expect(run.calls.isEmpty)
            #expect(run.stdout.contains("az group create --name \(resourceGroup)"))
            #expect(run.stdout.contains("k3sup install"))
            #expect(run.stdout.contains("helm upgrade --install cilium cilium/cilium"))
            #expect(run.stdout.contains("cockroach cert create-ca"))
            #expect(Self.setupBanners(run.stderr).count == Self.setupSteps.count)
        }
        #expect(world.homeFiles.allSatisfy { $0.hasPrefix(".ssh") }, "a dry run writes nothing: \(world.homeFiles)")
    }

    @Test func aFailedPreflightCreatesNothing() throws {
        let world = try ScriptWorld(Self.topology, missing: ["helm"])
        defer { world.remove() }
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("error: helm is not installed; get it from https://helm.sh"))
        #expect(run.stderr.contains("preflight failed; nothing was created"))
        #expect(Self.creates(run.calls).isEmpty)
        #expect(run.calls.allSatisfy { $0.hasPrefix("az account show") || $0 == "curl -fsS --max-time 10 https://api.ipify.org" }, "only look-ups: \(run.calls)")
        #expect(Self.setupBanners(run.stderr).isEmpty)
    }

    @Test func aMissingAzureLoginIsNamed() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        _ = FileManager.default.createFile(atPath: world.state.appendingPathComponent("fail-az").path, contents: nil)
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("the Azure CLI is not logged in; run az login"))
        #expect(Self.creates(run.calls).isEmpty)
    }

    @Test func teardownDeletesExactlyTheResourceGroupAndContextsAndIsSafeTwice() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        #expect(try world.run("setup.sh").status == 0)
        let teardown = try world.run("teardown.sh", ["--yes"])
        #expect(teardown.status == 0, "\(teardown.stderr.suffix(2000))")
        #expect(teardown.stderr.split(separator: "\n").filter { $0.hasPrefix("==> teardown.sh ") }.count == 3, "azure, contexts, secrets")
        let deletes = teardown.calls.filter { $0.contains(" delete") }
        #expect(deletes.filter { $0.hasPrefix("az ") } == ["az group delete --name \(resourceGroup) --yes"])
        let contexts = plan.regions.map(\.cluster.context)
        #expect(deletes.filter { $0.hasPrefix("kubectl config delete-context ") }.map { String($0.split(separator: " ")[3]) } == contexts)
        let unsets = teardown.calls.filter { $0.hasPrefix("kubectl config unset ") }.map { String($0.split(separator: " ")[3]) }
        #expect(unsets == contexts.flatMap { ["clusters.\($0)", "users.\($0)"] })
        #expect(FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".regionmesh/\(plan.name)").path), "secrets are kept by default")

        let again = try world.run("teardown.sh", ["--yes"])
        #expect(again.status == 0)
        #expect(!again.calls.contains { $0.contains(" delete") })
        #expect(again.stderr.contains("resource group \(resourceGroup) does not exist"))
        #expect(again.stderr.contains("kube context crdb-eastus does not exist"))
    }

    @Test func teardownDeletesTheSecretsOnlyWhenAsked() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        #expect(try world.run("setup.sh").status == 0)
        let teardown = try world.run("teardown.sh", ["--yes", "--delete-secrets"])
        #expect(teardown.status == 0, "\(teardown.stderr.suffix(2000))")
        #expect(!FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".regionmesh/\(plan.name)").path))
    }

    @Test func aDryRunTeardownPrintsTheDeleteAndCallsNothing() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("teardown.sh", ["--dry-run"])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(run.calls.isEmpty)
        #expect(run.stdout.contains("az group delete --name \(resourceGroup) --yes"))
        #expect(run.stdout.contains("kubectl config delete-context crdb-eastus"))
    }

    @Test func teardownWithoutATerminalOrYesRefuses() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("teardown.sh", answeringYes: false)
        #expect(run.status != 0)
        #expect(run.stderr.contains("Not confirmed: run with --yes"))
        #expect(!run.calls.contains { $0.contains(" delete") })
    }

    @Test func everyScriptPrintsItsHelpAndRefusesAnUnknownArgumentWithoutSideEffects() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let scripts = try Generator.artifacts(for: plan).filter(\.isExecutable).map(\.path)
        #expect(scripts == [
            "azure/infrastructure.sh", "azure/retire.sh", "azure/teardown.sh", "cilium/install.sh", "cockroachdb/apply.sh",
            "cockroachdb/certs.sh", "cockroachdb/decommission.sh", "cockroachdb/init.sh", "k3s/install.sh", "k3s/remove-nodes.sh",
            "setup.sh", "teardown.sh",
        ])
        let steps = Dictionary(uniqueKeysWithValues: ComposedScripts(plan).all.map { ($0.path, $0.steps.map(\.name)) })
        for script in scripts {
            let help = try world.run(script, ["--help"])
            #expect(help.status == 0, "\(script) --help: \(help.stderr)")
            #expect(help.stdout.hasPrefix("Usage: \(script) [--dry-run] [--yes] [--from STEP | --only STEP]"), "\(script)")
            for (index, step) in (steps[script] ?? []).enumerated() {
                #expect(help.stdout.contains("\n  \(index + 1). \(step) "), "\(script) --help lists step \(step)")
            }
            #expect(help.stderr.isEmpty, "\(script) --help: \(help.stderr)")
            #expect(help.calls.isEmpty, "\(script) --help called \(help.calls)")

            let unknown = try world.run(script, ["--bogus"])
            #expect(unknown.status == 2, "\(script) --bogus")
            #expect(unknown.stderr.hasSuffix("error: unknown argument --bogus\n"), "\(script): \(unknown.stderr.suffix(300))")
            #expect(unknown.calls.isEmpty, "\(script) --bogus called \(unknown.calls)")

            let dryRun = try world.run(script, ["--dry-run"], answeringYes: false)
            #expect(dryRun.status == 0, "\(script) --dry-run: \(dryRun.stderr.suffix(500))")
            #expect(dryRun.calls.isEmpty, "\(script) --dry-run called \(dryRun.calls)")
        }
        #expect(world.homeFiles.allSatisfy { $0.hasPrefix(".ssh") }, "nothing was written: \(world.homeFiles)")
    }
}
