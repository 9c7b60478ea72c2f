/// Azure's rules: every derived name meets Azure's naming rules, the NSG rules of a region have
/// valid, unique priorities, and the topology places itself with `Azure(resourceGroup:location:)`.
extension Rule {
    /// The rule `invalid-azure-name`.
    public static let invalidAzureName = Rule("invalid-azure-name", .error, "a resource name does not meet Azure's length and character rules")
    /// The rule `invalid-nsg-priority`.
    public static let invalidNSGPriority = Rule("invalid-nsg-priority", .error, "an NSG rule priority is outside 100–4096")
    /// The rule `duplicate-nsg-priority`.
    public static let duplicateNSGPriority = Rule("duplicate-nsg-priority", .error, "two inbound NSG rules of a region share a priority")
    /// The rule `duplicate-nsg-rule-name`.
    public static let duplicateNSGRuleName = Rule(
        "duplicate-nsg-rule-name", .error, "two inbound NSG rules of a region share a name (an extra rule named like an administrative one is never created)")
    /// The rule `invalid-admin-user`.
    public static let invalidAdminUser = Rule(
        "invalid-admin-user", .error, "a VM admin user name is one Azure refuses (reserved, upper case, special characters, too long)")
    /// The rule `invalid-vm-size`.
    public static let invalidVMSize = Rule("invalid-vm-size", .error, "a VM size is not shaped like an Azure size name (Standard_D4s_v5)")
    /// The rule `unknown-vm-size`.
    public static let unknownVMSize = Rule("unknown-vm-size", .warning, "a well-formed VM size is not one RegionMesh knows; check it with az vm list-sizes")
    /// The rule `region-key-resembles-location`.
    public static let regionKeyResemblesLocation = Rule(
        "region-key-resembles-location", .warning, "a region key is a letter or two away from its Azure location's name, as if misspelled")
    /// The rule `zones-unavailable`.
    public static let zonesUnavailable = Rule(
        "zones-unavailable", .error, "a region pins availability zones in an Azure location that has none, or a zone outside 1–3")
    /// The rule `invalid-disk-size`.
    public static let invalidDiskSize = Rule("invalid-disk-size", .error, "a data or OS disk size is outside what Azure accepts")
    /// The rule `data-disk-too-small`.
    public static let dataDiskTooSmall = Rule(
        "data-disk-too-small", .error, "a node's data disk cannot hold the database volume it carries")
    /// The rule `subnet-outside-vnet`.
    public static let subnetOutsideVNet = Rule("subnet-outside-vnet", .error, "a subnet does not lie inside its VNet")
}

enum AzureRules {
    /// Azure's NSG rule priorities.
    static let priorities = 100...4096

    /// Checks every name the Plan will derive, so that `az` never rejects one at apply time.
    static func checkNames(_ azure: Azure, globalName: String?, core: CoreFacts, diagnostics: inout DiagnosticCollector) {
        if let problem = AzureNameRule.resourceGroup.problem(with: azure.resourceGroup) {
            diagnostics.add(.invalidAzureName, problem, at: azure.sourceLocation)
        }
        // Each key with its length, counted once (not per pair of regions).
        let keys = core.regions.map { (key: $0.key, length: $0.key.count) }
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
            if region.clientSources.value?.isEmpty == false {
                checks += [
                    (.networkResource(kind: "load balancer", maxLength: 80), names.loadBalancer),
                    (.networkResource(kind: "public IP", maxLength: 80), names.loadBalancerIP),
                ]
                if let globalName { checks.append((.dnsLabel, AzureNames.frontEndLabel(globalName: globalName, region: region.key))) }
            }
            // A peering's name holds both keys: its length is blamed on the region with the longer
            // key (so a long key is reported at its own region), its characters on each region's
            // own names above. The longest remote key stands for all of this region's peerings.
            let length = region.key.count
            if let longest = keys.filter({ $0.key != region.key && $0.length <= length }).max(by: { $0.length < $1.length }) {
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

    /// Parses an extra inbound rule: its name, ports, sources and priority; reports each problem.
    static func parse(_ rule: InboundRule, diagnostics: inout DiagnosticCollector) -> ParsedInboundRule? {
        var failed = false
        if let problem = AzureNameRule.networkResource(kind: "NSG rule", maxLength: 80).problem(with: rule.name) {
            diagnostics.add(.invalidAzureName, problem, at: rule.sourceLocation)
            failed = true
        }
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

    /// Two rules of a region's NSG with one name: Azure names rules uniquely per NSG, and the script
    /// would find the first and never create the second. Names compare case-insensitively, as Azure's do.
    static func checkNames(region: String, fixed: [FixedNSGRule], extra: [ParsedInboundRule], diagnostics: inout DiagnosticCollector) {
        var seen: [String: (name: String, location: SourceLocation, what: String?)] = [:]
        for rule in fixed { seen[rule.name.lowercased()] = (rule.name, rule.location, rule.what) }
        for rule in extra {
            if let first = seen[rule.name.lowercased()] {
                let what = first.what.map { "\($0) '\(first.name)'" } ?? "rule '\(first.name)'"
                diagnostics.add(.duplicateNSGRuleName, region: region, at: rule.location, related: first.location) {
                    "inbound rule '\(rule.name)' of \($0) has the name of \(what); give it a name of its own"
                }
            } else {
                seen[rule.name.lowercased()] = (rule.name, rule.location, nil)
            }
        }
    }

    /// A region key a letter or two from its location's name, when the key is no location's name itself.
    static func checkRegionKey(_ key: String, location: AzureLocation, at declared: SourceLocation, diagnostics: inout DiagnosticCollector) {
        guard key != location.name, AzureLocation(rawValue: key) == nil else { return }
        let distance = EditDistance.between(key, location.name)
        if (1...2).contains(distance) {
            diagnostics.add(
                .regionKeyResemblesLocation,
                "region key '\(key)' is \(distance) letter\(distance == 1 ? "" : "s") away from its location '\(location.name)'; if you meant '\(location.name)', use it (the key names the namespace and DNS zone)",
                at: declared)
        }
    }

    /// Linux admin user names as the Azure CLI accepts them (azure-cli `_validate_admin_username`).
    static let reservedUserNames: Set<String> = [
        "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm",
        "admin2", "aspnet", "backup", "console", "guest", "owner", "root", "server", "sql", "support", "support_388945a0", "sys",
        "test2", "test3", "user4", "user5",
    ]

    /// Why Azure refuses `name` as a Linux VM's admin user, or nil.
    static func adminUserProblem(_ name: String) -> String? {
        if name.isEmpty || name.count > 64 { return "has \(name.count) characters; Azure allows 1 to 64" }
        if reservedUserNames.contains(name.lowercased()) { return "is a name Azure reserves; choose another, such as 'azureuser'" }
        if name.contains(where: { $0.isUppercase }) {
            // The lower-case spelling is offered only when Azure takes it.
            let lowered = name.lowercased()
            let hint = lowered != name && adminUserProblem(lowered) == nil ? "; write '\(lowered)'" : ""
            return "has upper-case letters, which Azure refuses for Linux\(hint)"
        }
        if let bad = name.first(where: { "\\/\"[]:|<>+=;,?*@#()! ".contains($0) || !$0.isASCII }) {
            return "contains '\(bad)', which Azure refuses in a Linux admin user name"
        }
        if name.hasPrefix("$") || name.hasPrefix("-") { return "starts with '\(name.first!)', which Azure refuses" }
        return nil
    }

    /// Two rules of a region's NSG with one priority: the fixed rules first, then the extra ones.
    static func checkPriorities(region: String, fixed: [FixedNSGRule], extra: [ParsedInboundRule], diagnostics: inout DiagnosticCollector) {
        var seen: [Int: (name: String, location: SourceLocation)] = [:]
        for rule in fixed { seen[rule.priority] = (rule.name, rule.location) }
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

/// A rule RegionMesh puts into every NSG of a kind (the administrative rules, the client rules),
/// with the declaration it follows from.
struct FixedNSGRule: Sendable {
    let name: String
    let priority: Int
    /// The declaration that makes the rule (`AdminAccess`, `ClientAccess`).
    let location: SourceLocation
    /// What messages call it: `the administrative rule`.
    let what: String
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
