import RegionMesh

/// The tables that describe a Plan: the address plan and the nodes. Shared by `regionmesh plan` and
/// the generated README so that both always show the same facts.
public enum PlanTables {
    /// Per region: where it runs, cluster name and ID, network, subnet, pod and service ranges, DNS IP.
    public static func addressPlan(_ plan: Plan) -> TextTable {
        let facts = plan.provider.facts
        return TextTable(
            header: ["Region", "Location", "Cluster", "ID", facts.conventions.networkTerm, "Subnet", "Pods", "Services", "DNS IP"],
            rows: plan.regions.map {
                let addresses = $0.addresses
                return [$0.key, facts.placement(ofRegion: $0.key), $0.cluster.name, "\($0.cluster.id)", "\(addresses.network)", "\(addresses.subnet)",
                    "\(addresses.pods)", "\(addresses.services)", "\(addresses.dnsServiceIP)"]
            })
    }

    /// Every node: name, region, private IP.
    public static func nodes(_ plan: Plan) -> TextTable {
        TextTable(
            header: ["Node", "Region", "Private IP"],
            rows: plan.regions.flatMap { region in region.nodes.map { [$0.name, region.key, "\($0.privateIP)"] } })
    }

    /// The terminal form used by `regionmesh plan`, with the components' tables after the neutral ones.
    public static func render(_ plan: Plan) -> String {
        var text = """
            \(plan.name): \(plan.summary)
            Declared in \(plan.sourceFile)

            \(addressPlan(plan).plainText)
            \(nodes(plan).plainText)
            """
        for inventory in GeneratorRegistry.components(of: plan).compactMap({ $0.inventory() }) {
            text += "\n\(inventory.title)\n" + inventory.table.plainText
        }
        return text
    }
}
