/// Plans the Azure resources through which clients and images reach the regions: each serving
/// region's front end, the Traffic Manager profile over them, and the geo-replicated registry.
enum AzureClientPlanner {
    /// Seconds between two load balancer probes, and failures before a node gets no new
    /// connections: the database pod's own readiness probe (5 s, 2 failures), so the load balancer
    /// and Kubernetes agree on when a node is ready.
    static let probeIntervalSeconds = 5
    static let probeFailures = 2
    /// Minutes an idle client connection stays open through the load balancer (Azure's default is
    /// 4, which drops idle pooled SQL connections without a word; 30 is the most a rule allows).
    static let idleTimeoutMinutes = 30
    /// Traffic Manager's monitor (learn.microsoft.com, traffic-manager-monitoring): the normal 30 s
    /// interval (10 s costs extra), the longest timeout that interval allows, the default 3
    /// tolerated failures; and the CLI's default DNS TTL of 30 s.
    static let monitorIntervalSeconds = 30
    static let monitorTimeoutSeconds = 10
    static let monitorToleratedFailures = 3
    static let ttlSeconds = 30

    /// A region's front end: the load balancer over its nodes, its public IP with a DNS label.
    static func frontEnd(
        _ region: RegionPlan, access: ClientAccessPlan, location: AzureLocation, names: AzureNames, globalName: String
    ) -> AzureFrontEndPlan {
        let label = AzureNames.frontEndLabel(globalName: globalName, region: region.key)
        let readiness = access.readinessPort
        return AzureFrontEndPlan(
            loadBalancer: names.loadBalancer, publicIP: names.loadBalancerIP, dnsLabel: label,
            fqdn: AzureNames.frontEndFQDN(label: label, location: location),
            // Zone-redundant where the location has zones, so the front end outlives a zone.
            zones: AzureFacts.locationsWithZones.contains(location) ? Array(AzureFacts.zoneNumbers) : [],
            frontendName: AzureNames.frontendName, backendPool: AzureNames.backendPool,
            backends: region.nodes.map { LoadBalancerBackend(name: $0.name, ipAddress: $0.privateIP) },
            probe: LoadBalancerProbe(
                name: AzureNames.probe, networkProtocol: access.readiness.scheme == "HTTPS" ? "Https" : "Http", port: readiness.nodePort,
                path: access.readiness.path, intervalSeconds: probeIntervalSeconds, failures: probeFailures),
            // Every client port gets a rule, served or not: Traffic Manager checks the readiness
            // port through the front end, and the NSG decides who else may use a port.
            rules: access.ports.map {
                LoadBalancerRule(
                    name: AzureNames.loadBalancerRule($0.service), service: $0.service, frontendPort: $0.port, backendPort: $0.nodePort,
                    idleTimeoutMinutes: idleTimeoutMinutes)
            })
    }

    /// The Traffic Manager profile with one Azure endpoint per front end, in declaration order.
    static func trafficManager(_ endpoint: ValidGlobalEndpoint, regions: [AzureRegionPlan], context: PlanningContext) -> TrafficManagerPlan {
        let serving = regions.filter { $0.frontEnd != nil }
        guard let access = context.regions.lazy.compactMap(\.clientAccess).first else {
            preconditionFailure("a validated global endpoint has a region with client access")
        }
        return TrafficManagerPlan(
            profile: endpoint.name, fqdn: "\(endpoint.name).trafficmanager.net", routing: endpoint.routing, serves: endpoint.serves,
            ttlSeconds: ttlSeconds,
            monitor: TrafficManagerMonitor(
                networkProtocol: access.readiness.scheme, port: access.readinessPort.port, path: access.readiness.path,
                intervalSeconds: monitorIntervalSeconds, timeoutSeconds: monitorTimeoutSeconds, toleratedFailures: monitorToleratedFailures),
            endpoints: serving.enumerated().map { index, region in
                TrafficManagerEndpoint(
                    name: AzureNames(prefix: "", region: region.key).trafficManagerEndpoint, region: region.key,
                    publicIP: region.frontEnd!.publicIP,
                    priority: endpoint.routing == .priority ? index + 1 : nil, weight: endpoint.routing == .weighted ? 1 : nil)
            })
    }

    /// The registry in the resource group's location when a region runs there (else the first
    /// region's), replicated to every other location a region runs in; it holds Docker Hub's images.
    static func registry(_ registry: ImageRegistry, home: AzureLocation, regions: [AzureRegionPlan]) -> ContainerRegistryPlan {
        var locations: [AzureLocation] = []
        for region in regions where !locations.contains(region.location) { locations.append(region.location) }
        let homeLocation = locations.contains(home) ? home : locations[0]
        return ContainerRegistryPlan(
            name: registry.acr, loginServer: AzureNames.loginServer(registry: registry.acr), sku: "Premium", home: homeLocation,
            replications: locations.filter { $0 != homeLocation }, token: AzureNames.pullToken, scopeMap: AzureNames.pullScopeMap,
            upstreams: [ImageReference.dockerHub], passwordFile: AzureNames.pullPasswordFile(registry: registry.acr))
    }
}
