import RegionMesh
import Testing
import Topologies

/// The example topology of `topologies/` called `name`.
func exampleTopology(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Topology {
    try #require(TopologyRegistry.named(name), "no example topology '\(name)'", sourceLocation: sourceLocation)
}
