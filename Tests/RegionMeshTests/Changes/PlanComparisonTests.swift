import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

/// What `PlanComparison` says a change to a topology does to the deployment built from the plan
/// generated before it: each kind of change, compiled from two small fixture topologies (three
/// regions of three nodes unless a test says otherwise), compared as plans.
@Suite("Plan comparison")
struct PlanComparisonTests {
    /// The change plan from the plan of `previous` to the plan of `next`.
    static func changes(from previous: Topology, to next: Topology, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ChangePlan {
        PlanComparison.changes(
            from: .plan(try Fixture.plan(previous, sourceLocation: sourceLocation)), to: try Fixture.plan(next, sourceLocation: sourceLocation))
    }

    /// "<region> <kind> <resource>" of every change, in order: what a test compares whole.
    static func outline(_ plan: ChangePlan) -> [String] {
        plan.changes.map { "\($0.region ?? "-") \($0.kind.rawValue) \($0.resource)" }
    }

    /// The one change of `plan` whose resource is `resource` (in `region`, when given).
    static func change(
        _ plan: ChangePlan, _ resource: String, in region: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Change {
        let found = plan.changes.filter { $0.resource == resource && (region == nil || $0.region == region) }
        #expect(found.count == 1, "changes of \(resource): \(outline(plan))", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    /// The join-list restart every kept region's StatefulSet gets when the set of database pods changes.
    static func joinRestarts(_ regions: [String]) -> [String] {
        regions.map { "\($0) rolling-restart StatefulSet cockroachdb in \($0)" }
    }

    // MARK: Nothing, or the first generation

    @Test("an unchanged topology has no change")
    func unchanged() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.valid())
        #expect(plan.baseline == .plan)
        #expect(plan.isEmpty)
        #expect(plan.topology == "fixture")
        #expect(plan.needingAcknowledgement.isEmpty && plan.counts.isEmpty)
    }

    @Test("without a previous plan, the first generation has no change to list")
    func firstGeneration() throws {
        let plan = PlanComparison.changes(from: .none, to: try Fixture.plan(Fixture.valid()))
        #expect(plan.baseline == .none)
        #expect(plan.isEmpty)
    }

    // MARK: Regions

    @Test("a region added: created, gained by every other cluster's DNS and mesh, and every join list rolls")
    func regionAdded() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.topology(regions: 4))
        #expect(Self.outline(plan) == [
            "r4 added region r4",
            "r1 in-place DNS forwarders", "r2 in-place DNS forwarders", "r3 in-place DNS forwarders",
            "r1 in-place ClusterMesh peers", "r2 in-place ClusterMesh peers", "r3 in-place ClusterMesh peers",
        ] + Self.joinRestarts(["r1", "r2", "r3"]))
        let region = try Self.change(plan, "region r4")
        #expect(region.detail.hasPrefix("cluster crdb-r4 (ID 4), 3 nodes in 10.4.1.0/24"))
        #expect(!region.needsAcknowledgement)
        #expect(try Self.change(plan, "DNS forwarders", in: "r1").detail.hasPrefix("+r4.svc.cluster.local;"))
        #expect(try Self.change(plan, "ClusterMesh peers", in: "r2").detail.hasPrefix("+crdb-r4 (helm upgrade)"))
        let restart = try Self.change(plan, "StatefulSet cockroachdb in r3")
        #expect(restart.restarts == ["StatefulSet cockroachdb in r3"])
        #expect(restart.detail.hasPrefix("--join lists change (+2 −0 addresses)"), "two pods of the new region")
        #expect(plan.needingAcknowledgement.isEmpty, "adding a region is safe")
    }

    @Test("a region removed: its data is decommissioned and its storage deleted, which needs an acknowledgement")
    func regionRemoved() throws {
        let plan = try Self.changes(from: Fixture.topology(regions: 4), to: Fixture.valid())
        #expect(Self.outline(plan) == [
            "r4 removed region r4",
            "r1 in-place DNS forwarders", "r2 in-place DNS forwarders", "r3 in-place DNS forwarders",
            "r1 in-place ClusterMesh peers", "r2 in-place ClusterMesh peers", "r3 in-place ClusterMesh peers",
        ] + Self.joinRestarts(["r1", "r2", "r3"]))
        let region = try Self.change(plan, "region r4")
        #expect(region.deletesStorage && region.needsAcknowledgement)
        #expect(region.detail.hasPrefix("its database nodes are decommissioned first"))
        #expect(region.detail.contains("its 3 machines, network and kube context crdb-r4 are deleted"))
        #expect(plan.needingAcknowledgement.map(\.resource) == ["region r4"])
        #expect(try Self.change(plan, "DNS forwarders", in: "r2").detail.hasPrefix("-r4.svc.cluster.local;"))
        #expect(try Self.change(plan, "ClusterMesh peers", in: "r3").detail.hasPrefix("-crdb-r4 (helm upgrade)"))
    }

    // MARK: Nodes

    @Test("more nodes: machines and database pods added, the others' peers and forwarders follow")
    func nodesUp() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { Nodes(5) })
        #expect(Self.outline(plan) == [
            "r2 added node crdb-r2-node4", "r2 added node crdb-r2-node5",
            "r1 in-place DNS forwarders", "r3 in-place DNS forwarders",
            "r1 in-place ClusterMesh peers", "r3 in-place ClusterMesh peers",
            "r2 added CockroachDB pod cockroachdb-3", "r2 added CockroachDB pod cockroachdb-4",
        ], "the join lists name the first two pods of each region: more pods restart no region")
        #expect(try Self.change(plan, "node crdb-r2-node4").detail.hasPrefix("10.2.1.7; joins cluster crdb-r2"))
        #expect(try Self.change(plan, "DNS forwarders", in: "r1").detail.hasPrefix("forwarder addresses change"))
        #expect(plan.needingAcknowledgement.isEmpty)
    }

    @Test("fewer nodes: the highest go first, decommissioned before their machines and volumes are deleted")
    func nodesDown() throws {
        let plan = try Self.changes(from: Fixture.withSecondRegion { Nodes(5) }, to: Fixture.valid())
        let removed = plan.changes.filter { $0.kind == .removed }
        #expect(removed.map(\.resource) == [
            "node crdb-r2-node5", "node crdb-r2-node4", "CockroachDB pod cockroachdb-4", "CockroachDB pod cockroachdb-3",
        ])
        #expect(removed.allSatisfy { $0.region == "r2" && $0.deletesStorage && $0.needsAcknowledgement })
        #expect(try Self.change(plan, "node crdb-r2-node5").detail.hasPrefix("the database nodes on it are decommissioned first"))
        #expect(try Self.change(plan, "CockroachDB pod cockroachdb-4").detail.hasPrefix("decommissioned first"))
        #expect(plan.needingAcknowledgement.count == 4)
        #expect(plan.changes.filter { $0.kind == .rollingRestart }.isEmpty, "the pods of the join lists stay")
    }

    // MARK: What cannot change in a kept region

    @Test("a cluster's name cannot change in place: remove the region, then add it back")
    func clusterName() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { ClusterName("crdb-other") })
        let change = try Self.change(plan, "cluster name")
        #expect(change.region == "r2" && change.kind == .impossible && change.needsAcknowledgement)
        #expect(change.detail.hasPrefix("crdb-r2 → crdb-other: "))
        #expect(change.remedy == "remove region r2 (one change, applied), then add it back with the new value (a second change)")
        #expect(plan.needingAcknowledgement.map(\.resource) == ["cluster name"])
    }

    @Test("a cluster's ID cannot change in place")
    func clusterID() throws {
        let plan = try Self.changes(
            from: Fixture.valid(),
            to: Fixture.topology {
                Fixture.region(1)
                Fixture.region(2, clusterID: 7)
                Fixture.region(3)
            })
        #expect(Self.outline(plan) == ["r2 impossible-in-place cluster ID"])
        let change = try Self.change(plan, "cluster ID")
        #expect(change.detail.hasPrefix("2 → 7: "))
        #expect(change.remedy?.hasPrefix("remove region r2 (one change, applied), then add it back") == true)
    }

    @Test("no range of a kept region can change in place, and nothing that follows from it is listed twice", arguments: [
        ("pod range", "10.102.0.0/16 → 10.150.0.0/16"),
        ("service range", "10.202.0.0/16 → 10.250.0.0/16"),
        ("network range", "10.2.0.0/16 → 10.2.0.0/17"),
    ])
    func ranges(resource: String, detail: String) throws {
        let next = Fixture.withSecondRegion {
            switch resource {
            case "pod range": Pods("10.150.0.0/16")
            case "service range": Services("10.250.0.0/16")
            default: Network(vnet: "10.2.0.0/17", subnet: "10.2.1.0/24")
            }
        }
        let plan = try Self.changes(from: Fixture.valid(), to: next)
        // The k3s flags that carry the range are not reported again (they follow from the range).
        #expect(Self.outline(plan) == ["r2 impossible-in-place \(resource)"])
        let change = try Self.change(plan, resource)
        #expect(change.detail.hasPrefix(detail + ": "))
        #expect(change.remedy == "remove region r2 (one change, applied), then add it back with the new value (a second change)")
    }

    @Test("a subnet cannot change in place; the node addresses it moves are what the others' peers and forwarders follow")
    func subnet() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { Network(vnet: "10.2.0.0/16", subnet: "10.2.2.0/24") })
        #expect(plan.needingAcknowledgement.map(\.resource) == ["subnet"])
        #expect(try Self.change(plan, "subnet").detail.hasPrefix("10.2.1.0/24 → 10.2.2.0/24: "))
        #expect(!plan.changes.contains { $0.resource.hasPrefix("k3s") }, "the node IPs in the k3s flags follow from the subnet")
    }

    // MARK: Azure

    @Test("a VM size cannot change in place: the remedy resizes one node at a time")
    func vmSize() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { VirtualMachines(size: "Standard_D4s_v5") })
        #expect(Self.outline(plan) == ["r2 impossible-in-place VM size"])
        let change = try Self.change(plan, "VM size")
        #expect(change.detail.hasPrefix("Standard_D2s_v5 → Standard_D4s_v5: "))
        #expect(change.remedy?.contains("az vm resize --size Standard_D4s_v5") == true)
    }

    @Test("a larger data disk grows in place")
    func dataDiskGrows() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { DataDisks(sizeGiB: 128) })
        #expect(Self.outline(plan) == ["r2 in-place data disks"])
        let change = try Self.change(plan, "data disks")
        #expect(change.detail.hasPrefix("64 → 128 GiB: "))
        #expect(change.detail.contains("az disk update"))
        #expect(!change.needsAcknowledgement)
    }

    @Test("a smaller data disk cannot be made: Azure disks do not shrink")
    func dataDiskShrinks() throws {
        let plan = try Self.changes(from: Fixture.withSecondRegion { DataDisks(sizeGiB: 128) }, to: Fixture.valid())
        #expect(Self.outline(plan) == ["r2 impossible-in-place data disks"])
        let change = try Self.change(plan, "data disks")
        #expect(change.detail == "128 → 64 GiB: an Azure disk cannot shrink")
        #expect(change.remedy != nil)
    }

    @Test("a data disk SKU cannot change while its VM runs")
    func dataDiskSKU() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { DataDisks(sku: .standardSSD) })
        #expect(Self.outline(plan) == ["r2 impossible-in-place data disk SKU"])
        let change = try Self.change(plan, "data disk SKU")
        #expect(change.detail.hasPrefix("Premium_LRS → StandardSSD_LRS: "))
        #expect(change.remedy?.contains("az disk update --sku StandardSSD_LRS") == true)
    }

    @Test("a VM cannot move to another zone; a node already in the zone stays")
    func zone() throws {
        // r1 is in eastus: nodes 1, 2, 3 go to zones 1, 2, 3 unless pinned.
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.topology(regions: 3) { n in if n == 1 { Zones(3) } })
        let vms = plan.changes.filter { $0.resource.hasPrefix("VM ") }
        #expect(vms.map(\.resource) == ["VM crdb-r1-node1", "VM crdb-r1-node2"])
        #expect(vms.allSatisfy { $0.region == "r1" && $0.kind == .impossible && $0.remedy != nil })
        #expect(vms.map(\.detail).allSatisfy { $0.contains(" → 3: a VM stays in its zone") })
        #expect(plan.changes.allSatisfy { $0.region == "r1" })
    }

    @Test("NSG rules added, removed and changed are brought to the plan in place")
    func securityRules() throws {
        let sql = InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24"])
        let added = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { sql })
        #expect(Self.outline(added) == ["r2 in-place NSG crdb-r2-nsg"])
        #expect(try Self.change(added, "NSG crdb-r2-nsg").detail == "inbound rules +AllowSQL; setup brings the NSG to the plan")
        let removed = try Self.changes(from: Fixture.withSecondRegion { sql }, to: Fixture.valid())
        #expect(try Self.change(removed, "NSG crdb-r2-nsg").detail == "inbound rules -AllowSQL; setup brings the NSG to the plan")
        let moved = try Self.changes(
            from: Fixture.withSecondRegion { sql },
            to: Fixture.withSecondRegion {
                InboundRule("AllowSQL", priority: 210, ports: ["26257"], from: ["145.40.0.0/24"])
                InboundRule("AllowUI", priority: 220, ports: ["8080"], from: ["145.40.0.0/24"])
            })
        #expect(try Self.change(moved, "NSG crdb-r2-nsg").detail == "inbound rules +AllowUI ~AllowSQL; setup brings the NSG to the plan")
        #expect(moved.needingAcknowledgement.isEmpty)
    }

    // MARK: k3s

    @Test("a k3s release cannot change through setup: the servers are upgraded first")
    func k3sRelease() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.topology(regions: 3, k3s: K3s(version: "v1.33.6+k3s1")))
        #expect(Self.outline(plan) == ["r1", "r2", "r3"].map { "\($0) impossible-in-place k3s release" })
        let change = try Self.change(plan, "k3s release", in: "r1")
        #expect(change.detail.hasPrefix("v1.33.5+k3s1 → v1.33.6+k3s1: "))
        #expect(change.remedy?.contains("https://docs.k3s.io/upgrades/manual") == true)
    }

    @Test("a new DNS image rolls each cluster's DNS, a replica at a time")
    func dnsImage() throws {
        // The image is RegionMesh's, not the topology's: a plan.json written with an older one.
        let next = try Fixture.plan(Fixture.valid())
        let current = next.k3s.dnsImage
        let older = "rancher/mirrored-coredns-coredns:1.12.0"
        let json = String(decoding: try JSONEncoder().encode(next), as: UTF8.self)
            .replacingOccurrences(of: current.replacingOccurrences(of: "/", with: "\\/"), with: older.replacingOccurrences(of: "/", with: "\\/"))
        let previous = try JSONDecoder().decode(Plan.self, from: Data(json.utf8))
        #expect(previous.k3s.dnsImage == older)
        let plan = PlanComparison.changes(from: .plan(previous), to: next)
        #expect(Self.outline(plan) == ["- rolling-restart DNS image"])
        let change = try Self.change(plan, "DNS image")
        #expect(change.region == nil)
        #expect(change.detail.hasPrefix("\(older) → \(current); "))
        #expect(change.restarts == ["Deployment coredns of crdb-r1", "Deployment coredns of crdb-r2", "Deployment coredns of crdb-r3"])
        #expect(!change.needsAcknowledgement)
    }

    // MARK: Cilium

    @Test("a Cilium version rolls the agents, operator and mesh API server of every cluster")
    func ciliumVersion() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.topology(regions: 3, cilium: "1.19.6"))
        #expect(Self.outline(plan) == ["r1", "r2", "r3"].map { "\($0) rolling-restart Cilium release" })
        let change = try Self.change(plan, "Cilium release", in: "r2")
        #expect(change.detail.hasPrefix("1.19.5 → 1.19.6 (helm upgrade)"))
        #expect(change.restarts == ["DaemonSet cilium", "Deployment cilium-operator", "Deployment clustermesh-apiserver"])
    }

    @Test("mesh peers change in place: a helm upgrade the agents follow without a restart")
    func ciliumPeers() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.topology(regions: 4))
        let peers = plan.changes.filter { $0.resource == "ClusterMesh peers" }
        #expect(peers.map(\.region) == ["r1", "r2", "r3"])
        #expect(peers.allSatisfy { $0.kind == .inPlace && $0.restarts.isEmpty && $0.detail.hasSuffix("(helm upgrade); the agents follow without a restart") })
    }

    // MARK: CockroachDB

    @Test("a CockroachDB upgrade, CPU and memory roll the region's StatefulSet")
    func cockroachRollingRestarts() throws {
        let upgrade = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(version: "v26.2.2") })
        #expect(Self.outline(upgrade) == ["r2 rolling-restart StatefulSet cockroachdb in r2"])
        let restart = try Self.change(upgrade, "StatefulSet cockroachdb in r2")
        #expect(restart.detail.hasPrefix("upgrade v26.2.1 → v26.2.2"))
        #expect(restart.detail.hasSuffix("one pod at a time, one region at a time, each region ready before the next"))
        #expect(restart.restarts == ["StatefulSet cockroachdb in r2"])
        let resources = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(cpu: 2, memory: "8Gi") })
        #expect(Self.outline(resources) == ["r2 rolling-restart StatefulSet cockroachdb in r2"])
        #expect(try Self.change(resources, "StatefulSet cockroachdb in r2").detail.hasPrefix("CPU 1 → 2; memory 4Gi → 8Gi; "))
    }

    @Test("a join list change rolls every kept region")
    func joinList() throws {
        // r2 from one database pod to three: its second pod joins every region's --join (its third does not).
        let plan = try Self.changes(from: Fixture.withSecondRegion { CockroachDB(replicas: 1) }, to: Fixture.valid())
        #expect(Self.outline(plan) == [
            "r1 rolling-restart StatefulSet cockroachdb in r1", "r2 rolling-restart StatefulSet cockroachdb in r2",
            "r2 added CockroachDB pod cockroachdb-1", "r2 added CockroachDB pod cockroachdb-2", "r3 rolling-restart StatefulSet cockroachdb in r3",
        ])
        #expect(plan.changes.filter { $0.kind == .rollingRestart }.allSatisfy { $0.detail.hasPrefix("--join lists change (+1 −0 addresses)") })
    }

    @Test("a CockroachDB downgrade is impossible")
    func cockroachDowngrade() throws {
        let plan = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(version: "v26.1.0") })
        #expect(Self.outline(plan) == ["r2 impossible-in-place CockroachDB version"])
        let change = try Self.change(plan, "CockroachDB version")
        #expect(change.detail.hasPrefix("v26.2.1 → v26.1.0: "))
        #expect(change.remedy == "keep v26.2.1, or restore a backup into a new deployment")
    }

    @Test("a downgrade hides none of the region's other changes, least of all those that delete storage")
    func cockroachDowngradeWithOtherChanges() throws {
        let plan = try Self.changes(
            from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(version: "v26.1.0", storage: "5Gi", replicas: 1) })
        // The join lists lose cockroachdb-1 of r2, so every region restarts as well.
        #expect(Self.outline(plan) == [
            "r1 rolling-restart StatefulSet cockroachdb in r1",
            "r2 impossible-in-place CockroachDB version", "r2 rolling-restart StatefulSet cockroachdb in r2",
            "r2 impossible-in-place storage", "r2 removed CockroachDB pod cockroachdb-2", "r2 removed CockroachDB pod cockroachdb-1",
            "r3 rolling-restart StatefulSet cockroachdb in r3",
        ])
        #expect(plan.needingAcknowledgement.count == 4)
    }

    @Test("more storage grows the volumes in place; less, or another class, is impossible")
    func cockroachStorage() throws {
        let grown = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(storage: "20Gi") })
        #expect(Self.outline(grown) == ["r2 in-place storage"])
        let grow = try Self.change(grown, "storage")
        #expect(grow.detail.hasPrefix("10Gi → 20Gi per node: "))
        #expect(grow.detail.contains("--cascade=orphan"))
        #expect(!grow.needsAcknowledgement)

        let shrunk = try Self.changes(from: Fixture.withSecondRegion { CockroachDB(storage: "20Gi") }, to: Fixture.valid())
        #expect(Self.outline(shrunk) == ["r2 impossible-in-place storage"])
        #expect(try Self.change(shrunk, "storage").detail.hasPrefix("20Gi → 10Gi per node: a volume cannot shrink"))

        let moved = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(storageClass: "fast") })
        #expect(Self.outline(moved) == ["r2 impossible-in-place storage class"])
        let change = try Self.change(moved, "storage class")
        #expect(change.detail.hasPrefix("default → fast: "))
        #expect(change.remedy != nil)
    }

    @Test("fewer replicas decommission the highest pods and delete their volume claims; more add pods")
    func cockroachReplicas() throws {
        let down = try Self.changes(from: Fixture.valid(), to: Fixture.withSecondRegion { CockroachDB(replicas: 1) })
        let removed = down.changes.filter { $0.kind == .removed }
        #expect(removed.map(\.resource) == ["CockroachDB pod cockroachdb-2", "CockroachDB pod cockroachdb-1"])
        #expect(removed.allSatisfy { $0.region == "r2" && $0.deletesStorage })
        #expect(down.needingAcknowledgement.count == 2)
        let up = try Self.changes(from: Fixture.withSecondRegion { CockroachDB(replicas: 1) }, to: Fixture.valid())
        #expect(up.changes.filter { $0.kind == .added }.map(\.resource) == ["CockroachDB pod cockroachdb-1", "CockroachDB pod cockroachdb-2"])
        #expect(up.needingAcknowledgement.isEmpty)
    }

    // MARK: A record of another RegionMesh version

    @Test("against the core of a plan.json, only regions, clusters, ranges and nodes are compared")
    func coreBaseline() throws {
        let previous = try Fixture.plan(Fixture.topology(regions: 4))
        let next = try Fixture.plan(
            Fixture.withSecondRegion {
                Pods("10.150.0.0/16")
                CockroachDB(cpu: 2)
            })
        let core = PlanComparison.changes(from: .core(CorePlanRecord(previous)), to: next)
        #expect(core.baseline == .corePlan)
        #expect(Self.outline(core) == ["r4 removed region r4", "r2 impossible-in-place pod range"])
        // Against the whole plan the same change says more: mesh, DNS, restarts.
        let whole = PlanComparison.changes(from: .plan(previous), to: next)
        #expect(whole.baseline == .plan)
        #expect(whole.changes.count > core.changes.count)
        #expect(Array(whole.changes.prefix(2)) == core.changes)
    }

    @Test("the core record of a plan keeps its regions, clusters, ranges and nodes, and reads a whole plan.json")
    func coreRecord() throws {
        let plan = try Fixture.plan(Fixture.valid())
        let record = CorePlanRecord(plan)
        #expect(record.name == "fixture")
        #expect(record.regions.map(\.key) == ["r1", "r2", "r3"])
        #expect(record.regions.map(\.cluster.name) == ["crdb-r1", "crdb-r2", "crdb-r3"])
        #expect(record.regions[1].addresses.pods.description == "10.102.0.0/16")
        #expect(record.regions[2].nodes.map(\.privateIP.description) == ["10.3.1.4", "10.3.1.5", "10.3.1.6"])
        let decoded = try JSONDecoder().decode(CorePlanRecord.self, from: try JSONEncoder().encode(plan))
        #expect(decoded == record)
    }
}
