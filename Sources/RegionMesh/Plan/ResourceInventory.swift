/// How many Azure resources of each kind the Plan creates, for `regionmesh plan` and the README.
public struct ResourceInventory: Equatable, Sendable {
    public let resourceGroups: Int
    public let virtualNetworks: Int
    public let subnets: Int
    public let peerings: Int
    public let securityGroups: Int
    public let securityRules: Int
    public let publicIPs: Int
    public let networkInterfaces: Int
    public let virtualMachines: Int

    /// Counts the resources of `plan`.
    public init(_ plan: Plan) {
        let nodes = plan.regions.reduce(0) { $0 + $1.nodes.count }
        resourceGroups = 1
        virtualNetworks = plan.regions.count
        subnets = plan.regions.count
        peerings = plan.peerings.count
        securityGroups = plan.regions.count
        securityRules = plan.regions.reduce(0) { $0 + $1.network.inboundRules.count }
        publicIPs = nodes
        networkInterfaces = nodes
        virtualMachines = nodes
    }

    /// `(label, count)` rows in creation order.
    public var rows: [(String, Int)] {
        [
            ("resource group", resourceGroups), ("virtual networks", virtualNetworks), ("subnets", subnets),
            ("VNet peerings", peerings), ("network security groups", securityGroups), ("NSG rules", securityRules),
            ("public IPs (Standard, static)", publicIPs), ("network interfaces", networkInterfaces), ("virtual machines", virtualMachines),
        ]
    }
}
