/// Node counts, administrative access and the fixed NodePorts of each cluster.
extension Rule {
    /// The rule `invalid-node-count`.
    public static let invalidNodeCount = Rule("invalid-node-count", .error, "a region has fewer than one node")
    /// The rule `admin-open-to-internet`.
    public static let adminOpenToInternet = Rule(
        "admin-open-to-internet", .warning, "SSH, the Kubernetes API and the NodePorts are reachable from any address ('*')")
    /// The rule `clients-open-to-internet`.
    public static let clientsOpenToInternet = Rule(
        "clients-open-to-internet", .warning, "the database's client ports (SQL, DB Console) are reachable from any address ('*')")
    /// The rule `unroutable-source`.
    public static let unroutableSource = Rule(
        "unroutable-source", .warning,
        "an administrative or inbound source lies in a documentation or otherwise unroutable range (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 0.0.0.0/8, …): nobody can connect from it")
    /// The rule `node-port-out-of-range`.
    public static let nodePortOutOfRange = Rule(
        "node-port-out-of-range", .error, "a fixed NodePort is outside the Kubernetes NodePort range 30000–32767")
    /// The rule `node-port-collision`.
    public static let nodePortCollision = Rule("node-port-collision", .error, "two fixed NodePorts of a cluster are the same")
}

enum NodeRules {
    /// Nodes per region when no declaration gives a count.
    static let defaultNodeCount = 3

    static func parseNodes(_ nodes: Nodes?, diagnostics: inout DiagnosticCollector) -> Parsed<Int> {
        Parsed.parse(nodes) { nodes in
            guard nodes.count >= 1 else {
                diagnostics.add(.invalidNodeCount, "Nodes(\(nodes.count)) gives \(nodes.count) nodes; a region needs at least 1", at: nodes.sourceLocation)
                return nil
            }
            return nodes.count
        }
    }

    /// `*` alone, or CIDR blocks; reports each bad entry.
    static func parseAdminAccess(_ access: AdminAccess?, diagnostics: inout DiagnosticCollector) -> Parsed<[SourceRange]> {
        Parsed.parse(access) { access in
            parseSources(access.sources, "AdminAccess", at: access.sourceLocation, diagnostics: &diagnostics)
        }
    }

    /// `*` alone, CIDR blocks, or none (the region is closed to clients); reports each bad entry.
    static func parseClientAccess(_ access: ClientAccess?, diagnostics: inout DiagnosticCollector) -> Parsed<[SourceRange]> {
        Parsed.parse(access) { access in
            access.sources.isEmpty ? [] : parseSources(access.sources, "ClientAccess", at: access.sourceLocation, diagnostics: &diagnostics)
        }
    }

    /// Source ranges of a firewall declaration: `*` alone, or CIDR blocks; reports each bad entry.
    static func parseSources(_ texts: [String], _ what: String, at location: SourceLocation, diagnostics: inout DiagnosticCollector) -> [SourceRange]? {
        if texts == ["*"] { return [.any] }
        if texts.isEmpty {
            diagnostics.add(.invalidCIDR, "\(what) lists no source; give CIDR blocks or '*'", at: location)
            return nil
        }
        var parsed: [SourceRange] = []
        var failed = false
        for text in texts {
            let hint = text == "*" ? " ('*' must stand alone)" : ""
            if let network = diagnostics.parseCIDR(text, "\(what) source\(hint)", at: location) {
                parsed.append(.network(network))
            } else {
                failed = true
            }
        }
        return failed ? nil : parsed
    }

    /// Ranges no connection from the Internet comes from: documentation examples (RFC 5737),
    /// "this network", loopback, link-local, shared (carrier-grade NAT), benchmarking, multicast and
    /// reserved space.
    static let unroutable: [(IPv4Network, String)] = [
        ("192.0.2.0", 24, "TEST-NET-1, for documentation"), ("198.51.100.0", 24, "TEST-NET-2, for documentation"),
        ("203.0.113.0", 24, "TEST-NET-3, for documentation"), ("0.0.0.0", 8, "'this network'"), ("127.0.0.0", 8, "loopback"),
        ("169.254.0.0", 16, "link-local"), ("100.64.0.0", 10, "shared address space behind carrier-grade NAT"),
        ("198.18.0.0", 15, "benchmarking"), ("224.0.0.0", 4, "multicast"), ("240.0.0.0", 4, "reserved"),
    ].map { (try! IPv4Network.parse("\($0.0)/\($0.1)"), $0.2) }

    /// Warns about each source inside an unroutable range: nobody can connect from there.
    static func checkRoutable(_ sources: [SourceRange], _ what: String, region: String, at location: SourceLocation, diagnostics: inout DiagnosticCollector) {
        for case .network(let network) in sources where network.prefixLength > 0 {
            guard let (range, why) = unroutable.first(where: { $0.0.contains(network) }) else { continue }
            diagnostics.add(.unroutableSource, region: region, at: location) {
                "\(what) source \(network) of \($0) lies in \(range) (\(why)); no one connects from there: put the range you connect from in the topology (curl -s https://ifconfig.me shows your address)"
            }
        }
    }

    static func parseNodePorts(_ declaration: NodePorts?, purposes: [NodePortPurpose], diagnostics: inout DiagnosticCollector) -> [NodePortPurpose: Parsed<Int>] {
        guard let declaration else { return [:] }
        var ports: [NodePortPurpose: Parsed<Int>] = [:]
        for purpose in purposes {
            guard let port = declaration.ports[purpose] else { continue }
            if Kubernetes.nodePortRange.contains(port) {
                ports[purpose] = .value(port, at: declaration.sourceLocation)
            } else {
                diagnostics.add(
                    .nodePortOutOfRange, "\(purpose.title) NodePort \(port) is outside the NodePort range \(Kubernetes.nodePortRange.lower)–\(Kubernetes.nodePortRange.upper)",
                    at: declaration.sourceLocation)
                ports[purpose] = .invalid
            }
        }
        return ports
    }

    static func check(_ regions: [RegionFacts], clientPorts: [ClientPort], diagnostics: inout DiagnosticCollector) {
        for region in regions {
            if let sources = region.adminSources.value, let location = region.adminSources.location {
                if let open = sources.first(where: \.isAnyAddress) {
                    diagnostics.add(.adminOpenToInternet, region: region.key, at: location) {
                        "SSH, the Kubernetes API and the NodePorts of \($0) are open to any address ('\(open)'); limit them with AdminAccess(from: \"<your CIDR>\")"
                    }
                }
                checkRoutable(sources, "AdminAccess", region: region.key, at: location, diagnostics: &diagnostics)
            }
            if let sources = region.clientSources.value, let location = region.clientSources.location {
                if let open = sources.first(where: \.isAnyAddress) {
                    diagnostics.add(.clientsOpenToInternet, region: region.key, at: location) {
                        "the database's client ports of \($0) are open to any address ('\(open)'); limit them with ClientAccess(from: \"<your clients' CIDR>\")"
                    }
                }
                checkRoutable(sources, "ClientAccess", region: region.key, at: location, diagnostics: &diagnostics)
            }
            var seen: [Int: String] = [:]
            if region.clientSources.value?.isEmpty == false {
                // The client NodePorts are fixed; a declared NodePort must keep clear of them.
                for port in clientPorts { seen[port.nodePort] = "\(port.title) client" }
            }
            for (purpose, parsed) in region.nodePorts.sorted(by: { $0.key < $1.key }) {
                guard let port = parsed.value, let location = parsed.location else { continue }
                if let other = seen[port] {
                    diagnostics.add(.nodePortCollision, region: region.key, at: location) {
                        "\(other) and \(purpose.title) NodePorts of \($0) are both \(port); each needs its own"
                    }
                }
                seen[port] = purpose.title
            }
        }
    }
}
