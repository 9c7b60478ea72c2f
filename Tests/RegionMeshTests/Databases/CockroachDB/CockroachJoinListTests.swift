import RegionMesh
import RegionMeshTestSupport
import Testing

/// The `--join` list: a few pods of every region, the same for every node, however many nodes.
@Suite("CockroachDB join list")
struct CockroachJoinListTests {
    @Test("two pods of each of many regions, whatever their node counts: bounded, and every region is in it")
    func manyRegions() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 40, nodes: 5) { n in
            if n == 7 { Nodes(9) }
        })
        let cockroach = plan.cockroach
        #expect(cockroach.joinList.count == 2 * 40)
        for region in plan.regions {
            let hosts = cockroach[region].podHosts
            #expect(cockroach.joinList.filter { $0.contains(".\(region.namespace).svc.") } == hosts.prefix(2).map { "\($0):26257" })
        }
        #expect(Set(cockroach.joinList).count == cockroach.joinList.count)
    }

    @Test("a lone region names three pods, as for a single-region cluster")
    func oneRegion() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 1, nodes: 5))
        #expect(plan.cockroach.joinList == (0..<3).map { "cockroachdb-\($0).cockroachdb.r1.svc.cluster.local:26257" })
    }

    @Test("a region with a single pod contributes that pod")
    func smallRegion() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 2 { CockroachDB(replicas: 1) }
        })
        #expect(plan.cockroach.joinList.filter { $0.contains(".r2.svc.") } == ["cockroachdb-0.cockroachdb.r2.svc.cluster.local:26257"])
        #expect(plan.cockroach.joinList.count == 5)
    }
}
