import RegionMesh
import RegionMeshTestSupport
import Testing

/// What the topologies of one repository must not share: a cluster name, which is the kube context.
@Suite("Cross-topology rules")
struct CrossTopologyRuleTests {
    @Test("two topologies with clusters of the same names: the later one warns once per shared cluster")
    func sharedClusters() throws {
        let (first, firstLine) = (Fixture.topology("alpha", regions: 3), #line)
        let (second, secondLine) = (Fixture.topology("beta", regions: 2), #line)
        let validations = Pipeline.validate([first, second])
        #expect(validations[0].diagnostics == [])
        let shared = validations[1].diagnostics.filter { $0.rule == .sharedKubeContext }
        #expect(shared.count == 2)
        #expect(shared.map(\.location.line) == [secondLine, secondLine])
        #expect(shared.map { $0.relatedLocation?.line } == [firstLine, firstLine])
        #expect(shared.map(\.message).allSatisfy { $0.contains("of topology 'alpha'") })
        #expect(shared.first?.message.hasPrefix("cluster 'crdb-r1' of region 'r1' has the name of a cluster of topology 'alpha': both write kube context 'crdb-r1'") == true)
        #expect(shared.allSatisfy { $0.severity == .warning })
        // A warning: both still compile.
        #expect(Pipeline.compile([first, second]).allSatisfy { $0.plan != nil })
        // Each alone shares nothing.
        #expect(Pipeline.validate(second).diagnostics.filter { $0.rule == .sharedKubeContext } == [])
    }

    @Test("another name prefix, or another ClusterName, keeps the contexts apart")
    func apart() {
        let first = Fixture.topology("alpha", regions: 3)
        let prefixed = Fixture.topology("beta", azure: Azure(resourceGroup: "rg-beta", location: .eastus, namePrefix: "beta")) { Fixture.regions(3) }
        let named = Fixture.topology("gamma") {
            Fixture.region(1) { ClusterName("gamma-1") }
            Fixture.region(2) { ClusterName("gamma-2") }
            Fixture.region(3) { ClusterName("gamma-3") }
        }
        let validations = Pipeline.validate([first, prefixed, named])
        #expect(validations.allSatisfy { $0.diagnostics.isEmpty }, "\(validations.map(\.diagnostics))")
    }

    @Test("one topology given twice is one topology: it shares nothing with itself")
    func sameTopologyTwice() {
        let topology = Fixture.valid()
        #expect(Pipeline.validate([topology, topology]).allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test("the warning points at the ClusterName that makes the clash")
    func pointsAtClusterName() {
        let (first, firstLine) = (Fixture.topology("alpha", regions: 3), #line)
        let (name, nameLine) = (ClusterName("crdb-r3"), #line)
        let second = Fixture.topology("beta", azure: Azure(resourceGroup: "rg-beta", location: .eastus, namePrefix: "beta")) {
            Fixture.region(1)
            Fixture.region(2) { name }
            Fixture.region(3)
        }
        let shared = Pipeline.validate([first, second])[1].diagnostics.filter { $0.rule == .sharedKubeContext }
        #expect(shared.map(\.location.line) == [nameLine])
        #expect(shared.first?.relatedLocation?.line == firstLine)
    }
}
