/// The rules of the global endpoint and the registry: names Azure accepts and that nobody else
/// holds (global across Azure: the preflight asks Azure), a front end for every region that serves
/// clients, and what a Traffic Manager profile can hold.
extension Rule {
    /// The rule `invalid-traffic-manager-name`.
    public static let invalidTrafficManagerName = Rule(
        "invalid-traffic-manager-name", .error,
        "a Traffic Manager name is not a DNS label (lower-case alphanumerics and '-', starting with a letter, at most 63)")
    /// The rule `invalid-registry-name`.
    public static let invalidRegistryName = Rule(
        "invalid-registry-name", .error, "a container registry name is not 5–50 lower-case letters and digits")
    /// The rule `client-access-without-global-endpoint`.
    public static let clientAccessWithoutGlobalEndpoint = Rule(
        "client-access-without-global-endpoint", .error,
        "a region has ClientAccess, but no GlobalEndpoint names the front end that would carry it")
    /// The rule `global-endpoint-without-clients`.
    public static let globalEndpointWithoutClients = Rule(
        "global-endpoint-without-clients", .error, "a GlobalEndpoint has no region with ClientAccess to send clients to, or serves no client port")
    /// The rule `too-many-traffic-manager-endpoints`.
    public static let tooManyTrafficManagerEndpoints = Rule(
        "too-many-traffic-manager-endpoints", .error, "more regions serve clients than a Traffic Manager profile holds endpoints (200)")
}

/// A `GlobalEndpoint` whose name passed.
struct ValidGlobalEndpoint: Sendable {
    let name: String
    let routing: TrafficRouting
    let serves: [ClientService]
}

enum AzureGlobalRules {
    /// Endpoints per Traffic Manager profile (learn.microsoft.com, Azure subscription limits,
    /// "Traffic Manager limits").
    static let maxTrafficManagerEndpoints = 200

    /// Checks the global endpoint and which regions serve clients; nil when there is none or it failed.
    static func checkGlobalEndpoint(
        _ endpoint: GlobalEndpoint?, core: CoreFacts, diagnostics: inout DiagnosticCollector
    ) -> (endpoint: ValidGlobalEndpoint?, failed: Bool) {
        let serving = core.regions.filter { $0.clientSources.value?.isEmpty == false }
        guard let endpoint else {
            for region in serving {
                diagnostics.add(.clientAccessWithoutGlobalEndpoint, region: region.key, at: region.clientSources.location ?? region.location) {
                    "ClientAccess of \($0) has no front end to carry it: the topology has no GlobalEndpoint(trafficManager:), which names each region's front end on Azure; declare one, or remove ClientAccess"
                }
            }
            return (nil, !serving.isEmpty)
        }
        var failed = false
        if let problem = problem(trafficManagerName: endpoint.trafficManager) {
            diagnostics.add(.invalidTrafficManagerName, "Traffic Manager name '\(endpoint.trafficManager)' \(problem)", at: endpoint.sourceLocation)
            failed = true
        }
        if serving.isEmpty {
            diagnostics.add(
                .globalEndpointWithoutClients,
                "GlobalEndpoint '\(endpoint.trafficManager)' has no region to send clients to: give ClientAccess(from: \"<your clients' CIDR>\") in Defaults or in the regions that serve them",
                at: endpoint.sourceLocation)
            failed = true
        }
        if endpoint.serves.isEmpty {
            diagnostics.add(
                .globalEndpointWithoutClients, "GlobalEndpoint '\(endpoint.trafficManager)' serves no client port; list .sql, .console or both",
                at: endpoint.sourceLocation)
            failed = true
        }
        if serving.count > maxTrafficManagerEndpoints {
            diagnostics.add(
                .tooManyTrafficManagerEndpoints,
                "\(serving.count) regions serve clients; a Traffic Manager profile holds at most \(maxTrafficManagerEndpoints) endpoints: close some with ClientAccess()",
                at: endpoint.sourceLocation)
            failed = true
        }
        var seen = Set<ClientService>()
        let serves = endpoint.serves.filter { seen.insert($0).inserted }.sorted()
        return failed ? (nil, true) : (ValidGlobalEndpoint(name: endpoint.trafficManager, routing: endpoint.routing, serves: serves), false)
    }

    /// Why Azure (or the front ends' DNS labels derived from it) refuses `name`, or nil. Traffic
    /// Manager takes a relative DNS name of letters, digits and hyphens (resource-name-rules:
    /// trafficmanagerprofiles); each front end's label `<name>-<region>` must match
    /// `^[a-z][a-z0-9-]{1,61}[a-z0-9]$`, so the name starts with a lower-case letter.
    static func problem(trafficManagerName name: String) -> String? {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard (1...63).contains(name.count), allowed, name.first?.isLetter == true, name.last != "-" else {
            return "must be 1 to 63 lower-case alphanumerics and '-', starting with a letter and ending alphanumeric (it is a DNS label, <name>.trafficmanager.net, and the start of each region's front-end label)"
        }
        return nil
    }

    /// Checks the registry's name: 5–50 alphanumerics (resource-name-rules: registries), lower
    /// case as the Azure CLI asks ("It should be specified in lower case", az acr create --help).
    static func checkRegistry(_ registry: ImageRegistry?, diagnostics: inout DiagnosticCollector) -> (registry: ImageRegistry?, failed: Bool) {
        guard let registry else { return (nil, false) }
        let name = registry.acr
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        guard (5...50).contains(name.count), allowed else {
            let lowered = name.lowercased()
            let hint = lowered != name && lowered.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) && (5...50).contains(name.count)
                ? "; write '\(lowered)'" : ""
            diagnostics.add(
                .invalidRegistryName,
                "container registry name '\(name)' has \(name.count) characters; Azure takes 5 to 50 letters and digits, in lower case\(hint) (it becomes <name>.azurecr.io)",
                at: registry.sourceLocation)
            return (nil, true)
        }
        return (registry, false)
    }

    /// The fixed NSG rules of a region that serves clients, before the topology's own: the served
    /// ports open to `ClientAccess`, and the readiness port open to Traffic Manager's health checks
    /// (the load balancer's own probes need no rule: Azure's AllowAzureLoadBalancerInBound admits them).
    static func clientRules(_ clients: ClientAccessPlan, serves: [ClientService]) -> [NSGRule] {
        var rules = serves.enumerated().map { index, service in
            let port = clients.port(service)
            return NSGRule(
                name: AzureNames.clientRule(service), priority: clientPriority + 10 * index, networkProtocol: .tcp,
                ports: [PortRange(port.nodePort)], sources: clients.sources, sourceServiceTags: nil,
                description: "\(port.title) clients through the load balancer (port \(port.port) to NodePort \(port.nodePort))")
        }
        let readiness = clients.readinessPort
        rules.append(
            NSGRule(
                name: AzureNames.trafficManagerProbeRule, priority: clientPriority + 20, networkProtocol: .tcp,
                ports: [PortRange(readiness.nodePort)], sources: [], sourceServiceTags: [AzureNames.trafficManagerServiceTag],
                description: "Traffic Manager health checks of \(clients.readiness.path) through the load balancer"))
        return rules
    }

    /// The priority of the first client rule; the administrative rules use 100, 110, 120.
    static let clientPriority = 150

    /// The names and priorities of the client rules a region with client access gets, for the
    /// checks of the topology's own rules (the ports do not matter there).
    static func clientRuleNames(serves: [ClientService]) -> [(name: String, priority: Int)] {
        serves.enumerated().map { (AzureNames.clientRule($0.element), clientPriority + 10 * $0.offset) }
            + [(AzureNames.trafficManagerProbeRule, clientPriority + 20)]
    }
}
