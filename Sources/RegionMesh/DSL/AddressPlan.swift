/// A region's VNet and the one subnet its nodes live in.
public struct Network: RegionStatement, Sendable {
    /// The VNet's address space, e.g. `10.1.0.0/16`.
    public let vnet: String
    /// The node subnet, inside the VNet, e.g. `10.1.1.0/24`.
    public let subnet: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the region's VNet and subnet.
    public init(vnet: String, subnet: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.vnet = vnet
        self.subnet = subnet
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var regionElement: RegionElement { .network(self) }
}

/// The region's pod range: the Cilium cluster-pool and the k3s `--cluster-cidr`.
public struct Pods: RegionStatement, Sendable {
    /// The pod range, e.g. `10.10.0.0/16`.
    public let cidr: String
    /// The prefix length of the block each node gets (Cilium `clusterPoolIPv4MaskSize`).
    public let perNodeMaskSize: Int
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the pod range.
    public init(_ cidr: String, perNodeMaskSize: Int = 24, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.cidr = cidr
        self.perNodeMaskSize = perNodeMaskSize
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var regionElement: RegionElement { .pods(self) }
}

/// The region's Kubernetes service range (k3s `--service-cidr`); its 10th address is the DNS service.
public struct Services: RegionStatement, Sendable {
    /// The service range, e.g. `10.101.0.0/16`.
    public let cidr: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the service range.
    public init(_ cidr: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.cidr = cidr
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var regionElement: RegionElement { .services(self) }
}

/// Overrides the region's cluster name (by default `<namePrefix>-<region key>`). It is the Cilium
/// cluster name and the kubeconfig context.
public struct ClusterName: RegionStatement, Sendable {
    /// The name: at most 32 lower-case alphanumerics and `-`.
    public let name: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the cluster name.
    public init(_ name: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.name = name
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var regionElement: RegionElement { .clusterName(self) }
}
