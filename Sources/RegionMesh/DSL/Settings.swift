/// The Azure virtual machines that run the k3s nodes.
public struct VirtualMachines: SettingStatement, Sendable {
    /// The VM size, passed explicitly to `az vm create --size` (e.g. `Standard_D4s_v5`).
    public let size: String
    /// The operating system image.
    public let image: VMImage
    /// The admin user that SSH and k3sup log in as.
    public let adminUser: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the VM shape.
    public init(size: String, image: VMImage, adminUser: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.size = size
        self.image = image
        self.adminUser = adminUser
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .virtualMachines(self) }
}

/// A VM image, always emitted as a full URN: the short aliases change between Azure CLI versions
/// (`UbuntuLTS` no longer exists; `Ubuntu2404` is unknown to older CLIs).
public enum VMImage: Sendable, Hashable {
    /// Ubuntu 24.04 LTS, Gen2.
    case ubuntu2404
    /// Ubuntu 22.04 LTS, Gen2.
    case ubuntu2204
    /// Any image by its `publisher:offer:sku:version` URN.
    case urn(String)

    /// The image URN.
    public var urn: String {
        switch self {
        case .ubuntu2404: "Canonical:ubuntu-24_04-lts:server:latest"
        case .ubuntu2204: "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest"
        case .urn(let urn): urn
        }
    }
}

/// The k3s release installed on every node.
public struct K3s: SettingStatement, Sendable {
    /// A pinned release such as `v1.33.5+k3s1`, or nil when a channel is used.
    public let version: String?
    /// A release channel such as `stable`, or nil when a version is pinned.
    public let channel: String?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Pins a k3s release (recommended: every run installs the same bits).
    public init(version: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = version
        self.channel = nil
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    /// Follows a release channel (warns: a later run may install a different release).
    public init(channel: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = nil
        self.channel = channel
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .k3s(self) }
}

/// The Cilium Helm chart version.
public struct Cilium: SettingStatement, Sendable {
    /// The chart version, e.g. `1.19.5`.
    public let version: String
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Pins the Cilium chart version.
    public init(version: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = version
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .cilium(self) }
}

/// The CockroachDB nodes of a region.
public struct CockroachDB: SettingStatement, Sendable {
    /// The image tag of `cockroachdb/cockroach`, e.g. `v26.2.1`.
    public let version: String
    /// The volume size of each pod, a Kubernetes quantity such as `100Gi`.
    public let storage: String
    /// CPU cores per pod (requests equal limits).
    public let cpu: Int
    /// Memory per pod, a Kubernetes quantity such as `8Gi` (requests equal limits).
    public let memory: String
    /// Pods per region; nil means one per node.
    public let replicas: Int?
    /// The storage class of the volumes; nil means the cluster default (`local-path` on k3s).
    public let storageClass: String?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the CockroachDB nodes.
    public init(
        version: String, storage: String, cpu: Int, memory: String, replicas: Int? = nil, storageClass: String? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.version = version
        self.storage = storage
        self.cpu = cpu
        self.memory = memory
        self.replicas = replicas
        self.storageClass = storageClass
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .cockroachDB(self) }
}

/// Who may reach the nodes' SSH, Kubernetes API and NodePorts from outside Azure.
public struct AdminAccess: SettingStatement, Sendable {
    /// Source CIDR blocks, or `*` for any address (warns).
    public let sources: [String]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Allows administrative access from the given CIDR blocks.
    public init(from sources: String..., fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.sources = sources
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .adminAccess(self) }
}

/// The number of nodes (VMs, k3s servers) in a region.
public struct Nodes: SettingStatement, Sendable {
    /// How many nodes.
    public let count: Int
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the node count.
    public init(_ count: Int, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.count = count
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .nodes(self) }
}

/// The fixed NodePorts through which other regions reach a cluster over VNet peering.
public struct NodePorts: SettingStatement, Sendable {
    /// The Cilium ClusterMesh API server (Cilium's default is 32379).
    public let clusterMesh: Int
    /// The cluster's DNS service, UDP and TCP.
    public let dns: Int
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the fixed NodePorts.
    public init(clusterMesh: Int = 32379, dns: Int = 30053, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.clusterMesh = clusterMesh
        self.dns = dns
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .nodePorts(self) }
}

/// An extra inbound NSG rule, added to the standard SSH / API / NodePort rules.
public struct InboundRule: SettingStatement, Sendable {
    /// The network protocol of an NSG rule.
    public enum NetworkProtocol: String, Sendable { case tcp = "Tcp", udp = "Udp", any = "*" }

    /// The rule name.
    public let name: String
    /// The priority, 100–4096, unique in the region's NSG (the standard rules use 100, 110, 120).
    public let priority: Int
    /// Destination ports and ranges, e.g. `["26257", "8080"]` or `["30000-32767"]`.
    public let ports: [String]
    /// The protocol.
    public let networkProtocol: NetworkProtocol
    /// Source CIDR blocks, or `*`.
    public let sources: [String]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares an inbound allow rule.
    public init(
        _ name: String, priority: Int, ports: [String], protocol networkProtocol: NetworkProtocol = .tcp, from sources: [String],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.name = name
        self.priority = priority
        self.ports = ports
        self.networkProtocol = networkProtocol
        self.sources = sources
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    public var setting: Setting { .inboundRule(self) }
}
