/// A multi-region CockroachDB deployment, as a person writes it: the provider's placement,
/// `Defaults`, and one `Region` per region with its address plan (`topologies/ThreeRegion.swift`
/// is a complete example).
///
/// A `Topology` holds only what was written, with where it was written; ``Pipeline`` gathers,
/// validates and resolves it into a ``Plan``.
public struct Topology: Sendable {
    /// The deployment's name; also the folder under `out/`.
    public let name: String
    /// One line saying what the deployment is, for `regionmesh list`.
    public let summary: String
    /// Where the topology was declared.
    public let location: SourceLocation
    /// The file it was declared in, as the compiler named it (an absolute path): where the folder
    /// of topologies is looked for topologies that are not registered.
    let filePath: String
    /// The declarations, in the order they were written.
    public let elements: [any TopologyStatement]

    /// Declares a topology.
    public init(
        _ name: String,
        summary: String = "",
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @TopologyBuilder _ content: () -> [any TopologyStatement]
    ) {
        self.name = name
        self.summary = summary
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line)
        self.filePath = filePath
        self.elements = content()
    }
}

/// Settings that apply to every region unless the region overrides them.
public struct Defaults: TopologyStatement {
    /// The settings, in the order they were written.
    public let settings: [any SettingStatement]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the defaults.
    public init(
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @SettingsBuilder _ content: () -> [any SettingStatement]
    ) {
        self.settings = content()
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// One region: its own private network, Kubernetes cluster and CockroachDB nodes. Each provider
/// adds the initializer that places a region in its own terms.
public struct Region: TopologyStatement {
    /// The region key: a DNS-1123 label that becomes the Kubernetes namespace and DNS zone.
    public let key: String
    /// The cluster's number in the multi-cluster network, unique in the mesh.
    public let clusterID: Int
    /// The declarations inside the region, the provider's placement first.
    public let elements: [any RegionStatement]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares a region placed by `placement`, a provider's declaration.
    init(
        _ key: String, clusterID: Int, placement: any RegionStatement, sourceLocation: SourceLocation,
        elements: [any RegionStatement]
    ) {
        self.key = key
        self.clusterID = clusterID
        self.elements = [placement] + elements
        self.sourceLocation = sourceLocation
    }
}
