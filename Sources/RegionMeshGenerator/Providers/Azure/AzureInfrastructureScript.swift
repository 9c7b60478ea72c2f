import RegionMesh

/// `azure/infrastructure.sh`: the resource group, a VNet per region, the full peering mesh, NSGs,
/// public IPs, NICs with pinned private IPs, and the VMs. Every create is guarded by a `show`, so
/// a second run after a failure continues where the first stopped.
struct AzureInfrastructureScript {
    let plan: Plan
    let azure: AzurePlan

    static let path = "azure/infrastructure.sh"

    /// `az <words> --resource-group <group>`.
    func az(_ words: ShellWord...) -> ShellCommand {
        ShellCommand(words: ["az"] + words).option("--resource-group", .literal(azure.resourceGroup))
    }

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Creates the Azure infrastructure in resource group \(azure.resourceGroup): \(azure.regions.count) VNets,",
                "\(azure.peerings.count) peerings, \(azure.regions.count) NSGs, and per node a public IP, a NIC and a VM.",
                "Safe to run again: what exists is kept.",
            ],
            done: "Azure infrastructure of \(plan.name) is in place")
        script.environment = [ScriptEnvironment.sshPublicKey]
        script.tools = plan.tools(["az"])
        script.beforeSteps = [
            .when("[[ \"$DRY_RUN\" != 1 && ! -f \"$SSH_PUBLIC_KEY_FILE\" ]]", [
                .shell("die \"SSH public key $SSH_PUBLIC_KEY_FILE not found; create one with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE\"")
            ])
        ]
        script.steps = [resourceGroup, networks, peerings, securityGroups, publicIPs, networkInterfaces, virtualMachines]
        return script
    }

    var resourceGroup: ScriptStep {
        ScriptStep(name: "resource-group", title: "the resource group that holds every resource of the deployment", body: [
            .ensure(
                "resource group \(azure.resourceGroup)",
                lookup: ShellCommand("az", "group", "show").option("--name", .literal(azure.resourceGroup)),
                create: [
                    .run(
                        ShellCommand("az", "group", "create")
                            .option("--name", .literal(azure.resourceGroup))
                            .option("--location", .literal(azure.location.name))
                            .option("--tags", .literal(azure.ownerTag.assignment), "managed-by=regionmesh")
                            .option("--output", "none"))
                ])
        ])
    }

    var networks: ScriptStep {
        ScriptStep(name: "networks", title: "one VNet per region, with the subnet its nodes live in", body: zip(plan.regions, azure.regions).map { region, resources in
            .ensure(
                "VNet \(resources.vnetName)",
                lookup: az("network", "vnet", "show").option("--name", .literal(resources.vnetName)),
                create: [
                    .run(
                        az("network", "vnet", "create")
                            .option("--name", .literal(resources.vnetName))
                            .option("--location", .literal(resources.location.name))
                            .option("--address-prefixes", .literal(region.addresses.network.description))
                            .option("--subnet-name", .literal(resources.subnetName))
                            .option("--subnet-prefixes", .literal(region.addresses.subnet.description))
                            .option("--output", "none"))
                ])
        })
    }

    var peerings: ScriptStep {
        ScriptStep(name: "peerings", title: "the full mesh of one-way VNet peerings: every region reaches every other directly", body: azure.peerings.map { peering in
            .ensure(
                "peering \(peering.name)",
                lookup: az("network", "vnet", "peering", "show").option("--vnet-name", .literal(peering.fromVNet)).option("--name", .literal(peering.name)),
                create: [
                    .run(
                        az("network", "vnet", "peering", "create")
                            .option("--name", .literal(peering.name))
                            .option("--vnet-name", .literal(peering.fromVNet))
                            .option("--remote-vnet", .literal(peering.toVNet))
                            .option("--allow-vnet-access")
                            .option("--allow-forwarded-traffic")
                            .option("--output", "none"))
                ])
        })
    }

    var securityGroups: ScriptStep {
        var body: [ScriptStatement] = [.comment("Traffic between regions needs no rule: Azure's AllowVnetInBound covers peered VNets.")]
        for resources in azure.regions {
            body.append(
                .ensure(
                    "NSG \(resources.nsgName)",
                    lookup: az("network", "nsg", "show").option("--name", .literal(resources.nsgName)),
                    create: [
                        .run(
                            az("network", "nsg", "create")
                                .option("--name", .literal(resources.nsgName))
                                .option("--location", .literal(resources.location.name))
                                .option("--output", "none"))
                    ]))
            for rule in resources.securityRules {
                body.append(
                    .ensure(
                        "rule \(rule.name) of \(resources.nsgName)",
                        lookup: az("network", "nsg", "rule", "show").option("--nsg-name", .literal(resources.nsgName)).option("--name", .literal(rule.name)),
                        create: [
                            .run(
                                az("network", "nsg", "rule", "create")
                                    .option("--nsg-name", .literal(resources.nsgName))
                                    .option("--name", .literal(rule.name))
                                    .option("--priority", .literal("\(rule.priority)"))
                                    .option("--direction", "Inbound")
                                    .option("--access", "Allow")
                                    .option("--protocol", .literal(rule.networkProtocol.rawValue))
                                    .options("--source-address-prefixes", rule.sources.map { .literal($0.description) })
                                    .option("--source-port-ranges", "*")
                                    .option("--destination-address-prefixes", "*")
                                    .options("--destination-port-ranges", rule.ports.map { .literal($0.description) })
                                    .option("--description", .literal(rule.description))
                                    .option("--output", "none"))
                        ]))
            }
        }
        return ScriptStep(name: "security-groups", title: "one NSG per region with its inbound rules", body: body)
    }

    var publicIPs: ScriptStep {
        ScriptStep(name: "public-ips", title: "a Standard static public IP per node, for SSH and the Kubernetes API", body: azure.regions.flatMap { resources in
            resources.nodes.map { node in
                .ensure(
                    "public IP \(node.publicIPName)",
                    lookup: az("network", "public-ip", "show").option("--name", .literal(node.publicIPName)),
                    create: [
                        .run(
                            az("network", "public-ip", "create")
                                .option("--name", .literal(node.publicIPName))
                                .option("--location", .literal(resources.location.name))
                                .option("--sku", "Standard")
                                .option("--allocation-method", "Static")
                                .option("--version", "IPv4")
                                .option("--output", "none"))
                    ])
            }
        })
    }

    var networkInterfaces: ScriptStep {
        ScriptStep(name: "nics", title: "a NIC per node with its private IP pinned, so every artifact knows the node addresses", body: zip(plan.regions, azure.regions).flatMap { region, resources in
            zip(region.nodes, resources.nodes).map { node, names in
                .ensure(
                    "NIC \(names.nicName)",
                    lookup: az("network", "nic", "show").option("--name", .literal(names.nicName)),
                    create: [
                        .run(
                            az("network", "nic", "create")
                                .option("--name", .literal(names.nicName))
                                .option("--location", .literal(resources.location.name))
                                .option("--vnet-name", .literal(resources.vnetName))
                                .option("--subnet", .literal(resources.subnetName))
                                .option("--private-ip-address", .literal(node.privateIP.description))
                                .option("--network-security-group", .literal(resources.nsgName))
                                .option("--public-ip-address", .literal(names.publicIPName))
                                .option("--output", "none"))
                    ])
            }
        })
    }

    var virtualMachines: ScriptStep {
        var body: [ScriptStatement] = azure.regions.flatMap { resources in
            let vm = resources.virtualMachine
            return resources.nodes.map { node in
                ScriptStatement.ensure(
                    "VM \(node.vmName)",
                    lookup: az("vm", "show").option("--name", .literal(node.vmName)),
                    create: [
                        .run(
                            az("vm", "create")
                                .option("--name", .literal(node.vmName))
                                .option("--location", .literal(resources.location.name))
                                .option("--image", .literal(vm.imageURN))
                                .option("--size", .literal(vm.size))
                                .option("--nics", .literal(node.nicName))
                                .option("--admin-username", .literal(vm.adminUser))
                                .option("--authentication-type", "ssh")
                                .option("--ssh-key-values", ScriptEnvironment.sshPublicKey.word)
                                .option("--no-wait"))
                    ])
            }
        }
        body += azure.regions.flatMap { resources in
            resources.nodes.map { .run(az("vm", "wait").option("--name", .literal($0.vmName)).option("--created")) }
        }
        return ScriptStep(name: "vms", title: "the VMs, started together (--no-wait), then waited for until each exists", body: body)
    }
}
