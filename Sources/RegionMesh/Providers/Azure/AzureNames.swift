/// The one place that derives Azure resource names from the topology: `<prefix>-<region>-vnet`,
/// `<prefix>-<region>-node1`, `<prefix>-<region>-node1-nic`, … Validation checks these names and the
/// Plan records them, so no emitter ever builds a name itself.
public struct AzureNames {
    let prefix: String
    let region: String

    /// The tag that marks a resource group as topology `topology`'s.
    static func ownerTag(_ topology: String) -> ResourceTag { ResourceTag(name: "regionmesh-topology", value: topology) }

    var vnet: String { "\(prefix)-\(region)\(Self.vnetSuffix)" }
    var subnet: String { "\(prefix)-\(region)-subnet" }
    var nsg: String { "\(prefix)-\(region)\(Self.nsgSuffix)" }
    /// The VM, which is also the Linux host name and the Kubernetes node name.
    func vm(_ index: Int) -> String { "\(prefix)-\(region)\(Self.nodeMarker)\(index)" }
    /// What a VNet's name ends with: `<prefix>-<region>-vnet`.
    public static let vnetSuffix = "-vnet"
    /// What an NSG's name ends with: `<prefix>-<region>-nsg`.
    public static let nsgSuffix = "-nsg"
    /// What precedes a VM's index: `<prefix>-<region>-node<index>`.
    public static let nodeMarker = "-node"
    func nic(_ index: Int) -> String { vm(index) + Self.nicSuffix }
    func publicIP(_ index: Int) -> String { vm(index) + Self.publicIPSuffix }
    /// A VM's NIC is named after the VM with this suffix, so a script finds the NIC of a VM it
    /// only knows by name (one an earlier plan had).
    public static let nicSuffix = "-nic"
    /// A VM's public IP is named after the VM with this suffix.
    public static let publicIPSuffix = "-ip"
    /// The one-way peering from this region's VNet to `remote`'s.
    func peering(to remote: String) -> String { "\(prefix)-\(region)-to-\(remote)" }
}

/// Azure's naming rules for the resources RegionMesh creates (resource-name-rules).
enum AzureNameRule {
    /// VNets, subnets, NSGs, NICs, public IPs and peerings: alphanumerics, `_`, `.`, `-`; start
    /// alphanumeric; end alphanumeric or `_`.
    case networkResource(kind: String, maxLength: Int, minLength: Int = 1)
    /// VMs: their name is the Linux host name and the Kubernetes node name, so lower-case
    /// alphanumerics and `-`, at most 63, as a DNS label.
    case virtualMachine
    /// Resource groups: 1–90 of alphanumerics, `_`, `(`, `)`, `-`, `.`; not ending in `.`.
    case resourceGroup

    /// Why `name` breaks the rule, or nil.
    func problem(with name: String) -> String? {
        switch self {
        case .networkResource(let kind, let maxLength, let minLength):
            if !(minLength...maxLength).contains(name.count) { return "\(kind) name '\(name)' has \(name.count) characters; Azure allows \(minLength) to \(maxLength)" }
            let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
            let startOK = name.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false
            let endOK = name.last.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ?? false
            if !(allowed && startOK && endOK) {
                return "\(kind) name '\(name)' must be alphanumerics, '_', '.' and '-', start with an alphanumeric and end with an alphanumeric or '_'"
            }
        case .virtualMachine:
            if !DNSLabel.isValid(name) {
                return "VM name '\(name)' becomes the host and Kubernetes node name: at most 63 lower-case alphanumerics and '-', starting and ending alphanumeric"
            }
        case .resourceGroup:
            if !(1...90).contains(name.count) { return "resource group name '\(name)' has \(name.count) characters; Azure allows 1 to 90" }
            let allowed = name.allSatisfy { ($0.isLetter || $0.isNumber) || "_()-.".contains($0) }
            if !allowed || name.hasSuffix(".") {
                return "resource group name '\(name)' must be letters, digits, '_', '(', ')', '-' and '.', and must not end with '.'"
            }
        }
        return nil
    }
}
