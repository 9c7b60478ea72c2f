/// Azure's rules: every derived name meets Azure's naming rules, the NSG rules of a region have
/// valid, unique priorities, and the topology places itself with `Azure(resourceGroup:location:)`.
extension Rule {
    /// The rule `invalid-azure-name`.
    public static let invalidAzureName = Rule("invalid-azure-name", .error, "a resource name does not meet Azure's length and character rules")
    /// The rule `invalid-nsg-priority`.
    public static let invalidNSGPriority = Rule("invalid-nsg-priority", .error, "an NSG rule priority is outside 100–4096")
    /// The rule `duplicate-nsg-priority`.
    public static let duplicateNSGPriority = Rule("duplicate-nsg-priority", .error, "two inbound NSG rules of a region share a priority")
    /// The rule `subnet-outside-vnet`.
    public static let subnetOutsideVNet = Rule("subnet-outside-vnet", .error, "a subnet does not lie inside its VNet")
}

enum AzureRules {
    /// Azure's NSG rule priorities.
    static let priorities = 100...4096

    /// Checks every name the Plan will derive, so that `az` never rejects one at apply time.
    static func checkNames(_ azure: Azure, core: CoreFacts, diagnostics: inout DiagnosticCollector) {
        if let problem = AzureNameRule.resourceGroup.problem(with: azure.resourceGroup) {
            diagnostics.add(.invalidAzureName, problem, at: azure.sourceLocation)
        }
        for region in core.regions {
            let names = AzureNames(prefix: azure.namePrefix, region: region.key)
            var checks: [(AzureNameRule, String)] = [
                (.networkResource(kind: "VNet", maxLength: 64, minLength: 2), names.vnet),
                (.networkResource(kind: "subnet", maxLength: 80), names.subnet),
                (.networkResource(kind: "NSG", maxLength: 80), names.nsg),
            ]
            // The last node has the longest names.
            let last = region.nodes.value ?? 1
            checks += [
                (.virtualMachine, names.vm(last)),
                (.networkResource(kind: "NIC", maxLength: 80), names.nic(last)),
                (.networkResource(kind: "public IP", maxLength: 80), names.publicIP(last)),
            ]
            // Peering names differ only in the remote key, whose characters its own region's names
            // already check: the longest one stands for all of them.
            if let longest = core.regions.filter({ $0.key != region.key }).max(by: { $0.key.count < $1.key.count }) {
                checks.append((.networkResource(kind: "VNet peering", maxLength: 80), names.peering(to: longest.key)))
            }
            let problems = checks.compactMap { $0.0.problem(with: $0.1) }
            // One finding per problem text: the same fault in many peering names is reported once.
            for problem in Set(problems).sorted() {
                diagnostics.add(
                    .invalidAzureName, "\(problem) (derived from region '\(region.key)' and name prefix '\(azure.namePrefix)')", at: region.location)
            }
        }
    }

    /// Parses an extra inbound rule: its ports, sources and priority; reports each problem.
    static func parse(_ rule: InboundRule, diagnostics: inout DiagnosticCollector) -> ParsedInboundRule? {
        var failed = false
        if rule.ports.isEmpty {
            diagnostics.add(.invalidPort, "inbound rule '\(rule.name)' lists no port", at: rule.sourceLocation)
            failed = true
        }
        var ports: [PortRange] = []
        for text in rule.ports {
            switch PortRange.parse(text) {
            case .success(let range): ports.append(range)
            case .failure(let error):
                diagnostics.add(.invalidPort, "inbound rule '\(rule.name)': \(error.message)", at: rule.sourceLocation)
                failed = true
            }
        }
        if !priorities.contains(rule.priority) {
            diagnostics.add(
                .invalidNSGPriority, "inbound rule '\(rule.name)' has priority \(rule.priority); Azure allows 100–4096", at: rule.sourceLocation)
            failed = true
        }
        let sources = NodeRules.parseSources(rule.sources, "inbound rule '\(rule.name)'", at: rule.sourceLocation, diagnostics: &diagnostics)
        guard let sources, !failed else { return nil }
        return ParsedInboundRule(
            name: rule.name, priority: rule.priority, ports: ports, networkProtocol: rule.networkProtocol, sources: sources,
            location: rule.sourceLocation)
    }

    /// Two rules of a region's NSG with one priority: the administrative rules first, then the extra ones.
    static func checkPriorities(
        region: String, admin: [(name: String, priority: Int)], adminLocation: SourceLocation, extra: [ParsedInboundRule],
        diagnostics: inout DiagnosticCollector
    ) {
        var seen: [Int: (name: String, location: SourceLocation)] = [:]
        for (name, priority) in admin { seen[priority] = (name, adminLocation) }
        for rule in extra {
            if let first = seen[rule.priority] {
                diagnostics.add(.duplicateNSGPriority, region: region, at: rule.location, related: first.location) {
                    "inbound rule '\(rule.name)' of \($0) has priority \(rule.priority), already used by rule '\(first.name)'"
                }
            } else {
                seen[rule.priority] = (rule.name, rule.location)
            }
        }
    }
}

/// An extra inbound rule whose ports and sources parsed.
struct ParsedInboundRule: Sendable {
    let name: String
    let priority: Int
    let ports: [PortRange]
    let networkProtocol: InboundRule.NetworkProtocol
    let sources: [SourceRange]
    let location: SourceLocation
}
