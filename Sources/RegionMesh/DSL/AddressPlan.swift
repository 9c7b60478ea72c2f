/// A region's private network and the one subnet its nodes live in. Each provider adds the
/// spelling its users know.
public struct Network: RegionStatement {
    /// The network's address space, e.g. `10.1.0.0/16`.
    public let range: String
    /// The node subnet, inside the network, e.g. `10.1.1.0/24`.
    public let subnet: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the region's network and node subnet.
    public init(range: String, subnet: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.range = range
        self.subnet = subnet
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// The region's pod range: the network plugin's pod pool and the distribution's cluster CIDR.
public struct Pods: RegionStatement {
    /// The pod range, e.g. `10.10.0.0/16`.
    public let cidr: String
    /// The prefix length of the block each node gets.
    public let perNodeMaskSize: Int
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the pod range.
    public init(_ cidr: String, perNodeMaskSize: Int = 24, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.cidr = cidr
        self.perNodeMaskSize = perNodeMaskSize
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// The region's Kubernetes service range; its 10th address is the DNS service.
public struct Services: RegionStatement {
    /// The service range, e.g. `10.101.0.0/16`.
    public let cidr: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the service range.
    public init(_ cidr: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.cidr = cidr
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// Overrides the region's cluster name (by default `<namePrefix>-<region key>`). It names the
/// cluster in the multi-cluster network and is the kubeconfig context.
public struct ClusterName: RegionStatement {
    /// The name: lower-case alphanumerics and `-`.
    public let name: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the cluster name.
    public init(_ name: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.name = name
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}
