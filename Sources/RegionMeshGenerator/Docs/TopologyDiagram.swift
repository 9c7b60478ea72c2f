import RegionMesh

/// A kind of link the topology diagram draws between regions, contributed by the component that
/// makes it: the provider's network peerings, the network plugin's mesh between clusters.
struct DiagramLink {
    /// What the link joins.
    enum Ends { case networks, clusters }

    /// What the link joins: the regions' networks or their clusters.
    let ends: Ends
    /// Its label: "VNet peering", "ClusterMesh".
    let label: String
    /// The linked regions by key, each pair once, in the order to draw them.
    let pairs: [(String, String)]

    /// Each unordered pair of `directed` once, in first-seen order: N·(N−1) one-way peerings → N·(N−1)/2 links.
    static func undirected(_ directed: [(String, String)]) -> [(String, String)] {
        var seen = Set<[String]>()
        return directed.filter { seen.insert([$0.0, $0.1].sorted()).inserted }
    }
}

/// The deployment as a picture: a Mermaid flowchart (GitHub and GitLab draw it in a pull request)
/// with one box per region holding its network and its cluster, and the components' links between
/// regions.
enum TopologyDiagram {
    /// The Markdown of the diagram, a fenced `mermaid` block.
    static func markdown(_ plan: Plan, links: [DiagramLink]) -> String {
        let facts = plan.provider.facts
        let id = Dictionary(uniqueKeysWithValues: plan.regions.enumerated().map { ($0.element.key, "region\($0.offset + 1)") })
        var lines = ["```mermaid", "flowchart LR"]
        for region in plan.regions {
            let node = id[region.key]!
            let addresses = region.addresses
            lines += [
                "  subgraph \(node)[\(label("region \(region.key) · \(facts.placement(ofRegion: region.key))"))]",
                "    \(node)_network[\(label("\(facts.conventions.networkTerm) \(addresses.network)<br/>subnet \(addresses.subnet)"))]",
                "    \(node)_cluster([\(label("cluster \(region.cluster.name) · ID \(region.cluster.id)<br/>\(region.nodes.count) node\(region.nodes.count == 1 ? "" : "s") · pods \(addresses.pods)"))])",
                "    \(node)_network --- \(node)_cluster",
                "  end",
            ]
        }
        for link in links {
            let suffix = link.ends == .networks ? "_network" : "_cluster"
            let arrow = link.ends == .networks ? "<-->" : "<-.->"
            for (from, to) in link.pairs {
                guard let a = id[from], let b = id[to] else { continue }
                lines.append("  \(a)\(suffix) \(arrow)|\(label(link.label))| \(b)\(suffix)")
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A quoted Mermaid label.
    private static func label(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "#quot;") + "\""
    }
}
