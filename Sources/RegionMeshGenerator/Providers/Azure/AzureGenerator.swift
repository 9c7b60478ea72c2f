import RegionMesh

/// Azure's artifacts: `azure/infrastructure.sh` and `azure/teardown.sh`, the setup and teardown
/// steps that run them, its README parts, and how an installer reaches a node (its public IP).
struct AzureGenerator: ComponentGenerator, NodeAccess, MachineLifecycle {
    let plan: Plan
    let azure: AzurePlan
    /// What its files say about the command that regenerates them.
    var context = GenerationContext()

    func scripts() -> [Script] {
        [
            AzureInfrastructureScript(plan: plan, azure: azure).script, AzureRetireScript(plan: plan, azure: azure).script,
            AzureTeardownScript(plan: plan, azure: azure).script,
        ]
            + (azure.registry.map { [AzureRegistryScript(plan: plan, azure: azure, registry: $0).script] } ?? [])
            + (azure.trafficManager.map { [AzureFrontEndScript(plan: plan, azure: azure, trafficManager: $0).script] } ?? [])
    }

    func fileJobs() -> [@Sendable () throws -> [Artifact]] {
        let header = FileHeader(plan, context: context)
        return [{ [AzureCloudInit.artifact(plan, azure, header: header), AzureDiskGrowth.artifact(plan, azure, header: header)] }]
    }

    func setupSteps() -> [PhasedStep] {
        var steps = [
            PhasedStep(
                phase: .infrastructure,
                step: ScriptStep(
                    name: "azure", title: "Azure infrastructure: resource group, VNets, peerings, NSGs, public IPs, NICs, VMs",
                    body: [.runScript(path: AzureInfrastructureScript.path, arguments: [])]))
        ]
        if let registry = azure.registry {
            steps.append(
                PhasedStep(
                    phase: .infrastructure,
                    step: ScriptStep(
                        name: "registry",
                        title: "container registry \(registry.name): Premium, replicated to every region's location, the pinned images, the nodes' pull-only token",
                        body: [.runScript(path: AzureRegistryScript.path, arguments: [])])))
        }
        if let trafficManager = azure.trafficManager {
            steps.append(
                PhasedStep(
                    phase: .clientEntry,
                    step: ScriptStep(
                        name: "front-ends",
                        title: "client front ends: a load balancer per region, Traffic Manager \(trafficManager.fqdn) over them",
                        body: [.runScript(path: AzureFrontEndScript.path, arguments: [])])))
        }
        return steps + [
            PhasedStep(
                phase: .networkRetirement,
                step: ScriptStep(
                    name: "retire-networks", title: "peerings, VNets and NSGs the plan no longer has, deleted once no machine uses them",
                    body: [.runScript(path: AzureRetireScript.path, arguments: [])])),
        ]
    }

    func preflightChecks() -> [PreflightCheck] {
        AzureGlobalNames(azure: azure).preflightChecks + [
            PreflightCheck(
                condition: "! command -v az >/dev/null 2>&1 || az account show >/dev/null 2>&1",
                problem: "the Azure CLI is not logged in; run az login (and az account set --subscription ... if you have several)"),
            PreflightCheck(
                condition: "[[ -f \"$SSH_PUBLIC_KEY_FILE\" ]]",
                problem: "SSH public key $SSH_PUBLIC_KEY_FILE not found; create a key pair with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE"),
        ]
    }

    func teardownSteps() -> [PhasedStep] {
        [
            PhasedStep(
                phase: .infrastructure,
                step: ScriptStep(
                    name: "azure", title: "delete Azure resource group \(azure.resourceGroup) and everything in it",
                    body: [.runScript(path: AzureTeardownScript.path, arguments: ["--yes"])]))
        ]
    }

    func summary() -> [String] {
        let sizes = Dictionary(grouping: azure.regions.flatMap { region in region.nodes.map { _ in region.virtualMachine.size } }, by: { $0 })
            .sorted { $0.key < $1.key }
        let vCPUs = sizes.reduce(0) { $0 + $1.value.count * AzureGenerator.vCPUs(of: $1.key) }
        let locations = azure.regions.map(\.location.name).joined(separator: ", ")
        return [
            "Azure: resource group \(azure.resourceGroup) (\(azure.location.name)); in \(locations): \(azure.regions.count) VNets, \(azure.peerings.count) peerings, \(azure.regions.count) NSGs, \(plan.nodeCount) public IPs, NICs and VMs with a data disk each",
            "  VMs: " + sizes.map { "\($0.value.count) × \($0.key)" }.joined(separator: ", ") + " = \(vCPUs) vCPUs",
        ] + AzureClientReadme(plan: plan, azure: azure).summary
    }

    /// The vCPUs of an Azure size, from its name (`Standard_D4s_v5` has 4; a constrained
    /// `Standard_E16-4ds_v5` has 4 active).
    static func vCPUs(of size: String) -> Int {
        let name = size.drop { $0 != "_" }.dropFirst().drop { $0.isLetter && $0.isUppercase }
        let digits = name.prefix { $0.isNumber }
        let rest = name.dropFirst(digits.count)
        if rest.first == "-" { return Int(rest.dropFirst().prefix { $0.isNumber }) ?? 0 }
        return Int(digits) ?? 0
    }

    // MARK: NodeAccess

    func sshAddress(of node: NodePlan, in region: RegionPlan) -> (lookup: ShellCommand, placeholder: String) {
        let lookup = ShellCommand("az", "network", "public-ip", "show")
            .option("--resource-group", .literal(azure.resourceGroup))
            .option("--name", .literal(azure[region].nodes[node.index - 1].publicIPName))
            .option("--query", "ipAddress")
            .option("--output", "tsv")
        return (lookup, "<public-ip-of-\(node.name)>")
    }

    func loginUser(in region: RegionPlan) -> String {
        azure[region].virtualMachine.adminUser
    }

    var lookupTools: [String] { ["az"] }

    // MARK: MachineLifecycle

    /// The resource group's VMs named like the deployment's (`<prefix>-<region>-node<index>`).
    var existingMachines: ShellCommand {
        ShellCommand("az", "vm", "list").option("--resource-group", .literal(azure.resourceGroup))
            .option("--query", .literal("[?starts_with(name, '\(azure.namePrefix)-') && contains(name, '\(AzureNames.nodeMarker)')].name"))
            .option("--output", "tsv")
    }

    var lifecycleTools: [String] { ["az"] }

    /// Deallocates the VM: k3s and everything else on it stop, and it costs no compute.
    func stopMachine(_ name: ShellWord) -> ShellCommand {
        ShellCommand("az", "vm", "deallocate").option("--resource-group", .literal(azure.resourceGroup)).option("--name", name)
    }

    /// Deletes the VM (its OS and data disks go with it: they were created with the delete option
    /// Delete), then its NIC and public IP, and any disk of it left unattached by an older VM.
    func deleteMachine(_ name: ShellWord) -> [ScriptStatement] {
        let group = ShellWord.literal(azure.resourceGroup)
        let nic = ShellWord.expansion("\"${name}\(AzureNames.nicSuffix)\"")
        let ip = ShellWord.expansion("\"${name}\(AzureNames.publicIPSuffix)\"")
        return [
            .shell("local name=\(name.rendered) disk"),
            .run(ShellCommand("az", "vm", "delete").option("--resource-group", group).option("--name", .variable("name")).option("--yes")),
            .when(ShellCommand("az", "network", "nic", "show").option("--resource-group", group).option("--name", nic).prefixed("found").oneLine, [
                .run(ShellCommand("az", "network", "nic", "delete").option("--resource-group", group).option("--name", nic))
            ]),
            .when(ShellCommand("az", "network", "public-ip", "show").option("--resource-group", group).option("--name", ip).prefixed("found").oneLine, [
                .run(ShellCommand("az", "network", "public-ip", "delete").option("--resource-group", group).option("--name", ip))
            ]),
            .block("for disk in $(az disk list --resource-group \(azure.resourceGroup) --query \"[?managedBy==null && starts_with(name, '${name}_')].name\" --output tsv); do", [
                .run(ShellCommand("az", "disk", "delete").option("--resource-group", group).option("--name", .variable("disk")).option("--yes")),
            ], end: "done"),
        ]
    }

    // MARK: README

    /// Per region: VM size and image, zones, OS and data disks; and how the data disk is used.
    var machines: String {
        let table = TextTable(
            header: ["Region", "Location", "VM size", "Zones", "OS disk", "Data disk", "Image"],
            rows: azure.regions.map { region in
                let zones = region.nodes.compactMap(\.zone)
                return [
                    region.key, region.location.name, region.virtualMachine.size,
                    zones.isEmpty ? "none (the location has no zones)" : zones.map(String.init).joined(separator: ", "),
                    "\(region.virtualMachine.osDiskGiB) GiB Premium SSD", "\(region.dataDisk.sizeGiB) GiB \(region.dataDisk.sku.rawValue)",
                    "`\(region.virtualMachine.imageURN)`",
                ]
            })
        let mount = azure.regions[0].dataDisk.mountPath
        return table.markdown + """

            Every VM has its own managed data disk (LUN 0, host caching off: the database syncs its writes). On the \
            first boot `\(AzureInfrastructureScript.cloudInitPath)` partitions and formats it (never an existing file \
            system) and mounts it at `\(mount)`; k3s keeps its local-path volumes, the database's, in \
            `\(mount)/local-path`, so data never fills the OS disk. In a location with availability zones a region's \
            nodes go to zones 1, 2, 3 in turn (`Zones(…)` pins others, `Zones()` none); each node's public IP is in its \
            VM's zone, each Kubernetes node is labelled `topology.kubernetes.io/zone`, and each database node's \
            locality names its zone, so a zone can fail without losing the region.

            """
    }

    /// Every inbound rule of every region's NSG: its ports and who may connect. One table for all
    /// regions when their rules are the same.
    var inboundRules: String {
        let same = Set(azure.regions.map { $0.securityRules.map(Self.row) }).count <= 1
        let groups: [(String, [NSGRule])] = same
            ? [(azure.regions.count == 1 ? azure.regions[0].key : "every region", azure.regions.first?.securityRules ?? [])]
            : azure.regions.map { ($0.key, $0.securityRules) }
        let table = TextTable(
            header: ["Region", "Priority", "Rule", "Protocol", "Ports", "Sources", "Purpose"],
            rows: groups.flatMap { region, rules in rules.map { [region] + Self.row($0) } })
        return """
            Each region's NSG (on every node's NIC) admits from outside the private networks only these; Azure's \
            default rules admit the traffic between the peered VNets and deny everything else.

            \(table.markdown)
            """
    }

    /// A rule's cells after the region: priority, name, protocol, ports, sources, purpose.
    static func row(_ rule: NSGRule) -> [String] {
        [
            "\(rule.priority)", rule.name, rule.networkProtocol == .any ? "any" : rule.networkProtocol.rawValue.uppercased(),
            rule.ports.map { $0.description.replacingEvery("-", with: "–") }.joined(separator: ", "),
            (rule.sources.map(\.description) + (rule.sourceServiceTags ?? []).map { "\($0) (service tag)" }).joined(separator: ", "),
            rule.description,
        ]
    }

    /// What `azure/infrastructure.sh` checks first, and how a second run converges.
    var preflight: String {
        """
        `setup.sh` first checks its tools, the Azure login, the SSH keys, and that this machine's public address \
        (from `https://api.ipify.org`, or `REGIONMESH_ADMIN_IP`) is inside `AdminAccess`, so SSH and the API will \
        answer. Then `\(AzureInfrastructureScript.path)` checks, before it creates anything:

        1. capacity: every location offers its VM size without restrictions, in the zones the nodes go to, and the \
        location's quotas (total and per-family vCPUs, public IPs) leave room for the VMs and IPs still to create; \
        every shortfall is listed in one table;
        2. drift: what exists already matches the plan wherever it cannot change in place (address spaces, subnets, \
        a NIC's private IP, a VM's size and zone, a public IP's zone); each difference is listed with what to do.

        A second run brings what exists to the plan: NSG rules (sources, ports, priorities) and peerings are \
        updated in place. VMs are created together; one that fails to provision stops the run with Azure's own \
        message, and one left in state Failed is recreated after a question. A resource group that exists without \
        the tag `\(azure.ownerTag.name)` (made beforehand, say by a platform team) becomes this deployment's only \
        after a question, because `teardown.sh` deletes the group it owns with everything in it; its own tags stay. \
        One tagged for another topology stops the run.

        """
    }

    func inventory() -> (title: String, table: TextTable)? {
        (
            "Resource group \(azure.resourceGroup) (\(azure.location.name))",
            TextTable(header: ["Azure resource", "Count"], rows: ResourceInventory(azure).rows.map { [$0.0, "\($0.1)"] })
        )
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "\(plan.regions.count) regions in Azure resource group `\(azure.resourceGroup)` (\(azure.location.name))"
        readme.regionColumns = [
            ("VM size", { azure[$0].virtualMachine.size }),
            ("Image", { "`\(azure[$0].virtualMachine.imageURN)`" }),
        ]
        readme.diagramLinks = [
            DiagramLink(ends: .networks, label: "VNet peering", pairs: DiagramLink.undirected(azure.peerings.map { ($0.fromRegion, $0.toRegion) }))
        ]
        readme.nodeColumns = [
            (
                "Public IP resource",
                { region, node in azure[region].nodes[node.index - 1].publicIPName }
            )
        ]
        readme.trafficNotes = [
            "Clusters reach each other only on node private IPs over the \(azure.peerings.count) VNet peerings; Azure's default `AllowVnetInBound` rule admits that traffic."
        ]
        readme.sections = [("Inbound rules", inboundRules), ("Machines, disks and zones", machines)]
        if let inventory = inventory() {
            readme.sections.append(("Azure resources", inventory.table.markdown))
        }
        readme.sections.append(("Before Azure creates anything", preflight))
        readme.sections += AzureClientReadme(plan: plan, azure: azure).sections
        readme.prerequisites = ["Log in with `az login` first (and `az account set --subscription …` if you have several)."]
        readme.files = [
            ("`\(AzureInfrastructureScript.path)`, `\(AzureTeardownScript.path)`", "Azure resources; deleting the resource group"),
            ("`\(AzureInfrastructureScript.cloudInitPath)`", "what every VM does on its first boot: its data disk"),
            ("`\(AzureDiskGrowth.path)`", "run inside a VM whose data disk grew: the partition and file system follow"),
            ("`\(AzureRetireScript.path)`", "peerings, VNets and NSGs the plan no longer has"),
        ] + AzureClientReadme(plan: plan, azure: azure).files
        readme.dayTwo = [
            (.infrastructure, """
            **Azure brings what exists to the plan.** `\(AzureInfrastructureScript.path)` creates what is new (a region's \
            VNet, NSG and nodes, the peerings to and from it on both sides), updates NSG rules and peerings in place, and \
            grows data disks while their VMs run, then their partitions and file systems (`\(AzureDiskGrowth.path)`). Its \
            drift check stops before anything changes where Azure differs from the plan in what cannot change in place.
            """),
            (.networkRetirement, """
            **Networks at the end.** After the machines are gone, `\(AzureRetireScript.path)` lists and deletes the \
            peerings, VNets and NSGs the plan no longer has, only those named like this deployment's, and a Traffic \
            Manager profile or container registry the plan no longer has, only those tagged \
            `\(azure.ownerTag.assignment)` (their names follow no pattern): what else the resource group holds stays.
            """),
        ]
        return readme
    }
}
