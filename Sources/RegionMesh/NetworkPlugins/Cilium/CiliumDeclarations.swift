/// The Cilium Helm chart version.
public struct Cilium: SettingStatement {
    /// The chart version, e.g. `1.19.5`.
    public let version: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Pins the Cilium chart version.
    public init(version: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = version
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

extension NodePortPurpose {
    /// The Cilium ClusterMesh API server (Cilium's default NodePort is 32379).
    public static let clusterMesh = NodePortPurpose(name: "clusterMesh", title: "ClusterMesh", defaultPort: 32379)
}

extension NodePorts {
    /// Declares the fixed NodePorts of the ClusterMesh API server and of the DNS service (UDP and
    /// TCP). A port left out keeps the one from `Defaults`, or the default (32379 and 30053).
    public init(clusterMesh: Int? = nil, dns: Int? = nil, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.init([.clusterMesh: clusterMesh, .dns: dns], sourceLocation: SourceLocation(fileID: fileID, filePath: filePath, line: line))
    }

    /// The ClusterMesh API server's port, if this declaration gives it.
    public var clusterMesh: Int? { ports[.clusterMesh] }
    /// The DNS service's port, if this declaration gives it.
    public var dns: Int? { ports[.dns] }
}

/// The Cilium chart versions this generator writes values for, and why.
public enum SupportedCilium {
    /// Minor lines whose chart values (keys, `clustermesh.config.clusters` form, schema) were read and
    /// checked: 1.18 takes the list form of the mesh peers, 1.19 the map form. 1.20 is pre-release.
    public static let minors: [(major: Int, minor: Int)] = [(1, 18), (1, 19)]

    /// Whether the chart version is supported.
    public static func supports(_ version: SemanticVersion) -> Bool {
        version.suffix.isEmpty && minors.contains { $0.major == version.major && $0.minor == version.minor }
    }

    /// Whether the chart takes `clustermesh.config.clusters` as a map keyed by cluster name (1.19+).
    public static func usesClusterMap(_ version: SemanticVersion) -> Bool {
        (version.major, version.minor) >= (1, 19)
    }
}
