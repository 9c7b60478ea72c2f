import RegionMesh
import RegionMeshTestSupport
import Testing

/// Hundreds of regions: validation stays correct (nothing here is timed).
@Suite("Scale")
struct ScaleTests {
    @Test("250 generated regions validate without a diagnostic")
    func manyRegions() throws {
        let topology = Fixture.topology {
            for i in 1...250 { Fixture.generatedRegion(i) }
        }
        #expect(topology.diagnostics == [])
        let plan = try Fixture.plan(topology)
        #expect(plan.regions.count == 250)
        #expect(plan.azure.peerings.count == 250 * 249)
        #expect(plan.regions.last?.nodes.first?.privateIP.description == "10.15.160.4")
    }

    @Test("250 regions where two ranges overlap report exactly that overlap")
    func oneOverlapAmongMany() throws {
        let clash = Fixture.generatedAddressPlan(17).pods
        let (original, originalLine) = (Pods(clash), #line)
        let (overlapping, line) = (Pods(clash), #line)
        let topology = Fixture.topology {
            for i in 1...249 where i != 17 { Fixture.generatedRegion(i) }
            Fixture.generatedRegion(17) { original }
            Fixture.generatedRegion(250) { overlapping }
        }
        let diagnostics = topology.diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics.prefix(5))")
        let overlap = try #require(diagnostics.first)
        #expect(overlap.rule == .overlappingCIDR)
        #expect(overlap.location.line == line)
        #expect(overlap.relatedLocation?.line == originalLine)
        #expect(overlap.message == "pod range \(clash) of region 'g250' overlaps pod range \(clash) of region 'g17'")
    }

    @Test("the generated address plans really are disjoint and well-formed")
    func generatorIsSound() throws {
        var ranges: [IPv4Network] = []
        for i in 1...250 {
            let plan = Fixture.generatedAddressPlan(i)
            let vnet = try IPv4Network.parse(plan.vnet)
            #expect(vnet.contains(try IPv4Network.parse(plan.subnet)))
            ranges += [vnet, try IPv4Network.parse(plan.pods), try IPv4Network.parse(plan.services)]
        }
        #expect(bruteForceOverlaps(ranges).isEmpty)
    }
}
