/// Parses a region's declarations into typed values, reporting each field that does not parse.
/// Returns the addresses when all four ranges parse (so address rules can run even when, say, a
/// version is malformed) and the whole region when everything parses.
enum RegionParser {
    static func parse(_ input: RegionInput, diagnostics: inout [Diagnostic]) -> (RegionAddresses?, ParsedRegion?) {
        let region = "region '\(input.key)'"
        func cidr(_ text: String?, _ what: String, _ location: SourceLocation?) -> IPv4Network? {
            guard let text, let location else { return nil }
            do {
                return try IPv4Network.parse(text)
            } catch {
                if case .hostBitsSet = error {
                    diagnostics.append(Diagnostic(.cidrHostBitsSet, "\(what) of \(region): \(error)", at: location))
                } else {
                    diagnostics.append(Diagnostic(.invalidCIDR, "\(what) of \(region): \(error)", at: location))
                }
                return nil
            }
        }
        let vnet = cidr(input.network?.vnet, "VNet", input.network?.sourceLocation)
        let subnet = cidr(input.network?.subnet, "subnet", input.network?.sourceLocation)
        let pods = cidr(input.pods?.cidr, "pod range", input.pods?.sourceLocation)
        let services = cidr(input.services?.cidr, "service range", input.services?.sourceLocation)
        var addresses: RegionAddresses?
        if let vnet, let subnet, let pods, let services {
            addresses = RegionAddresses(vnet: vnet, subnet: subnet, pods: pods, services: services)
        }

        let k3s = parseK3s(input.k3s, region: region, diagnostics: &diagnostics)
        let cilium = version(input.cilium.version, "Cilium version", requireV: false, input.cilium.sourceLocation, region, &diagnostics)
        let crdb = input.cockroachDB
        var cockroach = version(crdb.version, "CockroachDB version", requireV: true, crdb.sourceLocation, region, &diagnostics)
        if let parsed = cockroach, parsed.suffix.hasPrefix("+") {
            // The version is an image tag and a label value, neither of which may contain '+'.
            diagnostics.append(Diagnostic(.invalidVersion, "CockroachDB version '\(parsed)' of \(region) has a build suffix; image tags cannot contain '+'", at: crdb.sourceLocation))
            cockroach = nil
        }
        let storage = quantity(crdb.storage, "CockroachDB storage", crdb.sourceLocation, region, &diagnostics)
        let memory = quantity(crdb.memory, "CockroachDB memory", crdb.sourceLocation, region, &diagnostics)
        if crdb.cpu < 1 {
            diagnostics.append(Diagnostic(.invalidQuantity, "CockroachDB cpu of \(region) is \(crdb.cpu); it must be at least 1 core", at: crdb.sourceLocation))
        }
        let adminSources = sources(input.adminAccess?.sources ?? ["*"], "AdminAccess", input.adminAccess?.sourceLocation ?? input.location, region, &diagnostics)
        let rules = inboundRules(input, adminSources: adminSources, diagnostics: &diagnostics)

        guard let addresses, let k3s, let cilium, let cockroach, let storage, let memory, crdb.cpu >= 1,
            let adminSources, let rules
        else { return (addresses, nil) }
        return (
            addresses,
            ParsedRegion(
                input: input, addresses: addresses, k3s: k3s, cilium: cilium, cockroachVersion: cockroach,
                storage: storage, memory: memory, adminSources: adminSources, inboundRules: rules)
        )
    }

    private static func parseK3s(_ k3s: K3s, region: String, diagnostics: inout [Diagnostic]) -> K3sRelease? {
        if let channel = k3s.channel {
            guard !channel.isEmpty, channel.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
                diagnostics.append(Diagnostic(.invalidVersion, "k3s channel '\(channel)' of \(region) is not a channel name such as 'stable' or 'v1.33'", at: k3s.sourceLocation))
                return nil
            }
            return .channel(channel)
        }
        let text = k3s.version ?? ""
        guard let version = SemanticVersion(text, requireV: true), version.suffix.hasPrefix("+k3s") else {
            diagnostics.append(Diagnostic(.invalidVersion, "k3s version '\(text)' of \(region) is not a k3s release such as 'v1.33.5+k3s1'", at: k3s.sourceLocation))
            return nil
        }
        return .version(version)
    }

    private static func version(
        _ text: String, _ what: String, requireV: Bool, _ location: SourceLocation, _ region: String, _ diagnostics: inout [Diagnostic]
    ) -> SemanticVersion? {
        guard let version = SemanticVersion(text, requireV: requireV) else {
            let example = requireV ? "'v26.2.1'" : "'1.19.5'"
            diagnostics.append(Diagnostic(.invalidVersion, "\(what) '\(text)' of \(region) is not a version such as \(example)", at: location))
            return nil
        }
        return version
    }

    private static func quantity(_ text: String, _ what: String, _ location: SourceLocation, _ region: String, _ diagnostics: inout [Diagnostic]) -> Quantity? {
        guard let quantity = Quantity(text) else {
            diagnostics.append(Diagnostic(.invalidQuantity, "\(what) '\(text)' of \(region) is not a Kubernetes quantity such as '8Gi' or '100Gi'", at: location))
            return nil
        }
        return quantity
    }

    /// `*` alone, or CIDR blocks; reports each bad entry.
    private static func sources(_ texts: [String], _ what: String, _ location: SourceLocation, _ region: String, _ diagnostics: inout [Diagnostic]) -> [String]? {
        if texts == ["*"] { return texts }
        if texts.isEmpty {
            diagnostics.append(Diagnostic(.invalidCIDR, "\(what) of \(region) lists no source; give CIDR blocks or '*'", at: location))
            return nil
        }
        var parsed: [String] = []
        for text in texts {
            do {
                parsed.append(try IPv4Network.parse(text).description)
            } catch {
                let rule: Rule = if case .hostBitsSet = error { .cidrHostBitsSet } else { .invalidCIDR }
                let hint = text == "*" ? " ('*' must stand alone)" : ""
                diagnostics.append(Diagnostic(rule, "\(what) source of \(region): \(error)\(hint)", at: location))
                return nil
            }
        }
        return parsed
    }

    /// The standard administrative rules followed by the region's extra rules.
    private static func inboundRules(_ input: RegionInput, adminSources: [String]?, diagnostics: inout [Diagnostic]) -> [ParsedInboundRule]? {
        let region = "region '\(input.key)'"
        let adminLocation = input.adminAccess?.sourceLocation ?? input.location
        var rules: [ParsedInboundRule] = []
        var failed = adminSources == nil
        if let adminSources {
            rules = StandardInboundRules.all.map {
                ParsedInboundRule(
                    name: $0.name, priority: $0.priority, ports: [$0.ports], networkProtocol: .tcp, sources: adminSources,
                    description: $0.description, location: adminLocation)
            }
        }
        for rule in input.inboundRules {
            var ports: [PortRange] = []
            if rule.ports.isEmpty {
                diagnostics.append(Diagnostic(.invalidPort, "inbound rule '\(rule.name)' of \(region) lists no port", at: rule.sourceLocation))
                failed = true
            }
            for text in rule.ports {
                switch PortRange.parse(text) {
                case .success(let range): ports.append(range)
                case .failure(let error):
                    diagnostics.append(Diagnostic(.invalidPort, "inbound rule '\(rule.name)' of \(region): \(error.message)", at: rule.sourceLocation))
                    failed = true
                }
            }
            guard let sources = sources(rule.sources, "inbound rule '\(rule.name)'", rule.sourceLocation, region, &diagnostics) else {
                failed = true
                continue
            }
            rules.append(
                ParsedInboundRule(
                    name: rule.name, priority: rule.priority, ports: ports, networkProtocol: rule.networkProtocol, sources: sources,
                    description: "Declared in the topology", location: rule.sourceLocation))
        }
        return failed ? nil : rules
    }
}

/// The inbound rules every region's NSG gets, open to the topology's `AdminAccess` sources.
/// Traffic between regions needs none: peered VNets are allowed by Azure's default `AllowVnetInBound`.
enum StandardInboundRules {
    struct Template {
        let name: String
        let priority: Int
        let ports: PortRange
        let description: String
    }

    static let all: [Template] = [
        Template(name: "AllowSSH", priority: 100, ports: PortRange(22, 22), description: "SSH for k3sup and operators"),
        Template(
            name: "AllowKubernetesAPI", priority: 110, ports: PortRange(K3sDefaults.apiPort, K3sDefaults.apiPort),
            description: "Kubernetes API for kubectl and helm"),
        Template(name: "AllowNodePorts", priority: 120, ports: PortRange(30000, 32767), description: "Kubernetes NodePort services"),
    ]
}
