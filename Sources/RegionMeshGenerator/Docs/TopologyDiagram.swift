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
        struct Pair: Hashable { let low: String, high: String }
        var seen = Set<Pair>(minimumCapacity: directed.count / 2)
        return directed.filter { seen.insert($0.0 < $0.1 ? Pair(low: $0.0, high: $0.1) : Pair(low: $0.1, high: $0.0)).inserted }
    }
}

/// The deployment as a picture: a Mermaid flowchart (GitHub and GitLab draw it in a pull request)
/// with one box per region holding its network and its cluster, and the components' links between
/// regions.
///
/// Mermaid refuses a diagram of more than ``maxEdges`` edges or ``maxTextSize`` characters (its
/// defaults, which GitHub keeps). A full mesh has N·(N−1)/2 links of each kind, so past a few dozen
/// regions each kind is drawn as one hub that every region joins; past what even that fits, the
/// README says so instead of showing a diagram no one can see.
enum TopologyDiagram {
    /// Mermaid's default `maxEdges`.
    static let maxEdges = 500
    /// Mermaid's default `maxTextSize`.
    static let maxTextSize = 50_000

    /// The Markdown of the diagram, a fenced `mermaid` block, or a sentence when Mermaid would refuse it.
    static func markdown(_ plan: Plan, links: [DiagramLink]) -> String {
        let regions = plan.regions.count
        let meshes = links.allSatisfy { $0.pairs.count == regions * (regions - 1) / 2 }
        var drawing: String?
        if regions + links.reduce(0, { $0 + $1.pairs.count }) <= maxEdges {
            drawing = flowchart(plan, links: links, hubs: false)
        } else if meshes, regions + links.count * regions <= maxEdges {
            drawing = flowchart(plan, links: links, hubs: true)
        }
        if let drawing, drawing.utf8.count <= maxTextSize { return drawing }
        return """
            No diagram: \(regions) regions are more than Mermaid draws (at most \(maxEdges) links and \
            \(maxTextSize) characters per diagram). The tables below list every region; \
            \(links.map { "\($0.label) joins every region with every other" }.joined(separator: ", ")).

            """
    }

    /// The flowchart; with `hubs`, each kind of link (a full mesh) is one node that every region joins.
    private static func flowchart(_ plan: Plan, links: [DiagramLink], hubs: Bool) -> String {
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
        for (index, link) in links.enumerated() {
            let suffix = link.ends == .networks ? "_network" : "_cluster"
            let arrow = link.ends == .networks ? "<-->" : "<-.->"
            if hubs {
                let hub = "link\(index + 1)"
                lines.append("  \(hub){{\(label("\(link.label): every region with every other"))}}")
                for region in plan.regions { lines.append("  \(id[region.key]!)\(suffix) \(arrow) \(hub)") }
                continue
            }
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
        "\"" + text.replacingEvery("\"", with: "#quot;") + "\""
    }
}
