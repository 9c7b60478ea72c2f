import RegionMesh

/// The tables that describe a Plan: the address plan, the nodes, the Azure resources. Shared by
/// `regionmesh plan` and the generated README so that both always show the same facts.
public enum PlanTables {
    /// Per region: location, cluster name and ID, VNet, subnet, pod and service ranges, DNS IP.
    public static func addressPlan(_ plan: Plan) -> TextTable {
        TextTable(
            header: ["Region", "Location", "Cluster", "ID", "VNet", "Subnet", "Pods", "Services", "DNS IP"],
            rows: plan.regions.map {
                [$0.key, $0.location, $0.cluster.name, "\($0.cluster.id)", "\($0.network.vnet)", "\($0.network.subnet)",
                 "\($0.pods.cidr)", "\($0.services.cidr)", "\($0.services.dnsIP)"]
            })
    }

    /// Every node: name, region, private IP.
    public static func nodes(_ plan: Plan) -> TextTable {
        TextTable(
            header: ["Node", "Region", "Private IP", "Public IP resource"],
            rows: plan.regions.flatMap { region in region.nodes.map { [$0.name, region.key, "\($0.privateIP)", $0.publicIPName] } })
    }

    /// The count of each kind of Azure resource.
    public static func azureResources(_ plan: Plan) -> TextTable {
        TextTable(header: ["Azure resource", "Count"], rows: ResourceInventory(plan).rows.map { [$0.0, "\($0.1)"] })
    }

    /// The terminal form used by `regionmesh plan`.
    public static func render(_ plan: Plan) -> String {
        """
        \(plan.name): \(plan.summary)
        Resource group \(plan.azure.resourceGroup) (\(plan.azure.location)), declared in \(plan.sourceFile)

        \(addressPlan(plan).plainText)
        \(nodes(plan).plainText)
        \(azureResources(plan).plainText)
        """
    }
}
