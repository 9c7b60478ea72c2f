/// The last stage of the model: resolves a ``ValidatedTopology`` into a ``Plan``. The neutral part
/// (node names and addresses, ports, DNS forwarding) first, then each component's part.
enum Planner {
    static func plan(_ validated: ValidatedTopology) -> Plan {
        let provider = ComponentRegistry.providerConventions
        let clusterDomain = Kubernetes.clusterDomain
        let partial = validated.regions.map { region in
            let addresses = region.addresses
            let namespace = region.key
            return RegionPlan(
                key: region.key,
                namespace: namespace,
                dnsZone: "\(namespace).svc.\(clusterDomain)",
                cluster: ClusterPlan(name: region.clusterName, id: region.clusterID),
                addresses: AddressPlan(
                    network: addresses.network, subnet: addresses.subnet, pods: addresses.pods,
                    podsPerNodeMaskSize: addresses.podsPerNodeMaskSize, services: addresses.services,
                    dnsServiceIP: Kubernetes.dnsServiceAddress(in: addresses.services)!),
                nodes: (1...region.nodeCount).map { index in
                    NodePlan(
                        index: index, name: provider.nodeName(validated.namePrefix, region.key, index),
                        privateIP: addresses.subnet.address(at: provider.subnetReservation.firstUsableOffset + UInt64(index - 1))!)
                },
                adminAccess: AdminAccessPlan(sources: region.adminSources, ports: ComponentRegistry.distributionConventions.adminPorts),
                nodePorts: Dictionary(uniqueKeysWithValues: region.nodePorts.map { ($0.key.name, $0.value) }),
                dnsForwarders: [],
                clientAccess: region.clientSources.isEmpty ? nil : ClientAccessPlan(
                    sources: region.clientSources, ports: ComponentRegistry.databaseConventions.clientPorts,
                    readiness: ComponentRegistry.databaseConventions.readiness))
        }
        let regions = RegionPlan.forwardingToEachOther(partial)
        let context = PlanningContext(
            topologyName: validated.topology.name, regions: regions, clusterDomain: clusterDomain, provider: nil,
            distributionRequirements: ComponentRegistry.networkPluginConventions.distributionRequirements, storagePerNode: [:])
        let (providerPlan, distribution, networkPlugin, database) = ComponentRegistry.plan(validated.components, context: context)
        return Plan(
            name: validated.topology.name,
            summary: validated.topology.summary,
            sourceFile: validated.topology.location.file,
            clusterDomain: clusterDomain,
            regions: regions,
            provider: providerPlan,
            distribution: distribution,
            networkPlugin: networkPlugin,
            database: database,
            tools: ComponentRegistry.tools)
    }
}
