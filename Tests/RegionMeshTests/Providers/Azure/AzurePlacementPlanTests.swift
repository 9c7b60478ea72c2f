import RegionMesh
import RegionMeshTestSupport
import Testing

/// Where the Plan puts each node: its availability zone, its disks, and what k3s and the database
/// learn of its place. Fixture regions r1, r2, r3 are in eastus (zones), westus (none) and
/// northeurope (zones).
@Suite("Azure placement in the Plan")
struct AzurePlacementPlanTests {
    private func zones(_ plan: Plan, _ index: Int) -> [Int?] {
        plan.azure[plan.regions[index]].nodes.map(\.zone)
    }

    @Test("nodes go to zones 1, 2, 3 in turn where the location has zones, to none where it has none")
    func defaultZones() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 1 { Nodes(5) }
        })
        #expect(zones(plan, 0) == [1, 2, 3, 1, 2])
        #expect(zones(plan, 1) == [nil, nil, nil])
        #expect(zones(plan, 2) == [1, 2, 3])
        #expect(plan.azure.zone(ofNode: 4, inRegion: "r1") == "eastus-1")
        #expect(plan.azure.zone(ofNode: 1, inRegion: "r2") == nil)
        #expect(plan.azure.zone(ofNode: 9, inRegion: "r1") == nil, "no such node")
    }

    @Test("Zones() places a region's nodes in no zone; Zones(2, 3) pins the zones they take in turn")
    func pinnedZones() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 1 { Zones() }
            if n == 3 { Zones(2, 3) }
        })
        #expect(zones(plan, 0) == [nil, nil, nil])
        #expect(zones(plan, 2) == [2, 3, 2])
        #expect(plan.azure.zone(ofNode: 2, inRegion: "r3") == "northeurope-3")
    }

    @Test("Zones in Defaults apply to the regions whose locations have zones; a region without them says Zones()")
    func zonesInDefaults() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3, defaults: [Zones(3)]) { n in
            if n == 2 { Zones() }
        })
        #expect(zones(plan, 0) == [3, 3, 3])
        #expect(zones(plan, 1) == [nil, nil, nil])
    }

    @Test(
        "the data disk defaults to the smallest Premium SSD size that holds the storage",
        arguments: [("10Gi", 64), ("64Gi", 64), ("100Gi", 128), ("129Gi", 256), ("100G", 128), ("1Ti", 1024), ("1.5Ti", 2048)])
    func defaultDataDisk(storage: String, sizeGiB: Int) throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { CockroachDB(storage: storage) })
        let disk = plan.azure[plan.regions[1]].dataDisk
        #expect(disk.sizeGiB == sizeGiB)
        #expect(disk.sku == .premiumSSD)
        #expect(disk.lun == 0)
        #expect(disk.mountPath == "/var/lib/regionmesh/data")
        #expect(plan.azure[plan.regions[0]].dataDisk.sizeGiB == 64, "the fixture's 10Gi")
    }

    @Test("DataDisks in a region overrides the fields it gives; the OS disk is 64 GiB unless given")
    func declaredDisks() throws {
        let plan = try Fixture.plan(
            Fixture.topology(regions: 3, defaults: [DataDisks(sizeGiB: 200, sku: .standardSSD)]) { n in
                if n == 2 {
                    DataDisks(sku: .premiumSSDZoneRedundant)
                    VirtualMachines(osDiskGiB: 128)
                }
            })
        let (first, second) = (plan.azure[plan.regions[0]], plan.azure[plan.regions[1]])
        #expect([first.dataDisk.sizeGiB, second.dataDisk.sizeGiB] == [200, 200])
        #expect([first.dataDisk.sku, second.dataDisk.sku] == [.standardSSD, .premiumSSDZoneRedundant])
        #expect([first.virtualMachine.osDiskGiB, second.virtualMachine.osDiskGiB] == [64, 128])
        #expect(Dictionary(uniqueKeysWithValues: ResourceInventory(plan.azure).rows)["managed data disks"] == 9)
    }

    @Test("k3s: the cluster flags are the same on every server; each node adds its IP and its region and zone labels")
    func k3sFlags() throws {
        let plan = try Fixture.plan(Fixture.valid())
        for region in plan.regions {
            let k3s = plan.k3s[region]
            #expect(k3s.clusterFlags.contains("--default-local-storage-path=/var/lib/regionmesh/data/local-path"))
            #expect(!k3s.clusterFlags.contains { $0.hasPrefix("--node-") }, "nothing of one node among the cluster's flags")
            #expect(k3s.nodeFlags.count == region.nodes.count)
            let location = plan.azure[region].location.name
            for (node, flags) in zip(region.nodes, k3s.nodeFlags) {
                var expected = ["--node-ip=\(node.privateIP)", "--node-label=topology.kubernetes.io/region=\(location)"]
                if let zone = plan.azure.zone(ofNode: node.index, inRegion: region.key) {
                    expected.append("--node-label=topology.kubernetes.io/zone=\(zone)")
                }
                #expect(flags == expected)
            }
        }
        #expect(plan.k3s[plan.regions[0]].nodeFlags[1].last == "--node-label=topology.kubernetes.io/zone=eastus-2")
        #expect(plan.k3s[plan.regions[1]].nodeFlags.allSatisfy { !$0.contains { $0.contains("/zone=") } }, "westus has no zones")
    }

    @Test("CockroachDB: each node's locality names its zone where there are zones; without zones the region's key stands for it")
    func cockroachLocalities() throws {
        let plan = try Fixture.plan(Fixture.valid())
        let east = plan.cockroach[plan.regions[0]]
        #expect(east.nodeLocalities.map(\.node) == ["crdb-r1-node1", "crdb-r1-node2", "crdb-r1-node3"])
        #expect(east.nodeLocalities.map(\.locality) == ["region=eastus,zone=eastus-1", "region=eastus,zone=eastus-2", "region=eastus,zone=eastus-3"])
        let west = plan.cockroach[plan.regions[1]]
        #expect(west.nodeLocalities.isEmpty)
        #expect(west.locality == "region=westus,zone=r2")
        #expect(plan.cockroach.localityTiers == ["region", "zone"])
    }
}
