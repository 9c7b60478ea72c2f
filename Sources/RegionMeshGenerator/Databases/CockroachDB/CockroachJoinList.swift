import RegionMesh

/// How the README explains the `--join` list that every CockroachDB node starts with: which pods it
/// names, and why not all of them.
enum CockroachJoinList {
    /// Where CockroachDB's guidance for `--join` is written.
    static let guidance = "https://www.cockroachlabs.com/docs/stable/cockroach-start#networking"

    /// The README section: title and Markdown.
    static func readmeSection(_ cockroach: CockroachPlan) -> (title: String, markdown: String) {
        let perRegion = CockroachDatabase.joinPodsPerRegion(regions: cockroach.regions.count)
        let pods = DeploymentReadme.list((0..<perRegion).map { "`\(cockroach.names.statefulSet)-\($0)`" })
        let which = cockroach.regions.count == 1 ? "\(pods) of the region" : "\(pods) of each region"
        let fewer = cockroach.regions.contains { $0.replicas < perRegion } ? " (all of a region that has fewer)" : ""
        let nodes = cockroach.regions.map(\.replicas).reduce(0, +)
        return (
            "CockroachDB join list",
            """
            Every CockroachDB node starts with the same `--join` list: \(which)\(fewer), \(cockroach.joinList.count) \
            addresses for \(nodes) nodes. This follows CockroachDB's guidance for `cockroach start --join` \
            (\(guidance)): more than one address per region, spread across failure domains (a region's pods run on \
            different Kubernetes nodes), the same list on every node, and not every node of the cluster, because \
            listing them all slows down how fast a new cluster stabilizes. A starting node needs one reachable address \
            of the list and learns every other node through gossip, so the list grows with the regions, not with the nodes.
            """
        )
    }
}
