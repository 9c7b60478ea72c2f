import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// What the README shows of a topology too large for a full-mesh picture or a list of every zone
/// per cluster: still one line per region, and a diagram Mermaid draws (or a sentence saying why
/// there is none). Nothing here is timed.
@Suite("README of large topologies")
struct LargeTopologyReadmeTests {
    static func plan(regions: Int) throws -> Plan {
        try Fixture.plan(Fixture.topology { for i in 1...regions { Fixture.generatedRegion(i) } })
    }

    static func diagram(_ readme: String) -> String? {
        guard let start = readme.range(of: "```mermaid\n"), let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else { return nil }
        return String(readme[start.lowerBound..<end.upperBound])
    }

    static func edges(_ diagram: String) -> Int {
        diagram.split(separator: "\n").filter { $0.contains(" --- ") || $0.contains(" <-->") || $0.contains(" <-.->") }.count
    }

    @Test("a few regions: every link of the full mesh is drawn")
    func fullMesh() throws {
        let readme = try DeploymentReadmeTests.readme(try Self.plan(regions: 6))
        let diagram = try #require(Self.diagram(readme))
        // 6 network–cluster lines, 15 peerings, 15 mesh links.
        #expect(Self.edges(diagram) == 6 + 15 + 15)
        #expect(!diagram.contains("every region with every other"))
    }

    @Test("30 regions: each full mesh is one hub, within Mermaid's limits of 500 edges and 50,000 characters")
    func hubs() throws {
        let readme = try DeploymentReadmeTests.readme(try Self.plan(regions: 30))
        let diagram = try #require(Self.diagram(readme))
        // The full drawing would be 30 + 2 × 435 = 900 edges: Mermaid refuses it.
        #expect(Self.edges(diagram) == 30 + 2 * 30)
        #expect(Self.edges(diagram) <= TopologyDiagram.maxEdges)
        #expect(diagram.utf8.count <= TopologyDiagram.maxTextSize)
        #expect(diagram.contains("link1{{\"VNet peering: every region with every other\"}}"))
        #expect(diagram.contains("link2{{\"ClusterMesh: every region with every other\"}}"))
        #expect(diagram.contains("  region30_cluster <-.-> link2"))
    }

    @Test("more regions than even the hubs fit: no diagram, and a sentence saying why")
    func noDiagram() throws {
        let readme = try DeploymentReadmeTests.readme(try Self.plan(regions: 250))
        #expect(Self.diagram(readme) == nil)
        #expect(readme.contains("No diagram: 250 regions are more than Mermaid draws (at most 500 links and 50000 characters per diagram)."))
        #expect(readme.contains("VNet peering joins every region with every other, ClusterMesh joins every region with every other."))
    }

    @Test("the traffic table lists up to 8 forwarded zones per cluster; past that it names them by pattern, so it grows with the regions, not their square")
    func forwardedZones() throws {
        let small = try Self.plan(regions: 9)
        #expect(DeploymentReadme.forwardedZones(small.regions[0], in: small).components(separatedBy: "`, `").count == 8)
        let large = try Self.plan(regions: 10)
        #expect(DeploymentReadme.forwardedZones(large.regions[0], in: large) == "every other region's (9): `<region>.svc.cluster.local`")
        let row = try DeploymentReadmeTests.readme(large).split(separator: "\n").first { $0.hasPrefix("| \(large.regions[0].cluster.name) | ") }
        #expect(try #require(row).hasSuffix("| every other region's (9): `<region>.svc.cluster.local` |"))
    }
}
