/// Places the deployment on Azure: the one resource group that holds every resource.
public struct Azure: TopologyStatement {
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
}

/// The Azure location a region runs in; ``Region/init(_:location:clusterID:fileID:filePath:line:_:)`` adds it.
struct AzurePlacement: RegionStatement {
    let location: AzureLocation
    let sourceLocation: SourceLocation
}

extension Region {
    /// Declares a region in Azure location `location`, with cluster ID `clusterID` (1–255, unique).
    public init(
        _ key: String, location: AzureLocation, clusterID: Int,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [any RegionStatement]
    ) {
        let declared = SourceLocation(fileID: fileID, filePath: filePath, line: line)
        self.init(
            key, clusterID: clusterID, placement: AzurePlacement(location: location, sourceLocation: declared), sourceLocation: declared,
            elements: content())
    }
}

extension Network {
    /// Declares the region's VNet and the subnet its nodes live in.
    public init(vnet: String, subnet: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.init(range: vnet, subnet: subnet, fileID: fileID, filePath: filePath, line: line)
    }

    /// The VNet's address space, as written.
    public var vnet: String { range }
}

/// The Azure virtual machines that run the nodes. A region's declaration overrides only the fields
/// it gives; the rest come from `Defaults`, then from the built-in default.
public struct VirtualMachines: SettingStatement {
    /// The VM size, passed explicitly to `az vm create --size` (e.g. `Standard_D4s_v5`).
    public let size: String?
    /// The operating system image.
    public let image: VMImage?
    /// The admin user that SSH and the installer log in as.
    public let adminUser: String?
    /// The OS disk's size in GiB (64 unless given); the database's data goes on a data disk.
    public let osDiskGiB: Int?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the VM shape.
    public init(
        size: String? = nil, image: VMImage? = nil, adminUser: String? = nil, osDiskGiB: Int? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line
    ) {
        self.size = size
        self.image = image
        self.adminUser = adminUser
        self.osDiskGiB = osDiskGiB
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
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

/// An extra inbound NSG rule of a region, added to the rules that open the administrative ports.
public struct InboundRule: SettingStatement {
    /// The network protocol of an NSG rule.
    public enum NetworkProtocol: String, Sendable, Codable { case tcp = "Tcp", udp = "Udp", any = "*" }

    /// The rule name.
    public let name: String
    /// The priority, 100–4096, unique in the region's NSG (the administrative rules use 100, 110, 120).
    public let priority: Int
    /// Destination ports and ranges, e.g. `["26257", "8080"]` or `["30000-32767"]`.
    public let ports: [String]
    /// The protocol.
    public let networkProtocol: NetworkProtocol
    /// Source CIDR blocks, or `*`.
    public let sources: [String]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    public static var isRepeatable: Bool { true }

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
}
