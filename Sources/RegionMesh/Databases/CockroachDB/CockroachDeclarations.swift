/// The CockroachDB nodes of a region. A region's declaration overrides only the fields it gives;
/// the rest come from `Defaults`, then from the built-in default.
public struct CockroachDB: SettingStatement {
    /// The image tag of `cockroachdb/cockroach`, e.g. `v26.2.1`.
    public let version: String?
    /// The volume size of each pod, a Kubernetes quantity such as `100Gi`.
    public let storage: String?
    /// CPU cores per pod (requests equal limits).
    public let cpu: Int?
    /// Memory per pod, a Kubernetes quantity such as `8Gi` (requests equal limits).
    public let memory: String?
    /// Pods per region; one per node unless given.
    public let replicas: Int?
    /// The storage class of the volumes; the cluster's default unless given.
    public let storageClass: String?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the CockroachDB nodes.
    public init(
        version: String? = nil, storage: String? = nil, cpu: Int? = nil, memory: String? = nil, replicas: Int? = nil,
        storageClass: String? = nil, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.version = version
        self.storage = storage
        self.cpu = cpu
        self.memory = memory
        self.replicas = replicas
        self.storageClass = storageClass
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}
