import RegionMesh

/// `azure/infrastructure.sh`: the resource group, a VNet per region, the full peering mesh, NSGs,
/// public IPs, NICs with pinned private IPs, and the VMs with their data disks.
///
/// Before anything is created it checks capacity (sizes, zones, quotas) and drift (what exists but
/// cannot change in place), listing every problem at once. Every resource is created when absent
/// and brought to the plan when present (tags, NSG rules, peerings), so a second run after a fix
/// converges. VMs are created together; a VM that fails to provision stops the run with Azure's
/// own message, and a VM left in state Failed is recreated after a question.
struct AzureInfrastructureScript: Sendable, AzureCommands {
    let plan: Plan
    let azure: AzurePlan

    static let path = "azure/infrastructure.sh"
    /// The cloud-init file every VM boots with (it formats and mounts the data disk).
    static let cloudInitPath = "azure/cloud-init.yaml"
    /// Seconds to wait for a VM to be provisioned.
    static let vmTimeout = 1800


    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Creates the Azure infrastructure in resource group \(azure.resourceGroup): \(azure.regions.count) VNets,",
                "\(azure.peerings.count) peerings, \(azure.regions.count) NSGs, and per node a public IP, a NIC and a VM with a data disk.",
                "It first checks capacity and quotas, and what exists but cannot change in place, and stops",
                "before creating anything when either fails. Safe to run again: what exists is brought to the plan.",
            ],
            done: "Azure infrastructure of \(plan.name) is in place")
        script.environment = [ScriptEnvironment.sshPublicKey]
        script.readsTopologyFolder = true
        script.tools = plan.tools(["az"])
        script.constants = [
            ScriptConstant(name: "CAPACITY_PROBLEMS", value: "()", doc: "Capacity and quota shortfalls: location|what|problem|fix.", keyword: "declare -a"),
            ScriptConstant(name: "NEEDED", value: "()", doc: "What the VMs and public IPs still to create need: location|quota|label → amount.", keyword: "declare -A"),
            AzurePeeringStep.table,
        ]
        let capacity = AzureCapacityCheck(plan: plan, azure: azure)
        let peerings = AzurePeeringStep(azure: azure)
        script.helpers = capacity.helpers + peerings.helpers + [waitForVM]
        script.beforeSteps = [
            .when("[[ \"$DRY_RUN\" != 1 && ! -f \"$SSH_PUBLIC_KEY_FILE\" ]]", [
                .shell("die \"SSH public key $SSH_PUBLIC_KEY_FILE not found; create one with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE\"")
            ])
        ]
        script.steps = [
            capacity.step, drift, resourceGroup, networks, peerings.step, securityGroups, publicIPs, networkInterfaces, virtualMachines, dataDisks,
        ]
        return script
    }

    // MARK: Drift

    /// What exists but cannot change in place: every difference is listed, and the run stops before
    /// it changes anything.
    var drift: ScriptStep {
        var body: [ScriptStatement] = [.shell("local problems=() problem")]
        for (region, resources) in zip(plan.regions, azure.regions) {
            body.append(
                .drift(
                    "the address space of VNet \(resources.vnetName)",
                    exists: az("network", "vnet", "show").option("--name", .literal(resources.vnetName)),
                    current: az("network", "vnet", "show").option("--name", .literal(resources.vnetName))
                        .option("--query", "join(' ', addressSpace.addressPrefixes)").option("--output", "tsv"),
                    planned: region.addresses.network.description,
                    fix: "a VNet's address space does not change in place here; change the topology back, or delete the region's resources first"))
            body.append(
                .drift(
                    "subnet \(resources.subnetName) of VNet \(resources.vnetName)",
                    exists: az("network", "vnet", "subnet", "show").option("--vnet-name", .literal(resources.vnetName))
                        .option("--name", .literal(resources.subnetName)),
                    current: az("network", "vnet", "subnet", "show").option("--vnet-name", .literal(resources.vnetName))
                        .option("--name", .literal(resources.subnetName)).option("--query", "addressPrefix").option("--output", "tsv"),
                    planned: region.addresses.subnet.description,
                    fix: "a subnet with NICs in it cannot change; change the topology back"))
            for (node, names) in zip(region.nodes, resources.nodes) {
                body.append(
                    .drift(
                        "the private IP of NIC \(names.nicName)",
                        exists: az("network", "nic", "show").option("--name", .literal(names.nicName)),
                        current: az("network", "nic", "show").option("--name", .literal(names.nicName))
                            .option("--query", "ipConfigurations[0].privateIPAddress").option("--output", "tsv"),
                        planned: node.privateIP.description,
                        fix: "a node's address is in every cluster's mesh and DNS configuration; remove the node (delete VM \(names.vmName) and NIC \(names.nicName)) and run again"))
                body.append(
                    .drift(
                        "the zone of public IP \(names.publicIPName)",
                        exists: az("network", "public-ip", "show").option("--name", .literal(names.publicIPName)),
                        current: az("network", "public-ip", "show").option("--name", .literal(names.publicIPName))
                            .option("--query", "join(',', zones || [''])").option("--output", "tsv"),
                        planned: names.zone.map(String.init) ?? "",
                        fix: "a public IP's zone cannot change; delete VM \(names.vmName), NIC \(names.nicName) and public IP \(names.publicIPName) and run again"))
                body.append(
                    .drift(
                        "the size of VM \(names.vmName)",
                        exists: az("vm", "show").option("--name", .literal(names.vmName)),
                        current: az("vm", "show").option("--name", .literal(names.vmName))
                            .option("--query", "hardwareProfile.vmSize").option("--output", "tsv"),
                        planned: resources.virtualMachine.size,
                        fix: "resize it, which restarts it (one node of a region at a time): az vm resize --resource-group \(azure.resourceGroup) --name \(names.vmName) --size \(resources.virtualMachine.size)"))
                body.append(
                    .drift(
                        "the zone of VM \(names.vmName)",
                        exists: az("vm", "show").option("--name", .literal(names.vmName)),
                        current: az("vm", "show").option("--name", .literal(names.vmName))
                            .option("--query", "join(',', zones || [''])").option("--output", "tsv"),
                        planned: names.zone.map(String.init) ?? "",
                        fix: "a VM's zone cannot change; remove the node and run again"))
            }
        }
        body.append(
            .when("((${#problems[@]} > 0))", [
                .block("for problem in \"${problems[@]}\"; do", [.shell("printf 'error: %s\\n' \"$problem\" >&2")], end: "done"),
                .shell("die 'what exists differs from the plan where it cannot change in place (above); nothing was changed'"),
            ]))
        body.append(.info("what exists matches the plan wherever it cannot change in place"))
        return ScriptStep(name: "drift", title: "check that what exists matches the plan where it cannot change in place", body: body)
    }

    // MARK: Create or converge

    var resourceGroup: ScriptStep {
        let tag = azure.ownerTag
        return ScriptStep(name: "resource-group", title: "the resource group that holds every resource of the deployment, with its tags", body: [
            .converge(
                "resource group \(azure.resourceGroup)",
                lookup: ShellCommand("az", "group", "show").option("--name", .literal(azure.resourceGroup)),
                create: [
                    .run(
                        ShellCommand("az", "group", "create")
                            .option("--name", .literal(azure.resourceGroup))
                            .option("--location", .literal(azure.location.name))
                            .option("--tags", .literal(tag.assignment), "managed-by=regionmesh")
                            .option("--output", "none"))
                ],
                update: [
                    .capture(
                        "owner", placeholder: tag.value,
                        ShellCommand("az", "group", "show").option("--name", .literal(azure.resourceGroup))
                            .option("--query", .literal("tags.\"\(tag.name)\"")).option("--output", "tsv")),
                    .when("[[ -n \"$owner\" && \"$owner\" != \(shellQuote(tag.value)) ]]", [
                        .shell(
                            "die \"resource group \(azure.resourceGroup) belongs to topology $owner (tag \(tag.name)); give this topology its own resource group\"")
                    ]),
                    // A group made beforehand (say, by a platform team) becomes the deployment's only when the
                    // operator says so: teardown.sh deletes the group it owns with everything in it. Its own
                    // tags stay (`--set` adds; `--tags` would replace them all).
                    .when("[[ -z \"$owner\" ]]", [
                        .shell(
                            "confirm \(shellQuote("Resource group \(azure.resourceGroup) exists and no topology owns it (no tag \(tag.name)). Make it \(tag.value)'s? teardown.sh would then delete it with everything in it")) || die \(shellQuote("not confirmed; nothing was changed: give the topology a resource group of its own, or answer yes to let it own \(azure.resourceGroup)"))"),
                        .run(
                            ShellCommand("az", "group", "update")
                                .option("--name", .literal(azure.resourceGroup))
                                .option("--set", .literal("tags.\(tag.assignment)"), "tags.managed-by=regionmesh")
                                .option("--output", "none")),
                    ]),
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
                let settings = { (command: ShellCommand) in
                    command
                        .option("--nsg-name", .literal(resources.nsgName))
                        .option("--name", .literal(rule.name))
                        .option("--priority", .literal("\(rule.priority)"))
                        .option("--direction", "Inbound")
                        .option("--access", "Allow")
                        .option("--protocol", .literal(rule.networkProtocol.rawValue))
                        .options("--source-address-prefixes", rule.sourcePrefixes.map { .literal($0) })
                        .option("--source-port-ranges", "*")
                        .option("--destination-address-prefixes", "*")
                        .options("--destination-port-ranges", rule.ports.map { .literal($0.description) })
                        .option("--description", .literal(rule.description))
                        .option("--output", "none")
                }
                body.append(
                    .converge(
                        "rule \(rule.name) of \(resources.nsgName)",
                        lookup: az("network", "nsg", "rule", "show").option("--nsg-name", .literal(resources.nsgName)).option("--name", .literal(rule.name)),
                        create: [.run(settings(az("network", "nsg", "rule", "create")))],
                        update: [.run(settings(az("network", "nsg", "rule", "update")))]))
            }
        }
        return ScriptStep(name: "security-groups", title: "one NSG per region with its inbound rules, which a run brings to the plan", body: body)
    }

    var publicIPs: ScriptStep {
        ScriptStep(name: "public-ips", title: "a Standard static public IP per node, in its VM's zone, for SSH and the Kubernetes API", body: azure.regions.flatMap { resources in
            resources.nodes.map { node in
                var create = az("network", "public-ip", "create")
                    .option("--name", .literal(node.publicIPName))
                    .option("--location", .literal(resources.location.name))
                    .option("--sku", "Standard")
                    .option("--allocation-method", "Static")
                    .option("--version", "IPv4")
                if let zone = node.zone { create = create.option("--zone", .literal("\(zone)")) }
                return .ensure(
                    "public IP \(node.publicIPName)",
                    lookup: az("network", "public-ip", "show").option("--name", .literal(node.publicIPName)),
                    create: [.run(create.option("--output", "none"))])
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
        var body: [ScriptStatement] = []
        for resources in azure.regions {
            for node in resources.nodes {
                let create = createVM(node, in: resources)
                body.append(
                    .converge(
                        "VM \(node.vmName)",
                        lookup: az("vm", "show").option("--name", .literal(node.vmName)),
                        create: [.run(create)],
                        update: [
                            .capture(
                                "state", placeholder: "Succeeded",
                                az("vm", "show").option("--name", .literal(node.vmName)).option("--query", "provisioningState").option("--output", "tsv")),
                            .when("[[ \"$state\" == Failed ]]", [
                                .shell(
                                    "confirm \(shellQuote("VM \(node.vmName) is in state Failed. Delete it and create it again? Its disks go with it; its NIC and public IP stay.")) || die \(shellQuote("VM \(node.vmName) is in state Failed; repair it (az vm redeploy) or delete it, then run this script again"))"),
                                .run(az("vm", "delete").option("--name", .literal(node.vmName)).option("--yes")),
                                .run(create),
                            ]),
                        ]))
            }
        }
        for resources in azure.regions {
            for node in resources.nodes {
                body.append(.command(ShellCommand("wait_for_vm", .literal(node.vmName), .literal("\(Self.vmTimeout)"))))
            }
        }
        return ScriptStep(
            name: "vms",
            title: "the VMs with their data disks, created together (--no-wait), then each waited for until Azure has provisioned it",
            body: body)
    }

    /// Grows a data disk smaller than the plan while its VM runs (Azure expands Standard and Premium
    /// SSD data disks without downtime), then its partition and file system from inside the VM
    /// (`azure/grow-data-disk.sh`).
    /// A disk larger than the plan is left alone: Azure disks cannot shrink (the change plan refuses
    /// that change).
    var dataDisks: ScriptStep {
        var body: [ScriptStatement] = []
        for resources in azure.regions {
            let size = resources.dataDisk.sizeGiB
            for node in resources.nodes {
                body.append(.capture(
                    "current", placeholder: "\(size)",
                    az("vm", "show").option("--name", .literal(node.vmName))
                        .option("--query", "storageProfile.dataDisks[0].diskSizeGb").option("--output", "tsv")))
                body.append(.when("[[ \"$current\" =~ ^[0-9]+$ ]] && ((current < \(size)))", [
                    .shell("info \"data disk of VM \(node.vmName) has ${current} GiB; the plan says \(size) GiB\""),
                    .capture(
                        "disk", placeholder: "<data-disk-id-of-\(node.vmName)>",
                        az("vm", "show").option("--name", .literal(node.vmName))
                            .option("--query", "storageProfile.dataDisks[0].managedDisk.id").option("--output", "tsv")),
                    .run(ShellCommand("az", "disk", "update").option("--ids", .expansion("\"$disk\"")).option("--size-gb", .literal("\(size)")).option("--output", "none")),
                ] + growFileSystem(of: node.vmName, to: size)))
            }
        }
        return ScriptStep(
            name: "data-disks", title: "data disks smaller than the plan grown while their VMs run, then their partitions and file systems",
            body: [.shell("local said")] + body)
    }

    /// Runs `azure/grow-data-disk.sh` inside VM `vm` and stops unless it printed its last line:
    /// run-command reports success whatever the script did, and a second run would not try again
    /// (the disk has its planned size by then), so the operator gets the VM's output and the command.
    private func growFileSystem(of vm: String, to size: Int) -> [ScriptStatement] {
        let invoke = az("vm", "run-command", "invoke").option("--name", .literal(vm)).option("--command-id", "RunShellScript")
            .option("--scripts", .expansion("@\"$TOPOLOGY_DIR/\(AzureDiskGrowth.path)\""))
        return [
            .when("[[ \"$DRY_RUN\" == 1 ]]", [.run(invoke.option("--output", "none"))], otherwise: [
                // az failing itself (a run command already in progress, the VM agent not ready) ends in the
                // same message, with the command to run again, instead of set -e's plain stop.
                .when(
                    "! said=\"$(" + invoke.option("--query", "value[0].message").option("--output", "tsv").prefixed("capture", .literal("")).oneLine + ")\"",
                    [.shell("said=\"az vm run-command invoke failed (see above)\"")]),
                .shell(
                    "[[ \"$said\" == *\(shellQuote(AzureDiskGrowth.doneLine))* ]] || die \"the data disk of VM \(vm) has \(size) GiB, "
                        + "but its file system did not grow; the VM said: $said -- after fixing the cause, run "
                        + "\(invoke.oneLine.replacingEvery("\"", with: "\\\"")) (a re-run of this script does not: the disk has its size)\""),
            ]),
        ]
    }

    /// `az vm create` of one node: its zone, disks, cloud-init and NIC.
    func createVM(_ node: AzureNodePlan, in resources: AzureRegionPlan) -> ShellCommand {
        let vm = resources.virtualMachine
        let disk = resources.dataDisk
        var command = az("vm", "create")
            .option("--name", .literal(node.vmName))
            .option("--location", .literal(resources.location.name))
        if let zone = node.zone { command = command.option("--zone", .literal("\(zone)")) }
        return command
            .option("--image", .literal(vm.imageURN))
            .option("--size", .literal(vm.size))
            .option("--nics", .literal(node.nicName))
            .option("--admin-username", .literal(vm.adminUser))
            .option("--authentication-type", "ssh")
            .option("--ssh-key-values", ScriptEnvironment.sshPublicKey.word)
            .option("--os-disk-size-gb", .literal("\(vm.osDiskGiB)"))
            .option("--storage-sku", "os=Premium_LRS", .literal("\(disk.lun)=\(disk.sku.rawValue)"))
            .option("--data-disk-sizes-gb", .literal("\(disk.sizeGiB)"))
            .option("--data-disk-caching", "None")
            .option("--os-disk-delete-option", "Delete")
            .option("--data-disk-delete-option", "Delete")
            .option("--custom-data", .expansion("\"$TOPOLOGY_DIR/\(Self.cloudInitPath)\""))
            .option("--no-wait")
    }

    /// Waits until a VM is provisioned; a failure stops the run with Azure's own message.
    var waitForVM: ShellFunction {
        let group = shellQuote(azure.resourceGroup)
        return ShellFunction(
            name: "wait_for_vm", doc: "Waits until VM $1 is provisioned, at most $2 seconds; stops with Azure's message when it failed.",
            body: [
                .shell("local name=\"$1\" timeout=\"$2\" started=\"$SECONDS\" state message"),
                .when("[[ \"$DRY_RUN\" == 1 ]]", [
                    .shell("printf '# wait until VM %s is provisioned (at most %ss)\\n' \"$name\" \"$timeout\""),
                    .shell("return 0"),
                ]),
                .shell("info \"waiting until VM $name is provisioned (at most ${timeout}s)\""),
                .block("while :; do", [
                    .shell(
                        "state=\"$(az vm show --resource-group \(group) --name \"$name\" --query provisioningState --output tsv 2>/dev/null || true)\""),
                    .block("case \"$state\" in", [
                        .shell("Succeeded) return 0 ;;"),
                        .block("Failed)", [
                            .shell(
                                "message=\"$(az vm get-instance-view --resource-group \(group) --name \"$name\" --query \"instanceView.statuses[?level=='Error'].message | join(' ', @)\" --output tsv 2>/dev/null || true)\""),
                            .shell(
                                "die \"VM $name failed to provision: ${message:-Azure gave no reason; see az vm get-instance-view --resource-group \(azure.resourceGroup) --name $name}. After fixing the cause, run this script again: it offers to recreate the VM\""),
                        ], end: ";;"),
                    ], end: "esac"),
                    .when("((SECONDS - started >= timeout))", [
                        .shell(
                            "die \"VM $name is still '${state:-absent}' after ${timeout}s; check it with: az vm show --resource-group \(azure.resourceGroup) --name $name --query provisioningState\"")
                    ]),
                    .shell("sleep \"$WAIT_INTERVAL\""),
                ], end: "done"),
            ])
    }
}
