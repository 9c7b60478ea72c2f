import RegionMesh
import RegionMeshTestSupport
import Testing

/// This file, as every declaration written in it should record it: relative to the package root.
private let thisFile = "Tests/RegionMeshTests/DSL/SourceLocationTests.swift"

/// Every declaration records the file (relative to the package root) and line it was written on.
@Suite("DSL source locations")
struct SourceLocationTests {
    @Test("a one-line declaration records this file and its line")
    func oneLine() {
        let (nodes, line) = (Nodes(3), #line)
        #expect(nodes.sourceLocation.file == thisFile)
        #expect(nodes.sourceLocation.line == line)
        #expect(nodes.sourceLocation.description == "\(thisFile):\(line)")
    }

    @Test("every kind of declaration records its location")
    func everyKind() {
        let line = #line
        let locations: [RegionMesh.SourceLocation] = [
            Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24").sourceLocation,  // line + 2
            Pods("10.10.0.0/16").sourceLocation,
            Services("10.101.0.0/16").sourceLocation,
            ClusterName("c").sourceLocation,
            VirtualMachines(size: "s", image: .ubuntu2404, adminUser: "u").sourceLocation,
            K3s(version: "v1.33.5+k3s1").sourceLocation,
            K3s(channel: "stable").sourceLocation,
            Cilium(version: "1.19.5").sourceLocation,
            CockroachDB(version: "v26.2.1", storage: "1Gi", cpu: 1, memory: "1Gi").sourceLocation,
            AdminAccess(from: "*").sourceLocation,
            Nodes(1).sourceLocation,
            NodePorts().sourceLocation,
            InboundRule("r", priority: 200, ports: ["1"], from: ["*"]).sourceLocation,
            Azure(resourceGroup: "rg", location: .eastus).sourceLocation,
            Defaults { Nodes(1) }.sourceLocation,
            Region("r", location: .eastus, clusterID: 1) {}.sourceLocation,
            Topology("t") {}.location,  // line + 18
        ]
        #expect(locations.map(\.file) == Array(repeating: thisFile, count: 17))
        #expect(locations.map(\.line) == Array((line + 2)...(line + 18)))
    }

    @Test("a multi-line declaration records the line it starts on; its contents their own lines")
    func nested() throws {
        let line = #line
        let topology = Topology("nested") {  // line + 1
            Azure(resourceGroup: "rg", location: .eastus)  // line + 2
            Defaults {  // line + 3
                Nodes(3)  // line + 4
            }
            Region(  // line + 6
                "east", location: .eastus, clusterID: 1
            ) {
                Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")  // line + 9
                Pods(  // line + 10
                    "10.10.0.0/16"
                )
            }
        }
        #expect(topology.location == RegionMesh.SourceLocation(file: thisFile, line: line + 1))
        let azure = try #require(topology.elements[0] as? Azure, "unexpected elements \(topology.elements)")
        let defaults = try #require(topology.elements[1] as? Defaults, "unexpected elements \(topology.elements)")
        let region = try #require(topology.elements[2] as? Region, "unexpected elements \(topology.elements)")
        #expect(azure.sourceLocation.line == line + 2)
        #expect(defaults.sourceLocation.line == line + 3)
        let nodes = try #require(defaults.settings.first as? Nodes, "Defaults lost its Nodes")
        #expect(nodes.sourceLocation.line == line + 4)
        #expect(region.sourceLocation.line == line + 6)
        // The region's Azure placement records the Region line.
        #expect(region.elements[0].sourceLocation.line == line + 6)
        let network = try #require(region.elements[1] as? Network, "unexpected region elements \(region.elements)")
        let pods = try #require(region.elements[2] as? Pods, "unexpected region elements \(region.elements)")
        #expect(network.sourceLocation == RegionMesh.SourceLocation(file: thisFile, line: line + 9))
        #expect(pods.sourceLocation.line == line + 10)
    }

    @Test("a declaration in a helper records the helper's line, whoever calls it")
    func helper() throws {
        let first = Fixture.region(1)
        let second = Fixture.region(2)
        let a = try #require(first.elements.lazy.compactMap { $0 as? Network }.first, "fixture regions have a Network")
        let b = try #require(second.elements.lazy.compactMap { $0 as? Network }.first, "fixture regions have a Network")
        #expect(a.sourceLocation == b.sourceLocation)
        #expect(a.sourceLocation.file == "Tests/Support/Fixture.swift")
        // The fixture passes its caller's location on to Region, as a person's helper may.
        let (third, line) = (Fixture.region(3), #line)
        #expect(third.sourceLocation == RegionMesh.SourceLocation(file: thisFile, line: line))
    }

    @Test("a path outside the package keeps the #fileID form")
    func outsidePackage() {
        let location = RegionMesh.SourceLocation(fileID: "Other/File.swift", filePath: "/elsewhere/Other/File.swift", line: 7)
        #expect(location.file == "Other/File.swift")
        #expect(location.description == "Other/File.swift:7")
    }

    @Test("the example topologies record their files under topologies/")
    func exampleTopologies() throws {
        let plan = try Fixture.plan(exampleTopology("crdb-three-region"))
        #expect(plan.sourceFile == "topologies/ThreeRegion.swift")
    }

    @Test("locations order by file, then line")
    func ordering() {
        typealias Location = RegionMesh.SourceLocation
        #expect(Location(file: "a.swift", line: 20) < Location(file: "b.swift", line: 1))
        #expect(Location(file: "a.swift", line: 2) < Location(file: "a.swift", line: 10))
        #expect(!(Location(file: "a.swift", line: 2) < Location(file: "a.swift", line: 2)))
    }
}
