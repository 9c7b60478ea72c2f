/// Azure: one resource group; per region a VNet with one subnet and an NSG; per node a Standard
/// static public IP, a NIC with its private IP pinned, and a VM; a full mesh of VNet peerings.
public enum AzureProvider: InfrastructureProvider {
    public static let rules: [Rule] = [
        .invalidAzureName, .invalidNSGPriority, .duplicateNSGPriority, .duplicateNSGRuleName, .invalidAdminUser, .invalidVMSize,
        .unknownVMSize, .regionKeyResemblesLocation, .zonesUnavailable, .invalidDiskSize, .dataDiskTooSmall, .subnetOutsideVNet,
        .invalidTrafficManagerName, .invalidRegistryName, .clientAccessWithoutGlobalEndpoint, .globalEndpointWithoutClients,
        .tooManyTrafficManagerEndpoints,
    ]

    public static let tools = [ToolRequirement("az", hint: "get it from https://learn.microsoft.com/cli/azure/install-azure-cli")]

    public static let conventions = ProviderConventions(
        name: "Azure", networkTerm: "VNet", interconnect: "VNet peering", networkDeclaration: "Network(vnet:subnet:)",
        subnetOutsideNetwork: .subnetOutsideVNet,
        reservedRanges: [(IPv4Network(containing: IPv4Address(168, 63, 129, 16), prefixLength: 32), "the Azure platform address 168.63.129.16")],
        // Azure keeps the network address, the gateway (.1), two DNS addresses (.2, .3) and the broadcast address.
        subnetReservation: SubnetReservation(reservedCount: 5, firstUsableOffset: 4),
        defaultNamePrefix: "crdb",
        nodeName: { AzureNames(prefix: $0, region: $1).vm($2) })

    /// The VM shape when neither a region nor `Defaults` gives one.
    static let defaultVirtualMachine = VirtualMachinePlan(
        size: "Standard_D4s_v5", imageURN: VMImage.ubuntu2404.urn, adminUser: "azureuser", osDiskGiB: AzureFacts.defaultOSDiskGiB)

    /// Azure's part of a validated topology.
    public struct Validated: Sendable {
        let azure: Azure
        let regions: [RegionSettings]
        /// The global endpoint, when the topology has one.
        let globalEndpoint: ValidGlobalEndpoint?
        /// The registry, when the topology has one.
        let registry: ImageRegistry?
    }

    /// A region's Azure settings.
    struct RegionSettings: Sendable {
        let key: String
        let location: AzureLocation
        let virtualMachine: VirtualMachinePlan
        let extraRules: [ParsedInboundRule]
        /// The zones nodes go to in turn; empty for none.
        let zones: [Int]
        /// The data disks' size, when given (else it follows the database's storage).
        let dataDiskGiB: Parsed<Int>
        let dataDiskSKU: DiskSKU
    }

    public static func namePrefix(of topology: GatheredTopology) -> String {
        topology.declarations.first(Azure.self)?.namePrefix ?? conventions.defaultNamePrefix
    }

    public static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> Validated? {
        guard let azure = topology.declarations.first(Azure.self) else {
            diagnostics.add(
                .missingDeclaration, "topology '\(topology.topology.name)' has no Azure(resourceGroup:location:) declaration",
                at: topology.topology.location)
            return nil
        }
        let (endpoint, endpointFailed) = AzureGlobalRules.checkGlobalEndpoint(
            topology.declarations.first(GlobalEndpoint.self), core: core, diagnostics: &diagnostics)
        let (registry, registryFailed) = AzureGlobalRules.checkRegistry(topology.declarations.first(ImageRegistry.self), diagnostics: &diagnostics)
        AzureRules.checkNames(azure, globalName: endpoint?.name, core: core, diagnostics: &diagnostics)
        let defaultMachines = parse(topology.defaults.first(VirtualMachines.self), diagnostics: &diagnostics)
        let defaultZones = AzureDiskRules.parse(topology.defaults.first(Zones.self), diagnostics: &diagnostics)
        let defaultDisks = parseDisks(topology.defaults.first(DataDisks.self), diagnostics: &diagnostics)
        let defaultRules = topology.defaults.every(InboundRule.self).map { AzureRules.parse($0, diagnostics: &diagnostics) }
        let adminPorts = core.adminPorts
        var regions: [RegionSettings] = []
        var failed = endpointFailed || registryFailed
        for region in core.regions {
            let machines = parse(region.gathered.own.first(VirtualMachines.self), diagnostics: &diagnostics).overriding(defaultMachines)
            let ownRules = region.gathered.own.every(InboundRule.self).map { AzureRules.parse($0, diagnostics: &diagnostics) }
            let extra = (defaultRules + ownRules).compactMap { $0 }
            for rule in extra {
                NodeRules.checkRoutable(rule.sources, "inbound rule '\(rule.name)'", region: region.key, at: rule.location, diagnostics: &diagnostics)
            }
            failed = failed || extra.count < defaultRules.count + ownRules.count
            let adminLocation = region.adminSources.location ?? region.location
            var fixed = adminRules(adminPorts).map {
                FixedNSGRule(name: $0.name, priority: $0.priority, location: adminLocation, what: "the administrative rule")
            }
            if region.clientSources.value?.isEmpty == false, let clientLocation = region.clientSources.location {
                fixed += AzureGlobalRules.clientRuleNames(serves: endpoint?.serves ?? ClientService.allCases).map {
                    FixedNSGRule(name: $0.name, priority: $0.priority, location: clientLocation, what: "the client rule")
                }
            }
            AzureRules.checkPriorities(region: region.key, fixed: fixed, extra: extra, diagnostics: &diagnostics)
            AzureRules.checkNames(region: region.key, fixed: fixed, extra: extra, diagnostics: &diagnostics)
            guard let placement = region.gathered.own.first(AzurePlacement.self) else { continue }
            AzureRules.checkRegionKey(region.key, location: placement.location, at: region.location, diagnostics: &diagnostics)
            let zones = AzureDiskRules.resolve(
                AzureDiskRules.parse(region.gathered.own.first(Zones.self), diagnostics: &diagnostics).or(defaultZones),
                location: placement.location, region: region.key, diagnostics: &diagnostics)
            let disks = parseDisks(region.gathered.own.first(DataDisks.self), diagnostics: &diagnostics).overriding(defaultDisks)
            failed = failed || machines.hasInvalidField || disks.size.isInvalid || disks.sku.isInvalid
            guard let zones else {
                failed = true
                continue
            }
            regions.append(
                RegionSettings(
                    key: region.key, location: placement.location, virtualMachine: machines.resolved, extraRules: extra, zones: zones,
                    dataDiskGiB: disks.size, dataDiskSKU: disks.sku.value ?? .premiumSSD))
        }
        guard !failed, regions.count == core.regions.count else { return nil }
        return Validated(azure: azure, regions: regions, globalEndpoint: endpoint, registry: registry)
    }

    public static func plan(_ validated: Validated, context: PlanningContext) -> AzurePlan {
        let prefix = validated.azure.namePrefix
        let regions = zip(context.regions, validated.regions).map { region, settings in
            let names = AzureNames(prefix: prefix, region: region.key)
            let admin = adminRules(region.adminAccess.ports).map {
                NSGRule(
                    name: $0.name, priority: $0.priority, networkProtocol: .tcp, ports: [$0.port.ports], sources: region.adminAccess.sources,
                    sourceServiceTags: nil, description: $0.port.purpose)
            }
            let extra = settings.extraRules.map {
                NSGRule(
                    name: $0.name, priority: $0.priority, networkProtocol: $0.networkProtocol, ports: $0.ports, sources: $0.sources,
                    sourceServiceTags: nil, description: "Declared in the topology")
            }
            let clients = region.clientAccess.flatMap { access in
                validated.globalEndpoint.map { AzureGlobalRules.clientRules(access, serves: $0.serves) }
            } ?? []
            let storage = context.storagePerNode[region.key]
            let diskGiB = settings.dataDiskGiB.value ?? storage.map(AzureDiskRules.defaultSize) ?? AzureFacts.premiumSizesGiB[1]
            return AzureRegionPlan(
                key: region.key, location: settings.location, vnetName: names.vnet, subnetName: names.subnet, nsgName: names.nsg,
                securityRules: (admin + clients + extra).sorted { $0.priority < $1.priority },
                virtualMachine: settings.virtualMachine,
                dataDisk: DataDiskPlan(sizeGiB: diskGiB, sku: settings.dataDiskSKU, lun: 0, mountPath: AzureFacts.dataMountPath),
                nodes: region.nodes.map { node in
                    AzureNodePlan(
                        vmName: node.name, nicName: names.nic(node.index), publicIPName: names.publicIP(node.index),
                        zone: settings.zones.isEmpty ? nil : settings.zones[(node.index - 1) % settings.zones.count])
                },
                frontEnd: validated.globalEndpoint.flatMap { endpoint in
                    region.clientAccess.map { AzureClientPlanner.frontEnd(region, access: $0, location: settings.location, names: names, globalName: endpoint.name) }
                })
        }
        return AzurePlan(
            resourceGroup: validated.azure.resourceGroup, location: validated.azure.location,
            ownerTag: AzureNames.ownerTag(context.topologyName), namePrefix: prefix, regions: regions,
            peerings: AzurePlan.peerings(prefix: prefix, regions: regions),
            trafficManager: validated.globalEndpoint.map { AzureClientPlanner.trafficManager($0, regions: regions, context: context) },
            registry: validated.registry.map { AzureClientPlanner.registry($0, home: validated.azure.location, regions: regions) })
    }

    /// The NSG rules that open the administrative ports, in order: priorities 100, 110, 120, …
    static func adminRules(_ ports: [AdminPort]) -> [(name: String, priority: Int, port: AdminPort)] {
        ports.enumerated().map { ("Allow\($0.element.name)", 100 + 10 * $0.offset, $0.element) }
    }

    /// The fields one `VirtualMachines` declaration gives.
    struct MachineSettings {
        var size: Parsed<String> = .absent
        var image: Parsed<VMImage> = .absent
        var adminUser: Parsed<String> = .absent
        var osDiskGiB: Parsed<Int> = .absent

        var hasInvalidField: Bool { size.isInvalid || image.isInvalid || adminUser.isInvalid || osDiskGiB.isInvalid }

        func overriding(_ base: MachineSettings) -> MachineSettings {
            MachineSettings(
                size: size.or(base.size), image: image.or(base.image), adminUser: adminUser.or(base.adminUser),
                osDiskGiB: osDiskGiB.or(base.osDiskGiB))
        }

        var resolved: VirtualMachinePlan {
            VirtualMachinePlan(
                size: size.value ?? AzureProvider.defaultVirtualMachine.size,
                imageURN: image.value?.urn ?? AzureProvider.defaultVirtualMachine.imageURN,
                adminUser: adminUser.value ?? AzureProvider.defaultVirtualMachine.adminUser,
                osDiskGiB: osDiskGiB.value ?? AzureFacts.defaultOSDiskGiB)
        }
    }

    /// The fields one `DataDisks` declaration gives.
    struct DiskSettings {
        var size: Parsed<Int> = .absent
        var sku: Parsed<DiskSKU> = .absent

        func overriding(_ base: DiskSettings) -> DiskSettings {
            DiskSettings(size: size.or(base.size), sku: sku.or(base.sku))
        }
    }

    static func parseDisks(_ disks: DataDisks?, diagnostics: inout DiagnosticCollector) -> DiskSettings {
        guard let disks else { return DiskSettings() }
        return DiskSettings(
            size: AzureDiskRules.parseSize(
                disks.sizeGiB, "DataDisks size", range: AzureFacts.dataDiskSizes, at: disks.sourceLocation, diagnostics: &diagnostics),
            sku: Parsed.parse(disks.sku, at: disks.sourceLocation) { $0 })
    }

    /// Each region's data disks hold the database volume of a node.
    public static func checkStorage(_ validated: Validated, needs: [String: Quantity], diagnostics: inout DiagnosticCollector) {
        for region in validated.regions {
            guard let storage = needs[region.key], case .value(let size, let at) = region.dataDiskGiB else { continue }
            AzureDiskRules.checkDataDisk(sizeGiB: size, declaredAt: at, needs: storage, region: region.key, diagnostics: &diagnostics)
        }
    }

    /// Parses a `VirtualMachines` declaration, reporting a size or admin user Azure would refuse.
    static func parse(_ machines: VirtualMachines?, diagnostics: inout DiagnosticCollector) -> MachineSettings {
        guard let machines else { return MachineSettings() }
        let at = machines.sourceLocation
        return MachineSettings(
            size: Parsed.parse(machines.size, at: at) { size in
                guard AzureVMSizes.isWellFormed(size) else {
                    let hint = AzureVMSizes.suggestion(for: size).map { "; did you mean '\($0)'?" } ?? "; Azure sizes look like 'Standard_D4s_v5'"
                    diagnostics.add(.invalidVMSize, "VM size '\(size)' is not an Azure size name\(hint)", at: at)
                    return nil
                }
                if !AzureVMSizes.known.contains(size) {
                    let hint = AzureVMSizes.suggestion(for: size).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.add(
                        .unknownVMSize,
                        "VM size '\(size)' is not one RegionMesh knows\(hint); check that your locations offer it: az vm list-sizes --location <location>",
                        at: at)
                }
                return size
            },
            image: Parsed.parse(machines.image, at: at) { $0 },
            adminUser: Parsed.parse(machines.adminUser, at: at) { user in
                if let problem = AzureRules.adminUserProblem(user) {
                    diagnostics.add(.invalidAdminUser, "VM admin user '\(user)' \(problem)", at: at)
                    return nil
                }
                return user
            },
            osDiskGiB: AzureDiskRules.parseSize(machines.osDiskGiB, "OS disk", range: 30...4095, at: at, diagnostics: &diagnostics))
    }
}
