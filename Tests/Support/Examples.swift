import RegionMesh
import Testing
import Topologies

/// The example topology of `topologies/` called `name`.
public func exampleTopology(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Topology {
    try #require(TopologyRegistry.named(name), "no example topology '\(name)'", sourceLocation: sourceLocation)
}

/// The Plan of the example topology called `name`.
public func examplePlan(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    try Fixture.plan(try exampleTopology(name, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
}
