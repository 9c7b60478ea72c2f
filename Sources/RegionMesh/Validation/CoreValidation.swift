/// The core's checks: names and identities, the address plan, nodes, administrative access and
/// fixed NodePorts. They name no component: what differs by provider comes from its conventions.
enum CoreValidation {
    static func check(
        _ topology: GatheredTopology, provider: ProviderConventions, namePrefix: String, adminPorts: [AdminPort], nodePorts: [NodePortPurpose],
        clientPorts: [ClientPort], diagnostics: inout DiagnosticCollector
    ) -> CoreFacts {
        IdentityRules.checkTopologyName(topology.topology, diagnostics: &diagnostics)
        let defaultNodes = NodeRules.parseNodes(topology.defaults.first(Nodes.self), diagnostics: &diagnostics)
        let defaultAdmin = NodeRules.parseAdminAccess(topology.defaults.first(AdminAccess.self), diagnostics: &diagnostics)
        let defaultClients = NodeRules.parseClientAccess(topology.defaults.first(ClientAccess.self), diagnostics: &diagnostics)
        let defaultPorts = NodeRules.parseNodePorts(topology.defaults.first(NodePorts.self), purposes: nodePorts, diagnostics: &diagnostics)

        let regions = topology.regions.map { region in
            let name = region.own.first(ClusterName.self)
            let nodes = NodeRules.parseNodes(region.own.first(Nodes.self), diagnostics: &diagnostics)
                .or(defaultNodes).or(.value(NodeRules.defaultNodeCount, at: region.location))
            let admin = NodeRules.parseAdminAccess(region.own.first(AdminAccess.self), diagnostics: &diagnostics)
                .or(defaultAdmin).or(.value([.any], at: region.location))
            let clients = NodeRules.parseClientAccess(region.own.first(ClientAccess.self), diagnostics: &diagnostics).or(defaultClients)
            let ownPorts = NodeRules.parseNodePorts(region.own.first(NodePorts.self), purposes: nodePorts, diagnostics: &diagnostics)
            var ports: [NodePortPurpose: Parsed<Int>] = [:]
            for purpose in nodePorts {
                ports[purpose] = (ownPorts[purpose] ?? .absent).or(defaultPorts[purpose] ?? .absent)
                    .or(.value(purpose.defaultPort, at: region.location))
            }
            return RegionFacts(
                gathered: region,
                clusterName: name?.name ?? "\(namePrefix)-\(region.key)",
                clusterNameLocation: name?.sourceLocation ?? region.location,
                nodes: nodes,
                ranges: AddressPlanRules.parse(region, provider: provider, diagnostics: &diagnostics),
                adminSources: admin,
                clientSources: clients,
                nodePorts: ports)
        }
        IdentityRules.check(regions, diagnostics: &diagnostics)
        AddressPlanRules.check(regions, provider: provider, diagnostics: &diagnostics)
        NodeRules.check(regions, clientPorts: clientPorts, diagnostics: &diagnostics)

        let validated: [ValidatedRegion]? = diagnostics.hasErrors ? nil : regions.compactMap { facts in
            guard let addresses = facts.ranges.complete, let nodes = facts.nodes.value, let admin = facts.adminSources.value,
                !facts.clientSources.isInvalid
            else { return nil }
            return ValidatedRegion(
                key: facts.key, location: facts.location, clusterID: facts.clusterID, clusterName: facts.clusterName,
                addresses: addresses, nodeCount: nodes, adminSources: admin, clientSources: facts.clientSources.value ?? [],
                nodePorts: facts.nodePorts.compactMapValues(\.value))
        }
        return CoreFacts(
            namePrefix: namePrefix, provider: provider, adminPorts: adminPorts, clientPorts: clientPorts, regions: regions,
            validated: validated?.count == regions.count ? validated : nil)
    }
}
