import RegionMesh

/// Every topology of this repository, by name. `regionmesh` generates `out/<name>/` for each.
public enum TopologyRegistry {
    /// All topologies, in the order `regionmesh list` shows them.
    public static let all: [Topology] = [threeRegion, global, globalEndpoint]

    /// The repository the examples' output is committed to, as Argo CD fetches it: a documentation
    /// address (example.com); a team's own package names its real repository.
    public static let gitRepository = GitRepository(url: "https://git.example.com/platform/regionmesh-examples.git", revision: "main")

    /// The topology called `name`, or nil.
    public static func named(_ name: String) -> Topology? {
        all.first { $0.name == name }
    }
}
