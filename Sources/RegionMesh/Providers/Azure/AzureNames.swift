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

    // MARK: Client front ends

    /// The region's load balancer for clients.
    var loadBalancer: String { "\(prefix)-\(region)\(Self.loadBalancerSuffix)" }
    /// Its frontend's public IP, named like the load balancer with the public IP suffix.
    var loadBalancerIP: String { loadBalancer + Self.publicIPSuffix }
    /// What a load balancer's name ends with: `<prefix>-<region>-lb`.
    public static let loadBalancerSuffix = "-lb"
    /// The DNS label of the region's front end: the global endpoint's name and the region key, so
    /// that it is as unique as the global name (labels are unique per location).
    static func frontEndLabel(globalName: String, region: String) -> String { "\(globalName)-\(region)" }
    /// The name a public IP's DNS label gets in `location`.
    static func frontEndFQDN(label: String, location: AzureLocation) -> String { "\(label).\(location.name).cloudapp.azure.com" }
    /// The frontend IP configuration, backend pool and health probe of every front end.
    static let frontendName = "clients"
    static let backendPool = "nodes"
    static let probe = "database-ready"
    /// The load-balancing rule of a client service: its name.
    static func loadBalancerRule(_ service: ClientService) -> String { service.rawValue }
    /// The NSG rule that opens a client service to `ClientAccess`.
    static func clientRule(_ service: ClientService) -> String {
        switch service {
        case .sql: "AllowClientSQL"
        case .console: "AllowClientConsole"
        }
    }
    /// The NSG rule that opens the readiness port to Traffic Manager's health checks.
    static let trafficManagerProbeRule = "AllowTrafficManagerProbes"
    /// The Azure service tag of Traffic Manager's health checks (learn.microsoft.com, service-tags-overview).
    static let trafficManagerServiceTag = "AzureTrafficManager"
    /// The Traffic Manager endpoint of a region: the region key.
    var trafficManagerEndpoint: String { region }

    // MARK: Registry

    /// The registry's login server.
    static func loginServer(registry: String) -> String { "\(registry.lowercased()).azurecr.io" }
    /// The token every node pulls with.
    static let pullToken = "regionmesh-nodes-pull"
    /// The system scope map that may read every repository and nothing else ("Can pull any
    /// repository of the registry": learn.microsoft.com, container-registry-repository-scoped-permissions).
    static let pullScopeMap = "_repositories_pull"
    /// Where setup keeps the token's password, relative to the secrets folder.
    static func pullPasswordFile(registry: String) -> String { "registry/\(registry.lowercased())-pull-password" }
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
    /// A public IP's DNS label: `^[a-z][a-z0-9-]{1,61}[a-z0-9]$` (the CheckDnsNameAvailability API's pattern).
    case dnsLabel

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
        case .dnsLabel:
            let allowed = name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            let startOK = name.first.map { $0.isASCII && $0.isLowercase && $0.isLetter } ?? false
            if !(3...63).contains(name.count) || !allowed || !startOK || name.hasSuffix("-") {
                return "DNS label '\(name)' must be 3 to 63 lower-case alphanumerics and '-', starting with a letter and ending alphanumeric"
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
