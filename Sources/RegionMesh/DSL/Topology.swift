/// A multi-region CockroachDB deployment, as a person writes it:
///
/// ```swift
/// public let threeRegion = Topology("crdb-three-region", summary: "…") {
///     Azure(resourceGroup: "crdb-cilium-multi-region", location: .eastus)
///     Defaults { K3s(version: "v1.33.5+k3s1") }
///     Region("eastus", location: .eastus, clusterID: 1) {
///         Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
///         Pods("10.10.0.0/16")
///         Services("10.101.0.0/16")
///     }
/// }
/// ```
///
/// A `Topology` holds only what was written, with where it was written; ``Validator`` checks it
/// and ``Planner`` resolves it into a ``Plan``.
public struct Topology: Sendable {
    /// The deployment's name; also the folder under `out/`.
    public let name: String
    /// One line saying what the deployment is, for `regionmesh list`.
    public let summary: String
    /// Where the topology was declared.
    public let location: SourceLocation
    /// The declarations, in the order they were written.
    public let elements: [TopologyElement]

    /// Declares a topology.
    public init(
        _ name: String,
        summary: String = "",
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @TopologyBuilder _ content: () -> [TopologyElement]
    ) {
        self.name = name
        self.summary = summary
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line)
        self.elements = content()
    }
}

/// The Azure subscription-level placement: the one resource group that holds every resource.
public struct Azure: TopologyStatement, Sendable {
    /// The resource group; teardown deletes exactly this group.
    public let resourceGroup: String
    /// Where the resource group's metadata lives.
    public let location: AzureLocation
    /// The prefix of every derived resource name (`crdb` gives `crdb-eastus-vnet`).
    public let namePrefix: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Places the deployment in `resourceGroup`.
    public init(
        resourceGroup: String, location: AzureLocation, namePrefix: String = "crdb",
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.resourceGroup = resourceGroup
        self.location = location
        self.namePrefix = namePrefix
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var topologyElement: TopologyElement { .azure(self) }
}

/// Settings that apply to every region unless the region overrides them.
public struct Defaults: TopologyStatement, Sendable {
    /// The settings, in the order they were written.
    public let settings: [Setting]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the defaults.
    public init(
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @SettingsBuilder _ content: () -> [Setting]
    ) {
        self.settings = content()
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var topologyElement: TopologyElement { .defaults(self) }
}

/// One region: an Azure location with its own VNet, k3s cluster and CockroachDB nodes.
public struct Region: TopologyStatement, Sendable {
    /// The region key: a DNS-1123 label that becomes the Kubernetes namespace and DNS zone.
    public let key: String
    /// The Azure location of the region's resources.
    public let location: AzureLocation
    /// The Cilium cluster ID, 1–255, unique in the mesh.
    public let clusterID: Int
    /// The declarations inside the region.
    public let elements: [RegionElement]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares a region.
    public init(
        _ key: String, location: AzureLocation, clusterID: Int,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [RegionElement]
    ) {
        self.key = key
        self.location = location
        self.clusterID = clusterID
        self.elements = content()
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var topologyElement: TopologyElement { .region(self) }
}
