/// Azure's part of the Plan: the resource group, and per region the VNet, the NSG and its rules,
/// and per node a public IP, a NIC and a VM.
public struct AzurePlan: Sendable, Codable, Equatable, ProviderFacts {
    /// The one resource group that holds everything; teardown deletes exactly it.
    public let resourceGroup: String
    /// The resource group's location.
    public let location: AzureLocation
    /// The tag that marks the resource group as this topology's; teardown refuses a group without it.
    public let ownerTag: ResourceTag
    /// What every resource name of the deployment starts with (`<prefix>-<region>-…`), so that what
    /// an earlier plan had and this one lacks is recognised in the resource group.
    public let namePrefix: String
    /// The regions, in declaration order.
    public let regions: [AzureRegionPlan]
    /// Every one-way VNet peering of the full mesh: N·(N−1). Not in `plan.json`: it follows from
    /// ``regions``.
    public let peerings: [VNetPeering]
    /// The global endpoint over the regions' front ends, when the topology has one.
    public let trafficManager: TrafficManagerPlan?
    /// The geo-replicated registry the nodes pull through, when the topology has one.
    public let registry: ContainerRegistryPlan?

    /// The Azure part of region `key`.
    public func region(_ key: String) -> AzureRegionPlan? {
        regions.first { $0.key == key }
    }

    /// The Azure part of `region`, which a Plan always has.
    public subscript(region: RegionPlan) -> AzureRegionPlan {
        guard let part = self.region(region.key) else { preconditionFailure("the Plan has no Azure resources for region \(region.key)") }
        return part
    }

    /// The Azure location of region `key`.
    public func placement(ofRegion key: String) -> String {
        region(key)?.location.name ?? location.name
    }

    /// Azure's conventions.
    public var conventions: ProviderConventions { AzureProvider.conventions }

    /// The zone of node `index` of region `key`, as Kubernetes names zones: `eastus-1`.
    public func zone(ofNode index: Int, inRegion key: String) -> String? {
        guard let part = region(key), index >= 1, index <= part.nodes.count, let zone = part.nodes[index - 1].zone else { return nil }
        return "\(part.location.name)-\(zone)"
    }

    /// Where the data disk of region `key`'s nodes is mounted.
    public func dataPath(ofRegion key: String) -> String? {
        region(key)?.dataDisk.mountPath
    }

    /// The global name, then the region's front end, when clients reach region `key`.
    public func clientHostNames(ofRegion key: String) -> [String] {
        guard let frontEnd = region(key)?.frontEnd else { return [] }
        return (trafficManager.map { [$0.fqdn] } ?? []) + [frontEnd.fqdn]
    }

    /// The registry's login server, mirroring Docker Hub, with its pull-only token.
    public var imageMirror: ImageMirror? {
        registry.map { ImageMirror(host: $0.loginServer, upstreams: $0.upstreams, username: $0.token, passwordFile: $0.passwordFile) }
    }

    /// The full mesh of one-way peerings between the VNets of `regions`, in order: the planner's
    /// rule, and how reading `plan.json`, which leaves the peerings out, restores them.
    static func peerings(prefix: String, regions: [AzureRegionPlan]) -> [VNetPeering] {
        let ends = regions.map { (key: $0.key, vnet: $0.vnetName) }
        var peerings: [VNetPeering] = []
        peerings.reserveCapacity(ends.count * max(ends.count - 1, 0))
        for from in ends {
            let names = AzureNames(prefix: prefix, region: from.key)
            for to in ends where to.key != from.key {
                peerings.append(VNetPeering(name: names.peering(to: to.key), fromRegion: from.key, fromVNet: from.vnet, toRegion: to.key, toVNet: to.vnet))
            }
        }
        return peerings
    }
}

extension AzurePlan {
    private enum CodingKeys: String, CodingKey {
        case resourceGroup, location, ownerTag, namePrefix, regions, peerings, trafficManager, registry
    }

    /// Reads the plan, deriving the peerings from the regions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let namePrefix = try container.decode(String.self, forKey: .namePrefix)
        let regions = try container.decode([AzureRegionPlan].self, forKey: .regions)
        self.init(
            resourceGroup: try container.decode(String.self, forKey: .resourceGroup),
            location: try container.decode(AzureLocation.self, forKey: .location),
            ownerTag: try container.decode(ResourceTag.self, forKey: .ownerTag),
            namePrefix: namePrefix, regions: regions,
            peerings: Self.peerings(prefix: namePrefix, regions: regions),
            trafficManager: try container.decodeIfPresent(TrafficManagerPlan.self, forKey: .trafficManager),
            registry: try container.decodeIfPresent(ContainerRegistryPlan.self, forKey: .registry))
    }

    /// Writes the plan without the peerings, which follow from the regions.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resourceGroup, forKey: .resourceGroup)
        try container.encode(location, forKey: .location)
        try container.encode(ownerTag, forKey: .ownerTag)
        try container.encode(namePrefix, forKey: .namePrefix)
        try container.encode(regions, forKey: .regions)
        try container.encodeIfPresent(trafficManager, forKey: .trafficManager)
        try container.encodeIfPresent(registry, forKey: .registry)
    }
}

/// A tag on an Azure resource.
public struct ResourceTag: Sendable, Codable, Equatable {
    /// The tag name.
    public let name: String
    /// Its value.
    public let value: String

    /// `name=value`, as `az … --tags` takes it.
    public var assignment: String { "\(name)=\(value)" }
}

/// A region's Azure resources.
public struct AzureRegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// The Azure location.
    public let location: AzureLocation
    /// The VNet.
    public let vnetName: String
    /// The node subnet.
    public let subnetName: String
    /// The NSG on every node's NIC.
    public let nsgName: String
    /// The NSG's inbound allow rules, by priority.
    public let securityRules: [NSGRule]
    /// The VM shape of every node.
    public let virtualMachine: VirtualMachinePlan
    /// The data disk of every node, which holds the database's volumes.
    public let dataDisk: DataDiskPlan
    /// Per node: the VM, its NIC and its public IP, in node order.
    public let nodes: [AzureNodePlan]
    /// The front end clients reach the region's database through, when they do.
    public let frontEnd: AzureFrontEndPlan?
}

/// The managed data disk of a node: attached at a LUN, formatted and mounted by cloud-init.
public struct DataDiskPlan: Sendable, Codable, Equatable {
    /// The size in GiB.
    public let sizeGiB: Int
    /// The disk type.
    public let sku: DiskSKU
    /// The LUN it is attached at (`/dev/disk/azure/scsi1/lun<n>`).
    public let lun: Int
    /// Where it is mounted.
    public let mountPath: String
}

/// A node's Azure resources.
public struct AzureNodePlan: Sendable, Codable, Equatable {
    /// The VM (also the node's name).
    public let vmName: String
    /// The NIC, with the node's private IP pinned.
    public let nicName: String
    /// The Standard static public IP, for SSH and the Kubernetes API.
    public let publicIPName: String
    /// The availability zone of the VM and its public IP, if any.
    public let zone: Int?
}

/// An inbound allow rule of an NSG.
public struct NSGRule: Sendable, Codable, Equatable {
    /// The rule name.
    public let name: String
    /// The priority, 100–4096.
    public let priority: Int
    /// The protocol.
    public let networkProtocol: InboundRule.NetworkProtocol
    /// Destination ports.
    public let ports: [PortRange]
    /// Who may connect.
    public let sources: [SourceRange]
    /// Azure service tags that may connect besides `sources` (`AzureTrafficManager`), if any.
    public let sourceServiceTags: [String]?
    /// Why the rule exists.
    public let description: String

    /// Every source as `--source-address-prefixes` takes it: the ranges, then the service tags.
    public var sourcePrefixes: [String] { sources.map(\.description) + (sourceServiceTags ?? []) }
}

/// The VM shape.
public struct VirtualMachinePlan: Sendable, Codable, Equatable {
    /// The size, e.g. `Standard_D4s_v5`.
    public let size: String
    /// The image URN.
    public let imageURN: String
    /// The admin user.
    public let adminUser: String
    /// The OS disk's size in GiB.
    public let osDiskGiB: Int
}

/// One direction of a VNet peering.
public struct VNetPeering: Sendable, Codable, Equatable {
    /// The peering's name.
    public let name: String
    /// The region whose VNet holds the peering.
    public let fromRegion: String
    /// That VNet.
    public let fromVNet: String
    /// The region it reaches.
    public let toRegion: String
    /// That region's VNet.
    public let toVNet: String
}

/// How many Azure resources of each kind the Plan creates, for `regionmesh plan` and the README.
public struct ResourceInventory: Equatable, Sendable {
    /// `(label, count)` rows in creation order.
    public private(set) var rows: [(String, Int)]

    /// Counts the resources of `azure`.
    public init(_ azure: AzurePlan) {
        let nodes = azure.regions.reduce(0) { $0 + $1.nodes.count }
        let regions = azure.regions.count
        rows = [
            ("resource group", 1), ("virtual networks", regions), ("subnets", regions),
            ("VNet peerings", azure.peerings.count), ("network security groups", regions),
            ("NSG rules", azure.regions.reduce(0) { $0 + $1.securityRules.count }),
            ("public IPs (Standard, static)", nodes), ("network interfaces", nodes), ("virtual machines", nodes),
            ("managed data disks", nodes),
        ]
        let frontEnds = azure.regions.filter { $0.frontEnd != nil }.count
        if frontEnds > 0 {
            rows += [("load balancers (Standard, public)", frontEnds), ("public IPs of load balancers (with a DNS label)", frontEnds)]
        }
        if let trafficManager = azure.trafficManager {
            rows += [("Traffic Manager profile", 1), ("Traffic Manager endpoints", trafficManager.endpoints.count)]
        }
        if let registry = azure.registry {
            rows += [("container registry (Premium)", 1), ("registry replications", registry.replications.count)]
        }
    }

    public static func == (lhs: ResourceInventory, rhs: ResourceInventory) -> Bool {
        lhs.rows.elementsEqual(rhs.rows) { $0 == $1 }
    }
}
