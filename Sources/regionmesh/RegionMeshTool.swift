import ArgumentParser
import RegionMesh
import RegionMeshCLI
import Topologies

/// `regionmesh`: the tool over this repository's example topologies, with `init`, which starts a
/// team's own repository, and the developers' `benchmark`.
@main
struct RegionMeshTool: RegionMeshApp {
    static let commandName = "regionmesh"
    static let topologies = TopologyRegistry.all
    static let gitRepository: GitRepository? = TopologyRegistry.gitRepository
    static let additionalCommands: [any ParsableCommand.Type] = [InitCommand.self, BenchmarkCommand.self, SyntheticCommand.self]
}
