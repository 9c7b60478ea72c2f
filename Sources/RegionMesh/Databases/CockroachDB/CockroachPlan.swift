/// A region's CockroachDB StatefulSet.
public struct CockroachRegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// `cockroachdb/cockroach:<version>`.
    public let image: String
    /// The CockroachDB version, the image tag.
    public let version: SemanticVersion
    /// The StatefulSet's replicas: CockroachDB nodes in the region.
    public let replicas: Int
    /// The volume of each pod.
    public let storage: Quantity
    /// nil: the cluster's default storage class.
    public let storageClass: String?
    /// CPU cores per pod (requests equal limits).
    public let cpu: Int
    /// Memory per pod (requests equal limits).
    public let memory: Quantity
    /// `region=<location>,zone=<key>`: the same tiers in the same order in every region.
    public let locality: String
    /// Per node, its locality with its zone, when the region's nodes are in zones; each pod takes
    /// its node's. Empty when every pod has ``locality``.
    public let nodeLocalities: [NodeLocality]
    /// The names of the region's pods, in order: `<statefulSet>-0`, `<statefulSet>-1`, …
    public let podNames: [String]
    /// The stable DNS names of the region's pods, in order: `<pod>.<headlessService>.<dnsZone>`.
    public let podHosts: [String]
    /// The host names of the region's node certificate (its SANs): localhost, the public service
    /// under every name a client may use, wildcards over the headless service that cover the pod
    /// host names, and the names clients outside reach the region by (a global name, the region's
    /// front end), when they do.
    public let certificateHosts: [String]

    /// The value of the locality's `region` tier: what CockroachDB calls this region (the
    /// provider's placement, e.g. `eastus`), in `SHOW REGIONS` and in `ALTER DATABASE … REGION`.
    public var localityRegion: String {
        locality.split(separator: ",").first { $0.hasPrefix("region=") }.map { String($0.dropFirst("region=".count)) } ?? key
    }
}

/// CockroachDB's part of the Plan: what every node shares, and each region's StatefulSet.
public struct CockroachPlan: Sendable, Codable, Equatable {
    /// The SQL/RPC port.
    public let port: Int
    /// The DB Console port.
    public let httpPort: Int
    /// `--join`, the same on every node: the first pods of every region (see
    /// ``CockroachDatabase/joinPodsPerRegion(regions:)``), `host:port`, regions in declaration order.
    public let joinList: [String]
    /// The locality tier names, in order.
    public let localityTiers: [String]
    /// The region whose first pod runs `cockroach init`.
    public let initRegion: String
    /// The Kubernetes names that the manifests, the certificates and the scripts share.
    public let names: CockroachNames
    /// The folder of the certificates and keys inside the secrets folder.
    public let certificatesFolder: String
    /// The regions, in declaration order.
    public let regions: [CockroachRegionPlan]

    /// The CockroachDB part of region `key`.
    public func region(_ key: String) -> CockroachRegionPlan? {
        regions.first { $0.key == key }
    }

    /// The part of `region`, which a Plan always has.
    public subscript(region: RegionPlan) -> CockroachRegionPlan {
        guard let part = self.region(region.key) else { preconditionFailure("the Plan has no part for region \(region.key)") }
        return part
    }
}

/// The names of every region's CockroachDB objects: the same in each region's namespace.
public struct CockroachNames: Sendable, Codable, Equatable {
    /// The StatefulSet; its pods are `<statefulSet>-0`, `-1`, …
    public let statefulSet: String
    /// The headless Service that gives each pod its DNS name (the StatefulSet's `serviceName`).
    public let headlessService: String
    /// The ClusterIP Service that SQL clients connect to.
    public let publicService: String
    /// The Secret with the CA, node and root client certificates, mounted into every pod.
    public let nodeSecret: String
    /// The Secret with the CA and root client certificates, for client pods.
    public let clientSecret: String
    /// Where the pods mount the node Secret: `--certs-dir` of every `cockroach` command in a pod.
    public let certsDirectory: String
}


/// The locality of the database node that runs on one Kubernetes node.
public struct NodeLocality: Sendable, Codable, Equatable {
    /// The Kubernetes node name.
    public let node: String
    /// `region=<location>,zone=<zone>`.
    public let locality: String
}
