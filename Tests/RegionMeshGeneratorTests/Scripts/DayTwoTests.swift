import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// Changes to a running deployment (#13), applied for real against the stand-ins (``ScriptWorld``):
/// each scenario sets a deployment up, changes its topology, regenerates, runs `setup.sh` again and
/// checks the order of what happened and that nothing else changed.
@Suite(.serialized) struct DayTwoTests {
    static let resourceGroup = Fixture.resourceGroup

    /// A fixture deployment of `regions` regions; `nodes(n)` gives region n's node count.
    static func topology(regions: Int, nodes: (Int) -> Int = { _ in 3 }, defaults: [any SettingStatement] = []) -> Topology {
        Fixture.topology(regions: regions, defaults: defaults) { n in
            if nodes(n) != 3 { Nodes(nodes(n)) }
        }
    }

    /// A world whose deployment was set up from `topology`.
    static func running(_ topology: Topology) throws -> ScriptWorld {
        let world = try ScriptWorld(topology)
        let setup = try world.run("setup.sh")
        #expect(setup.status == 0, "the first setup.sh failed:\n\(setup.stderr.suffix(2000))")
        return world
    }

    static func creates(_ calls: [String]) -> [String] {
        calls.filter { $0.hasPrefix("az ") && $0.contains(" create ") }
    }

    static func deletes(_ calls: [String]) -> [String] {
        calls.filter { $0.hasPrefix("az ") && $0.contains(" delete ") }
    }

    /// The index of the first call that starts with `prefix` and contains every one of `parts`.
    static func first(_ calls: [String], _ prefix: String, _ parts: String...) throws -> Int {
        try #require(calls.firstIndex { call in call.hasPrefix(prefix) && parts.allSatisfy { call.contains($0) } }, "no call \(prefix) \(parts)")
    }

    static func last(_ calls: [String], _ prefix: String, _ parts: String...) throws -> Int {
        try #require(calls.lastIndex { call in call.hasPrefix(prefix) && parts.allSatisfy { call.contains($0) } }, "no call \(prefix) \(parts)")
    }

    @Test func addingARegionCreatesOnlyItAndRestartsTheOthersOneRegionAtATime() throws {
        let world = try Self.running(Self.topology(regions: 3))
        defer { world.remove() }
        let before = world.events.count
        let generation = try world.regenerate(Self.topology(regions: 4))
        #expect(generation.wrote, "adding a region needs no acknowledgement")
        let changes = try #require(generation.changePlans.first)
        #expect(changes.changes.contains { $0.region == "r4" && $0.kind == .added && $0.resource == "region r4" })
        #expect(changes.changes.filter { $0.kind == .rollingRestart }.map(\.region) == ["r1", "r2", "r3"])

        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let calls = run.calls
        // Only the new region's resources are created: its VNet, NSG, nodes, and the peerings to and from it.
        let creates = Self.creates(calls)
        #expect(!creates.isEmpty && creates.allSatisfy { $0.contains("crdb-r4") || $0.contains("-to-r4") }, "\(creates.filter { !$0.contains("r4") })")
        #expect(creates.filter { $0.hasPrefix("az network vnet peering create ") }.count == 6)
        #expect(creates.filter { $0.hasPrefix("az vm create ") }.count == 3)
        #expect(Self.deletes(calls).isEmpty)
        #expect(calls.filter { $0.hasPrefix("k3sup install ") }.map { $0.contains("--context crdb-r4") } == [true])
        #expect(!world.events.dropFirst(before).contains { $0.hasPrefix("decommission") })

        // The mesh and the DNS of every cluster follow once the new cluster exists.
        let newCluster = try Self.last(calls, "k3sup ")
        for cluster in ["crdb-r1", "crdb-r2", "crdb-r3", "crdb-r4"] {
            #expect(try Self.first(calls, "helm upgrade --install cilium ", "--kube-context \(cluster) ") > newCluster)
            #expect(try Self.first(calls, "kubectl apply ", "--context \(cluster) ", "/dns") > newCluster)
        }
        let values = try String(contentsOf: world.tree.appendingPathComponent("clusters/crdb-r1/cilium-values.yaml"), encoding: .utf8)
        #expect(values.contains("crdb-r4:"), "cluster r1's mesh has the new peer")

        // Each existing region restarts (its join addresses changed), one region at a time: the next
        // region's folder is applied only after this one has rolled out and is healthy.
        let restarts = world.events.dropFirst(before).filter { $0.hasPrefix("restart ") }
        #expect(Set(restarts.map { $0.split(separator: " ")[1] }) == ["crdb-r1", "crdb-r2", "crdb-r3"])
        for (region, next) in [("r1", "r2"), ("r2", "r3"), ("r3", "r4")] {
            let rolledOut = try Self.first(calls, "kubectl rollout status statefulset/cockroachdb ", "--context crdb-\(region) ")
            let healthy = try Self.first(calls, "kubectl exec ", "--context crdb-\(region) ", "ranges.underreplicated")
            let nextApply = try Self.first(calls, "kubectl apply ", "--context crdb-\(next) ", "--kustomize")
            #expect(rolledOut < healthy && healthy < nextApply, "\(region) is rolled out and healthy before \(next) is applied")
        }
        // The new nodes are live: twelve CockroachDB nodes, none decommissioned.
        #expect(world.databaseNodes.count == 12 && world.databaseNodes.allSatisfy { $0.membership == "active" })
        #expect(run.stderr.contains("12 live nodes in 4 regions"))

        // And a run after that changes nothing.
        let again = try world.run("setup.sh")
        #expect(again.status == 0)
        #expect(Self.creates(again.calls).isEmpty && Self.deletes(again.calls).isEmpty)
        #expect(!world.events.dropFirst(before + restarts.count).contains { $0.hasPrefix("restart ") })
    }

    @Test func removingARegionDecommissionsItsNodesThenLeavesTheMeshThenDeletesOnlyItsResources() throws {
        let world = try Self.running(Self.topology(regions: 4))
        defer { world.remove() }
        let before = world.events.count
        let removedNodes = world.databaseNodes.filter { $0.address.contains(".r4.") }.map(\.id)
        #expect(removedNodes.count == 3)

        // Refused without the acknowledgement; nothing is written.
        let readme = try String(contentsOf: world.tree.appendingPathComponent("README.md"), encoding: .utf8)
        let refused = try world.regenerate(Self.topology(regions: 3))
        #expect(!refused.wrote)
        #expect(refused.blocker == .unacknowledgedChanges(refused.changePlans))
        #expect(try String(contentsOf: world.tree.appendingPathComponent("README.md"), encoding: .utf8) == readme)
        #expect(try world.regenerate(Self.topology(regions: 3), allowDestructiveChanges: true).wrote)

        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let calls = run.calls
        let events = Array(world.events.dropFirst(before))
        #expect(events.first == "decommission \(removedNodes.map(String.init).joined(separator: " "))", "\(events)")
        #expect(world.databaseNodes.filter { removedNodes.contains($0.id) }.allSatisfy { $0.membership == "decommissioned" })

        // Decommissioned first, then the mesh and DNS of the three others, then the deletes.
        let decommission = try Self.first(calls, "kubectl exec ", "node decommission")
        let firstHelm = try Self.first(calls, "helm upgrade --install cilium ")
        let firstDelete = try #require(calls.firstIndex { $0.hasPrefix("az ") && $0.contains(" delete ") })
        let lastDNS = try Self.last(calls, "kubectl apply ", "/dns")
        #expect(decommission < firstHelm && lastDNS < firstDelete)
        #expect(!calls.contains { $0.hasPrefix("helm ") && $0.contains("crdb-r4") })
        #expect(!calls.contains { $0.hasPrefix("kubectl apply ") && $0.contains("crdb-r4") })

        // Only region r4's resources are deleted: its VMs (with their disks), NICs, public IPs, the
        // peerings on both sides, its VNet and NSG; then its kube context.
        let deletes = Self.deletes(calls)
        #expect(deletes.allSatisfy { $0.contains("crdb-r4") || $0.contains("-to-r4") }, "\(deletes)")
        #expect(deletes.filter { $0.hasPrefix("az vm delete ") }.count == 3)
        #expect(deletes.filter { $0.hasPrefix("az network nic delete ") }.count == 3)
        #expect(deletes.filter { $0.hasPrefix("az network public-ip delete ") }.count == 3)
        #expect(deletes.filter { $0.hasPrefix("az network vnet peering delete ") }.count == 3, "r1, r2, r3 to r4; r4's own go with its VNet")
        #expect(deletes.contains("az network vnet delete --resource-group \(Self.resourceGroup) --name crdb-r4-vnet"))
        #expect(deletes.contains("az network nsg delete --resource-group \(Self.resourceGroup) --name crdb-r4-nsg"))
        #expect(try Self.last(calls, "az vm delete ") < (try Self.first(calls, "az network vnet delete ")))
        #expect(calls.contains { $0.hasPrefix("kubectl config delete-context crdb-r4 ") })
        #expect(!FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".regionmesh/fixture/kubeconfig/crdb-r4.yaml").path))
        #expect(run.stderr.contains("9 live nodes in 3 regions"))

        let again = try world.run("setup.sh")
        #expect(again.status == 0)
        #expect(Self.deletes(again.calls).isEmpty && Self.creates(again.calls).isEmpty)
    }

    @Test func aRegionThatADatabaseStillUsesIsNotDecommissioned() throws {
        let world = try Self.running(Self.topology(regions: 4))
        defer { world.remove() }
        try world.setDatabases([(name: "bank", regions: ["eastus", "westus", "northeurope", "westeurope"], survival: "zone")])
        try world.regenerate(Self.topology(regions: 3), allowDestructiveChanges: true)
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains(
            "region westeurope goes, but database(s) bank still have it: move their data, run ALTER DATABASE <name> DROP REGION \"westeurope\" for each, then run this script again"))
        #expect(!world.events.contains { $0.hasPrefix("decommission") })
        #expect(Self.creates(run.calls).isEmpty && Self.deletes(run.calls).isEmpty)
    }

    @Test func scalingARegionUpAndDownAgainDecommissionsBeforeItDeletes() throws {
        let world = try Self.running(Self.topology(regions: 3))
        defer { world.remove() }

        // 3 → 5: two VMs join cluster r1 and the database.
        try world.regenerate(Self.topology(regions: 3, nodes: { $0 == 1 ? 5 : 3 }))
        let up = try world.run("setup.sh")
        #expect(up.status == 0, "\(up.stderr.suffix(2000))")
        #expect(Self.creates(up.calls).filter { $0.hasPrefix("az vm create ") }.map { $0.split(separator: " ")[6] } == ["crdb-r1-node4", "crdb-r1-node5"])
        #expect(up.calls.filter { $0.hasPrefix("k3sup join ") }.count == 2)
        #expect(Self.deletes(up.calls).isEmpty)
        #expect(world.databaseNodes.filter { $0.address.contains(".r1.") && $0.membership == "active" }.count == 5)

        // The scheduler put cockroachdb-1 on node5 and cockroachdb-4 on node2 meanwhile: the pod on a
        // departing machine that the StatefulSet keeps must move, not just the two it drops.
        try world.placePod("cockroachdb-1", namespace: "r1", context: "crdb-r1", on: "crdb-r1-node5")
        try world.placePod("cockroachdb-4", namespace: "r1", context: "crdb-r1", on: "crdb-r1-node2")
        let before = world.events.count
        let ids = Dictionary(uniqueKeysWithValues: world.databaseNodes.map { ($0.address, $0.id) })
        let id = { (pod: String) in ids["\(pod).cockroachdb.r1.svc.cluster.local"]! }

        // 5 → 3: refused without the acknowledgement (two machines and their disks go).
        #expect(!(try world.regenerate(Self.topology(regions: 3))).wrote)
        #expect(try world.regenerate(Self.topology(regions: 3), allowDestructiveChanges: true).wrote)
        let down = try world.run("setup.sh")
        #expect(down.status == 0, "\(down.stderr.suffix(2000))")
        let events = Array(world.events.dropFirst(before))
        // The pods the StatefulSet drops, decommissioned together; then the one on a departing machine.
        #expect(events.filter { $0.hasPrefix("decommission ") } == ["decommission \(id("cockroachdb-3")) \(id("cockroachdb-4"))", "decommission \(id("cockroachdb-1"))"])
        #expect(!events.contains { $0.hasPrefix("store-of-decommissioned-node") }, "no decommissioned store started again: \(events)")
        // Highest index first; each machine is stopped before it leaves its cluster, and leaves before it is deleted.
        #expect(events.filter { $0.hasPrefix("deallocate ") || $0.hasPrefix("delete-node ") } == [
            "deallocate crdb-r1-node5", "delete-node crdb-r1 crdb-r1-node5", "deallocate crdb-r1-node4", "delete-node crdb-r1 crdb-r1-node4",
        ])
        let calls = down.calls
        let lastDecommission = try Self.last(calls, "kubectl exec ", "node decommission")
        #expect(lastDecommission < (try Self.first(calls, "az vm deallocate ")))
        #expect(try Self.first(calls, "kubectl scale statefulset cockroachdb ", "--replicas 3") < (try Self.first(calls, "kubectl delete pod cockroachdb-1 ")))
        #expect(try Self.first(calls, "kubectl delete node crdb-r1-node5 ") < (try Self.first(calls, "az vm delete ", "crdb-r1-node5")))
        #expect(Self.deletes(calls).allSatisfy { $0.contains("crdb-r1-node4") || $0.contains("crdb-r1-node5") }, "\(Self.deletes(calls))")
        #expect(Self.deletes(calls).filter { $0.hasPrefix("az vm delete ") }.count == 2)
        // cockroachdb-1 runs again on a kept machine, as a new node; three live nodes in r1.
        #expect(["crdb-r1-node1", "crdb-r1-node2", "crdb-r1-node3"].contains(world.node(ofPod: "cockroachdb-1", namespace: "r1", context: "crdb-r1") ?? ""))
        #expect(world.databaseNodes.filter { $0.address.contains(".r1.") && $0.membership == "active" }.count == 3)
        #expect(down.stderr.contains("9 live nodes in 3 regions"))
    }

    @Test func shrinkingAClusterToOneServerKeepsEtcdsQuorumAtEachStep() throws {
        let world = try Self.running(Self.topology(regions: 3))
        defer { world.remove() }
        let before = world.events.count
        try world.regenerate(Self.topology(regions: 3, nodes: { $0 == 2 ? 1 : 3 }), allowDestructiveChanges: true)
        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        // Of three servers, one may stop before it leaves; of the last two, it leaves first (etcd
        // would lose its quorum with one of two members stopped), then stops.
        #expect(world.events.dropFirst(before).filter { $0.hasPrefix("deallocate ") || $0.hasPrefix("delete-node ") } == [
            "deallocate crdb-r2-node3", "delete-node crdb-r2 crdb-r2-node3", "delete-node crdb-r2 crdb-r2-node2", "deallocate crdb-r2-node2",
        ])
        #expect(Self.deletes(run.calls).filter { $0.hasPrefix("az vm delete ") }.count == 2)
    }

    @Test func growingStorageGrowsDisksAndFileSystemsAndRecreatesTheStatefulSetsWithoutRestarts() throws {
        let world = try Self.running(Self.topology(regions: 3))
        defer { world.remove() }
        let before = world.events.count
        let grown = Self.topology(regions: 3, defaults: [CockroachDB(version: "v26.2.1", storage: "200Gi", cpu: 1, memory: "4Gi")])
        let generation = try world.regenerate(grown)
        #expect(generation.wrote, "growing needs no acknowledgement")
        #expect(generation.changePlans.first?.changes.map(\.kind).allSatisfy { $0 == .inPlace } == true)

        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let calls = run.calls
        #expect(calls.filter { $0.hasPrefix("az disk update ") }.count == 9)
        #expect(calls.filter { $0.hasPrefix("az disk update ") }.allSatisfy { $0.hasSuffix("--size-gb 256 --output none") })
        #expect(world.events.dropFirst(before).filter { $0.hasPrefix("run-command ") }.count == 9)
        #expect(world.events.dropFirst(before).allSatisfy { $0.hasSuffix("grow-data-disk.sh") }, "only growth, no restart: \(Array(world.events.dropFirst(before)))")
        for region in ["r1", "r2", "r3"] {
            let orphan = try Self.first(calls, "kubectl delete statefulset cockroachdb ", "--context crdb-\(region) ", "--cascade=orphan")
            #expect(orphan < (try Self.first(calls, "kubectl apply ", "--context crdb-\(region) ", "--kustomize")))
        }
        #expect(Self.creates(calls).isEmpty && Self.deletes(calls).isEmpty)
        #expect(run.stderr.contains("storage class local-path (local-path) does not limit a volume to its claim"))

        // Where the storage class allows expansion, the claims grow too.
        let larger = Self.topology(regions: 3, defaults: [CockroachDB(version: "v26.2.1", storage: "300Gi", cpu: 1, memory: "4Gi")])
        _ = FileManager.default.createFile(atPath: world.state.appendingPathComponent("expandable-storage").path, contents: nil)
        try world.regenerate(larger)
        let expanded = try world.run("setup.sh")
        #expect(expanded.status == 0, "\(expanded.stderr.suffix(2000))")
        #expect(expanded.calls.filter { $0.hasPrefix("kubectl patch pvc ") && $0.contains("300Gi") }.count == 9)
    }

    @Test func aFileSystemThatDidNotGrowStopsTheRunWithWhatTheVMSaid() throws {
        let world = try Self.running(Self.topology(regions: 3))
        defer { world.remove() }
        try world.failRunCommand(on: "crdb-r2-node1", error: "resize2fs: Permission denied to resize filesystem")
        try world.regenerate(Self.topology(regions: 3, defaults: [CockroachDB(version: "v26.2.1", storage: "200Gi", cpu: 1, memory: "4Gi")]))
        let run = try world.run("setup.sh")
        // az vm run-command invoke succeeded; the script inside did not, and a re-run would not retry it.
        #expect(run.status != 0)
        #expect(run.stderr.contains(
            "the data disk of VM crdb-r2-node1 has 256 GiB, but its file system did not grow; the VM said: Enable succeeded:"))
        #expect(run.stderr.contains("resize2fs: Permission denied to resize filesystem"))
        #expect(run.stderr.contains("run az vm run-command invoke --resource-group rg-fixture --name crdb-r2-node1 --command-id RunShellScript --scripts @\""))
        #expect(!run.calls.contains { $0.hasPrefix("kubectl delete statefulset ") }, "the run stopped before the database")

        // az itself failing on a node ends the same way, with the command to run again.
        try FileManager.default.removeItem(at: world.state.appendingPathComponent("run-command-fails/crdb-r2-node1"))
        try world.refuseRunCommand(on: "crdb-r3-node1")
        try world.regenerate(Self.topology(regions: 3, defaults: [CockroachDB(version: "v26.2.1", storage: "300Gi", cpu: 1, memory: "4Gi")]))
        let refused = try world.run("azure/infrastructure.sh", ["--only", "data-disks"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("(Conflict) Run command extension execution is in progress"))
        #expect(refused.stderr.contains("the data disk of VM crdb-r3-node1 has "), "\(refused.stderr.suffix(1500))")
        #expect(refused.stderr.contains("but its file system did not grow; the VM said: az vm run-command invoke failed (see above)"))
    }

    @Test func changingAPodRangeIsRefusedAndNothingIsWritten() throws {
        let world = try ScriptWorld(Self.topology(regions: 3))
        defer { world.remove() }
        let files = try FileManager.default.subpathsOfDirectory(atPath: world.tree.path).sorted()
        let contents = try files.map { try? Data(contentsOf: world.tree.appendingPathComponent($0)) }
        let changed = Fixture.topology(regions: 3) { n in
            if n == 2 { Pods("10.152.0.0/16") }
        }
        let result = try world.regenerate(changed)
        #expect(!result.wrote)
        let changes = try #require(result.changePlans.first)
        #expect(changes.needingAcknowledgement.map(\.resource) == ["pod range"])
        #expect(changes.needingAcknowledgement.first?.kind == .impossible)
        #expect(changes.needingAcknowledgement.first?.remedy?.contains("remove region r2") == true)
        let lines = ChangeSummary.lines(changes, plan: try #require(result.plans.first), recordPath: "out/fixture/plan.json")
        #expect(lines.contains { $0.contains("! impossible in place") && $0.contains("pod range") && $0.contains("10.102.0.0/16 → 10.152.0.0/16") })
        #expect(try FileManager.default.subpathsOfDirectory(atPath: world.tree.path).sorted() == files)
        #expect(try files.map { try? Data(contentsOf: world.tree.appendingPathComponent($0)) } == contents, "not a byte changed")
    }
}
