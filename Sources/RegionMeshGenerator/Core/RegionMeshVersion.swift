/// RegionMesh's version: `--version` prints it, and the manifest of every output folder records
/// the version that wrote it.
public enum RegionMeshVersion {
    /// The version of this RegionMesh, as its release is tagged.
    public static let current = "0.1.0"
}
