import RegionMesh
import RegionMeshTestSupport
import Testing

/// Helpers of the kind a person writes: one region from a number, several at once.
private func numberedRegion(_ n: Int) -> Region {
    Region("region\(n)", location: .eastus, clusterID: n) {
        Network(vnet: "10.\(n).0.0/16", subnet: "10.\(n).1.0/24")
        Pods("10.\(100 + n).0.0/16")
        Services("10.\(200 + n).0.0/16")
    }
}

private func numberedRegions(_ numbers: [Int]) -> [Region] {
    numbers.map(numberedRegion)
}

private func extraRules() -> [InboundRule] {
    [
        InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["145.40.0.0/24"]),
        InboundRule("AllowConsole", priority: 210, ports: ["8080"], from: ["145.40.0.0/24"]),
    ]
}

private func addressPlan(_ n: Int) -> [any RegionStatement] {
    [
        Network(vnet: "10.\(n).0.0/16", subnet: "10.\(n).1.0/24"),
        Pods("10.\(100 + n).0.0/16"),
        Services("10.\(200 + n).0.0/16"),
    ]
}

/// The region keys of a topology, in declaration order.
private func regionKeys(_ topology: Topology) -> [String] {
    topology.elements.compactMap { ($0 as? Region)?.key }
}

/// `if`, `for` and helper functions inside every builder of the DSL.
@Suite("DSL result builders")
struct DSLBuilderTests {
    @Test("declarations are kept in the order they were written")
    func order() throws {
        let topology = Topology("ordered") {
            Azure(resourceGroup: "rg", location: .eastus)
            Defaults { Nodes(3) }
            numberedRegion(2)
            numberedRegion(1)
        }
        #expect(topology.name == "ordered")
        #expect(topology.elements.count == 4)
        let azure = try #require(topology.elements.first as? Azure, "the first element is Azure")
        #expect(azure.resourceGroup == "rg")
        #expect(azure.namePrefix == "crdb")
        #expect(regionKeys(topology) == ["region2", "region1"])
    }

    @Test("`for` declares one region per iteration", arguments: [0, 1, 3, 10])
    func forLoop(count: Int) {
        let topology = Topology("loop") {
            Azure(resourceGroup: "rg", location: .eastus)
            for n in 0..<count {
                numberedRegion(n + 1)
            }
        }
        #expect(regionKeys(topology) == (0..<count).map { "region\($0 + 1)" })
    }

    @Test("`if` without `else` adds its declarations only when true", arguments: [true, false])
    func ifWithoutElse(includeWest: Bool) {
        let topology = Topology("conditional") {
            numberedRegion(1)
            if includeWest {
                numberedRegion(2)
                numberedRegion(3)
            }
            numberedRegion(4)
        }
        #expect(regionKeys(topology) == (includeWest ? ["region1", "region2", "region3", "region4"] : ["region1", "region4"]))
    }

    @Test("`if … else` and `switch` pick one branch", arguments: [0, 1, 2])
    func ifElseAndSwitch(choice: Int) {
        let topology = Topology("branches") {
            if choice == 0 {
                numberedRegion(10)
            } else {
                numberedRegion(20)
            }
            switch choice {
            case 0: numberedRegion(30)
            case 1: numberedRegion(31)
            default: numberedRegion(32)
            }
        }
        #expect(regionKeys(topology) == [choice == 0 ? "region10" : "region20", "region3\(choice)"])
    }

    @Test("a helper returning one Region or an array of Regions works inside Topology")
    func helpers() {
        let topology = Topology("helpers") {
            Azure(resourceGroup: "rg", location: .eastus)
            numberedRegions([1, 2, 3])
            numberedRegion(4)
            numberedRegions([])
        }
        #expect(regionKeys(topology) == ["region1", "region2", "region3", "region4"])
    }

    @Test("`for`, `if` and helpers inside Region and Defaults")
    func insideRegionAndDefaults() throws {
        let withConsole = true
        let topology = Topology("inner") {
            Azure(resourceGroup: "rg", location: .eastus)
            Defaults {
                K3s(version: "v1.33.5+k3s1")
                if withConsole {
                    Nodes(4)
                }
                extraRules()
            }
            Region("east", location: .eastus, clusterID: 1) {
                addressPlan(1)
                for (port, priority) in [("5432", 300), ("6379", 310)] {
                    InboundRule("Allow\(port)", priority: priority, ports: [port], from: ["145.40.0.0/24"])
                }
                if !withConsole {
                    Nodes(1)
                } else {
                    ClusterName("eastern")
                }
            }
        }
        let defaults = try #require(topology.elements[1] as? Defaults, "unexpected element order: \(topology.elements)")
        let region = try #require(topology.elements[2] as? Region, "unexpected element order: \(topology.elements)")
        #expect(defaults.settings.count == 4)
        #expect(defaults.settings.compactMap { ($0 as? InboundRule)?.name } == ["AllowSQL", "AllowConsole"])
        // The Azure placement comes first, then the six declarations written in the region.
        #expect(region.elements.count == 7)
        #expect(region.elements.compactMap { ($0 as? InboundRule)?.name } == ["Allow5432", "Allow6379"])
        #expect(region.elements.compactMap { ($0 as? ClusterName)?.name } == ["eastern"])
        #expect(region.elements.compactMap { ($0 as? Pods)?.cidr } == ["10.101.0.0/16"])
    }

    @Test("topologies written with loops and helpers compile to a Plan")
    func loopTopologyCompiles() throws {
        let topology = Topology("generated") {
            Azure(resourceGroup: "rg", location: .eastus)
            Defaults { AdminAccess(from: "145.40.0.0/24") }
            numberedRegions([1, 2])
            for n in 3...5 { numberedRegion(n) }
        }
        let plan = try Fixture.plan(topology)
        #expect(plan.regions.map(\.key) == ["region1", "region2", "region3", "region4", "region5"])
        #expect(plan.regions.map(\.cluster.id) == [1, 2, 3, 4, 5])
    }
}
