import RegionMesh

/// `azure/infrastructure.sh`: the resource group, a VNet per region, the full peering mesh, NSGs,
/// public IPs, NICs with pinned private IPs, and the VMs. Every create is guarded by a `show`, so
/// a second run after a failure continues where the first stopped.
enum AzureInfrastructureScript {
    static func render(_ plan: Plan) throws -> String {
        var script = ShellScript()
        ScriptEnvironment.declare([ScriptEnvironment.sshPublicKey], in: &script)

        script.function("create_resource_group", doc: "The resource group that holds every resource of the deployment.") { s in
            s.line("banner \(shellQuote("Azure: resource group \(plan.azure.resourceGroup)"))")
            s.ensure(
                "resource group \(plan.azure.resourceGroup)",
                lookup: ShellCommand("az", "group", "show").option("--name", .literal(plan.azure.resourceGroup)),
                create: ShellCommand("az", "group", "create")
                    .option("--name", .literal(plan.azure.resourceGroup))
                    .option("--location", .literal(plan.azure.location))
                    .option("--tags", .literal("\(AzureEmitter.topologyTag)=\(plan.name)"), "managed-by=regionmesh")
                    .option("--output", "none"))
        }

        script.function("create_networks", doc: "One VNet per region, with the subnet its nodes live in.") { s in
            s.line("banner 'Azure: VNets and subnets'")
            for region in plan.regions {
                let network = region.network
                s.ensure(
                    "VNet \(network.vnetName)",
                    lookup: AzureEmitter.az("network", "vnet", "show", plan: plan).option("--name", .literal(network.vnetName)),
                    create: AzureEmitter.az("network", "vnet", "create", plan: plan)
                        .option("--name", .literal(network.vnetName))
                        .option("--location", .literal(region.location))
                        .option("--address-prefixes", .literal(network.vnet.description))
                        .option("--subnet-name", .literal(network.subnetName))
                        .option("--subnet-prefixes", .literal(network.subnet.description))
                        .option("--output", "none"))
            }
        }

        script.function("create_peerings", doc: "The full mesh of one-way VNet peerings: every region reaches every other directly.") { s in
            s.line("banner \(shellQuote("Azure: \(plan.peerings.count) VNet peerings"))")
            for peering in plan.peerings {
                s.ensure(
                    "peering \(peering.name)",
                    lookup: AzureEmitter.az("network", "vnet", "peering", "show", plan: plan)
                        .option("--vnet-name", .literal(peering.fromVNet)).option("--name", .literal(peering.name)),
                    create: AzureEmitter.az("network", "vnet", "peering", "create", plan: plan)
                        .option("--name", .literal(peering.name))
                        .option("--vnet-name", .literal(peering.fromVNet))
                        .option("--remote-vnet", .literal(peering.toVNet))
                        .option("--allow-vnet-access")
                        .option("--allow-forwarded-traffic")
                        .option("--output", "none"))
            }
        }

        script.function(
            "create_security_groups",
            doc: "One NSG per region. Traffic between regions needs no rule: Azure's AllowVnetInBound covers peered VNets."
        ) { s in
            s.line("banner 'Azure: network security groups and rules'")
            for region in plan.regions {
                let network = region.network
                s.ensure(
                    "NSG \(network.nsgName)",
                    lookup: AzureEmitter.az("network", "nsg", "show", plan: plan).option("--name", .literal(network.nsgName)),
                    create: AzureEmitter.az("network", "nsg", "create", plan: plan)
                        .option("--name", .literal(network.nsgName))
                        .option("--location", .literal(region.location))
                        .option("--output", "none"))
                for rule in network.inboundRules {
                    s.ensure(
                        "rule \(rule.name) of \(network.nsgName)",
                        lookup: AzureEmitter.az("network", "nsg", "rule", "show", plan: plan)
                            .option("--nsg-name", .literal(network.nsgName)).option("--name", .literal(rule.name)),
                        create: AzureEmitter.az("network", "nsg", "rule", "create", plan: plan)
                            .option("--nsg-name", .literal(network.nsgName))
                            .option("--name", .literal(rule.name))
                            .option("--priority", .literal("\(rule.priority)"))
                            .option("--direction", "Inbound")
                            .option("--access", "Allow")
                            .option("--protocol", .literal(rule.networkProtocol))
                            .options("--source-address-prefixes", rule.sources.map(ShellWord.literal))
                            .option("--source-port-ranges", "*")
                            .option("--destination-address-prefixes", "*")
                            .options("--destination-port-ranges", rule.ports.map { .literal($0.description) })
                            .option("--description", .literal(rule.description))
                            .option("--output", "none"))
                }
            }
        }

        script.function("create_public_ips", doc: "A Standard static public IP per node, for SSH and the Kubernetes API.") { s in
            s.line("banner 'Azure: public IPs'")
            for region in plan.regions {
                for node in region.nodes {
                    s.ensure(
                        "public IP \(node.publicIPName)",
                        lookup: AzureEmitter.az("network", "public-ip", "show", plan: plan).option("--name", .literal(node.publicIPName)),
                        create: AzureEmitter.az("network", "public-ip", "create", plan: plan)
                            .option("--name", .literal(node.publicIPName))
                            .option("--location", .literal(region.location))
                            .option("--sku", "Standard")
                            .option("--allocation-method", "Static")
                            .option("--version", "IPv4")
                            .option("--output", "none"))
                }
            }
        }

        script.function("create_nics", doc: "A NIC per node with its private IP pinned, so every artifact knows the node addresses.") { s in
            s.line("banner 'Azure: network interfaces'")
            for region in plan.regions {
                for node in region.nodes {
                    s.ensure(
                        "NIC \(node.nicName)",
                        lookup: AzureEmitter.az("network", "nic", "show", plan: plan).option("--name", .literal(node.nicName)),
                        create: AzureEmitter.az("network", "nic", "create", plan: plan)
                            .option("--name", .literal(node.nicName))
                            .option("--location", .literal(region.location))
                            .option("--vnet-name", .literal(region.network.vnetName))
                            .option("--subnet", .literal(region.network.subnetName))
                            .option("--private-ip-address", .literal(node.privateIP.description))
                            .option("--network-security-group", .literal(region.network.nsgName))
                            .option("--public-ip-address", .literal(node.publicIPName))
                            .option("--output", "none"))
                }
            }
        }

        script.function("create_vms", doc: "The VMs, started together (--no-wait), then waited for until each exists.") { s in
            s.line("banner 'Azure: virtual machines'")
            for region in plan.regions {
                let vm = region.virtualMachine
                for node in region.nodes {
                    s.ensure(
                        "VM \(node.name)",
                        lookup: AzureEmitter.az("vm", "show", plan: plan).option("--name", .literal(node.name)),
                        create: AzureEmitter.az("vm", "create", plan: plan)
                            .option("--name", .literal(node.name))
                            .option("--location", .literal(region.location))
                            .option("--image", .literal(vm.imageURN))
                            .option("--size", .literal(vm.size))
                            .option("--nics", .literal(node.nicName))
                            .option("--admin-username", .literal(vm.adminUser))
                            .option("--authentication-type", "ssh")
                            .option("--ssh-key-values", ScriptEnvironment.sshPublicKey.word)
                            .option("--no-wait"))
                }
            }
            for region in plan.regions {
                for node in region.nodes {
                    s.run(AzureEmitter.az("vm", "wait", plan: plan).option("--name", .literal(node.name)).option("--created"))
                }
            }
        }

        script.function("main", doc: "Creates everything in dependency order.") { s in
            s.block("if [[ \"$DRY_RUN\" != 1 && ! -f \"$SSH_PUBLIC_KEY_FILE\" ]]; then", "fi") {
                $0.line("die \"SSH public key $SSH_PUBLIC_KEY_FILE not found; create one with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE\"")
            }
            for step in ["create_resource_group", "create_networks", "create_peerings", "create_security_groups", "create_public_ips", "create_nics", "create_vms"] {
                s.line(step)
            }
            s.line("info \(shellQuote("Azure infrastructure of \(plan.name) is in place"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Creates the Azure infrastructure in resource group \(plan.azure.resourceGroup): \(plan.regions.count) VNets,",
                "\(plan.peerings.count) peerings, \(plan.regions.count) NSGs, and per node a public IP, a NIC and a VM.",
                "Safe to run again: what exists is kept. DRY_RUN=1 prints the commands instead.",
            ],
            body: script)
    }
}
