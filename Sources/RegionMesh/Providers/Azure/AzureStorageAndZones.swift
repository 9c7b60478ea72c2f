/// The availability zones a region's nodes spread across. By default the nodes of a region in a
/// location with zones go to zones 1, 2, 3, 1, … in turn; `Zones(2, 3)` pins the zones used, and
/// `Zones()` places the nodes in no zone.
public struct Zones: SettingStatement {
    /// The zone numbers, each 1–3; empty for no zone.
    public let numbers: [Int]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the zones, in the order nodes are placed in them.
    public init(_ numbers: Int..., fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.numbers = numbers
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// The managed data disk each node gets for the database's volumes. A region's declaration
/// overrides only the fields it gives. The size defaults to the smallest Premium SSD size that
/// holds the database's storage.
public struct DataDisks: SettingStatement {
    /// The size in GiB.
    public let sizeGiB: Int?
    /// The disk type.
    public let sku: DiskSKU?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Declares the data disks.
    public init(sizeGiB: Int? = nil, sku: DiskSKU? = nil, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.sizeGiB = sizeGiB
        self.sku = sku
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// An Azure managed disk type, as `az vm create --storage-sku` takes it.
public enum DiskSKU: String, Sendable, Codable, CaseIterable {
    /// Premium SSD, locally redundant: the default for databases.
    case premiumSSD = "Premium_LRS"
    /// Premium SSD, zone-redundant (not for zonal VMs' data in every location).
    case premiumSSDZoneRedundant = "Premium_ZRS"
    /// Standard SSD, locally redundant.
    case standardSSD = "StandardSSD_LRS"
    /// Standard HDD, locally redundant: not for a database.
    case standardHDD = "Standard_LRS"
}

/// Facts about Azure locations, disks and zones.
enum AzureFacts {
    /// Locations with availability zones (learn.microsoft.com/azure/reliability/regions-list,
    /// "Availability zones" column; checked again at apply time by the capacity preflight).
    static let locationsWithZones: Set<AzureLocation> = [
        .brazilsouth, .canadacentral, .centralus, .chilecentral, .eastus, .eastus2, .mexicocentral, .southcentralus, .westus2, .westus3,
        .austriaeast, .belgiumcentral, .denmarkeast, .francecentral, .germanywestcentral, .italynorth, .northeurope, .norwayeast,
        .polandcentral, .spaincentral, .swedencentral, .switzerlandnorth, .uksouth, .westeurope,
        .australiaeast, .centralindia, .eastasia, .indonesiacentral, .japaneast, .japanwest, .koreacentral, .malaysiawest,
        .newzealandnorth, .southeastasia,
        .israelcentral, .qatarcentral, .southafricanorth, .uaenorth,
    ]
    /// The zone numbers Azure uses.
    static let zoneNumbers = 1...3
    /// Premium SSD sizes (P6 … P80) in GiB: a disk is billed as the next size up, so defaults use these.
    static let premiumSizesGiB = [64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767]
    /// The sizes Azure accepts for a managed data disk.
    static let dataDiskSizes = 4...32767
    /// The OS disk size when none is given: room for the images and logs, not for data.
    static let defaultOSDiskGiB = 64
    /// Where cloud-init mounts the data disk on every node.
    static let dataMountPath = "/var/lib/regionmesh/data"
}
