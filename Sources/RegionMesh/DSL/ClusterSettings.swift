/// The number of nodes (machines, Kubernetes nodes) in a region.
public struct Nodes: SettingStatement {
    /// How many nodes.
    public let count: Int
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the node count.
    public init(_ count: Int, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.count = count
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// Who may reach the nodes' administrative ports (SSH, the Kubernetes API, the NodePorts) from
/// outside the private networks.
public struct AdminAccess: SettingStatement {
    /// Source CIDR blocks, or `*` for any address (warns).
    public let sources: [String]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Allows administrative access from the given CIDR blocks.
    public init(from sources: String..., fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.sources = sources
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// The fixed NodePorts through which the other regions reach a cluster over the private networks,
/// by purpose. Components name their purposes (``NodePortPurpose``) and give the public spelling,
/// e.g. `NodePorts(clusterMesh:dns:)`; a region's declaration overrides only the ports it gives.
public struct NodePorts: SettingStatement {
    /// The ports this declaration gives.
    public let ports: [NodePortPurpose: Int]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    init(_ ports: [NodePortPurpose: Int?], sourceLocation: SourceLocation) {
        self.ports = ports.compactMapValues { $0 }
        self.sourceLocation = sourceLocation
    }
}

/// What a fixed NodePort is for, with the port used when no declaration gives one.
public struct NodePortPurpose: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The purpose's name, also its key in `plan.json`: `dns`.
    public let name: String
    /// What it serves, for messages: `DNS`.
    public let title: String
    /// The port when no declaration gives one.
    public let defaultPort: Int

    public var description: String { name }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }

    public init(from decoder: any Decoder) throws {
        self.init(name: try decoder.singleValueContainer().decode(String.self), title: "", defaultPort: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    init(name: String, title: String, defaultPort: Int) {
        self.name = name
        self.title = title
        self.defaultPort = defaultPort
    }

    /// The cluster's DNS service, UDP and TCP: the other regions forward their lookups of this
    /// region's zone to it.
    public static let dns = NodePortPurpose(name: "dns", title: "DNS", defaultPort: 30053)
}
