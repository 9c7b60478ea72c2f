/// What the core's checks found, for the components to check against: every region's identity,
/// and each neutral field as far as it parsed.
public struct CoreFacts: Sendable {
    /// The prefix of every derived name.
    public let namePrefix: String
    /// The provider's conventions.
    public let provider: ProviderConventions
    /// The ports administrators must reach on every node (the distribution's).
    public let adminPorts: [AdminPort]
    /// The ports the database serves clients on (the database's).
    public let clientPorts: [ClientPort]
    /// The regions, in declaration order.
    public let regions: [RegionFacts]
    /// Every region in a validated form, when no core check found an error.
    public let validated: [ValidatedRegion]?
}

/// One region as far as its neutral declarations parsed.
public struct RegionFacts: Sendable {
    /// The region's declarations.
    public let gathered: GatheredRegion
    /// The cluster name: the region's `ClusterName`, or `<namePrefix>-<key>`.
    public let clusterName: String
    /// Where the cluster name comes from.
    public let clusterNameLocation: SourceLocation
    /// The node count, `.invalid` when below 1.
    public let nodes: Parsed<Int>
    /// The ranges, each as far as it parsed.
    public let ranges: DeclaredRanges
    /// The administrative sources.
    public let adminSources: Parsed<[SourceRange]>
    /// Who may reach the database's client ports: `.absent` or an empty list when nobody.
    public let clientSources: Parsed<[SourceRange]>
    /// The fixed NodePorts, by purpose.
    public let nodePorts: [NodePortPurpose: Parsed<Int>]

    /// The region key.
    public var key: String { gathered.key }
    /// Where the region was declared.
    public var location: SourceLocation { gathered.location }
    /// The cluster ID.
    public var clusterID: Int { gathered.region.clusterID }
}

/// A region whose neutral declarations all parsed and passed: no optionals.
public struct ValidatedRegion: Sendable {
    /// The region key.
    public let key: String
    /// Where the region was declared.
    public let location: SourceLocation
    /// The cluster ID.
    public let clusterID: Int
    /// The cluster name.
    public let clusterName: String
    /// The four ranges.
    public let addresses: RegionAddresses
    /// The node count, at least 1.
    public let nodeCount: Int
    /// Who may reach the administrative ports.
    public let adminSources: [SourceRange]
    /// Who may reach the database's client ports; empty when nobody.
    public let clientSources: [SourceRange]
    /// The fixed NodePorts, by purpose.
    public let nodePorts: [NodePortPurpose: Int]
}

/// The ranges of a region's address plan.
public struct RegionAddresses: Sendable {
    /// The private network.
    public let network: IPv4Network
    /// The node subnet.
    public let subnet: IPv4Network
    /// The pod range.
    public let pods: IPv4Network
    /// The prefix length of each node's pod block.
    public let podsPerNodeMaskSize: Int
    /// The service range.
    public let services: IPv4Network
}
