import RegionMesh

/// Every topology of this repository, by name. `regionmesh` generates `out/<name>/` for each.
public enum TopologyRegistry {
    /// All topologies, in the order `regionmesh list` shows them.
    public static let all: [Topology] = [threeRegion, global, globalEndpoint]

    /// The topology called `name`, or nil.
    public static func named(_ name: String) -> Topology? {
        all.first { $0.name == name }
    }
}
