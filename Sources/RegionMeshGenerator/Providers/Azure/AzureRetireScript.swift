import RegionMesh

/// `azure/retire.sh`: after the machines the plan no longer has are gone, deletes the rest of what
/// it no longer has in the resource group: peerings from kept VNets to removed ones, NICs and
/// public IPs left behind, then the removed regions' VNets and NSGs. Only resources named like the
/// deployment's (`<prefix>-…`) are considered, and everything found is listed and confirmed first.
/// It asks Azure what exists, so it converges from any earlier state.
struct AzureRetireScript: AzureCommands {
    let plan: Plan
    let azure: AzurePlan

    static let path = "azure/retire.sh"


    /// Lists the names of one kind of resource named `<prefix>-…<suffix>`.
    func list(_ kind: [ShellWord], suffix: String) -> ShellCommand {
        ShellCommand(words: ["az"] + kind + ["list"]).option("--resource-group", .literal(azure.resourceGroup))
            .option("--query", .literal("[?starts_with(name, '\(azure.namePrefix)-') && ends_with(name, '\(suffix)')].name"))
            .option("--output", "tsv")
    }

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Deletes what resource group \(azure.resourceGroup) has of the deployment but the plan no longer has:",
                "peerings to removed VNets, NICs and public IPs left behind, then removed VNets and NSGs. Run it",
                "after k3s/remove-nodes.sh has removed the machines. Safe to run again.",
            ],
            done: "resource group \(azure.resourceGroup) holds only what the plan has")
        script.tools = plan.tools(["az"])
        script.constants = [
            ScriptConstant(
                name: "PLANNED", value: shellQuote(" " + plannedNames.joined(separator: " ") + " "),
                doc: "Every VNet, NSG, NIC, load balancer and public IP of the plan, space-separated."),
            ScriptConstant(
                name: "PLANNED_GLOBAL", value: shellQuote(" " + plannedGlobalNames.joined(separator: " ") + " "),
                doc: "The Traffic Manager profile and container registry of the plan, space-separated."),
        ]
        script.helpers = [unplanned, deleteLoadBalancer]
        script.steps = [peerings, leftovers, networks, global]
        return script
    }

    var plannedNames: [String] {
        azure.regions.flatMap { region in
            [region.vnetName, region.nsgName] + region.nodes.flatMap { [$0.nicName, $0.publicIPName] }
                + (region.frontEnd.map { [$0.loadBalancer, $0.publicIP] } ?? [])
        }
    }

    /// `delete_load_balancer <name>`: takes every NIC of the resource group out of the load
    /// balancer's backend pools (Azure refuses to delete a pool NICs still reference), then deletes it.
    var deleteLoadBalancer: ShellFunction {
        let ipConfig = ShellWord.literal(AzureFrontEndScript.nicIPConfiguration)
        return ShellFunction(
            name: "delete_load_balancer", doc: "Takes the NICs out of load balancer $1's backend pools, then deletes it.",
            body: [
                .shell("local lb=\"$1\" nic pool"),
                .capture("nics", placeholder: "", az("network", "nic", "list").option("--query", "[].name").option("--output", "tsv")),
                .block("for nic in $nics; do", [
                    .capture(
                        "pools", placeholder: "",
                        az("network", "nic", "ip-config", "show").option("--nic-name", .variable("nic")).option("--name", ipConfig)
                            .option("--query", .expansion("\"loadBalancerBackendAddressPools[?contains(id, '/loadBalancers/${lb}/')].id\""))
                            .option("--output", "tsv")),
                    .block("for pool in $pools; do", [
                        .run(
                            az("network", "nic", "ip-config", "address-pool", "remove").option("--nic-name", .variable("nic"))
                                .option("--ip-config-name", ipConfig).option("--address-pool", .variable("pool")).option("--output", "none"))
                    ], end: "done"),
                ], end: "done"),
                .run(az("network", "lb", "delete").option("--name", .variable("lb"))),
            ])
    }

    /// The Traffic Manager profile and the registry of the plan, when it has them.
    var plannedGlobalNames: [String] {
        [azure.trafficManager?.profile, azure.registry?.name].compactMap { $0 }
    }

    var unplanned: ShellFunction {
        ShellFunction(name: "unplanned", doc: "Prints the words of $1 that are not in PLANNED, space-separated.", body: [
            .shell("local name found=()"),
            .block("for name in $1; do", [.shell("[[ \"$PLANNED\" == *\" $name \"* ]] || found+=(\"$name\")")], end: "done"),
            .shell("printf '%s\\n' \"${found[*]}\""),
        ])
    }

    /// Lists what the plan lacks, confirms, and deletes each with `delete` (the name in `$name`).
    func retire(_ what: String, listing: ShellCommand, delete: ShellCommand) -> ScriptStatement {
        .when("[[ \"$DRY_RUN\" == 1 ]]", [
            .info("(dry run) would delete the \(what) of the deployment that the plan lacks")
        ], otherwise: [
            .capture("listed", placeholder: "", listing),
            .shell("names=\"$(unplanned \"$listed\")\""),
            .when("[[ -z \"$names\" ]]", [.info("no \(what) of this topology outside the plan")], otherwise: [
                .shell("confirm \"Delete \(what) $names? The plan no longer has them\" || die \"not confirmed; nothing was deleted\""),
                .block("for name in $names; do", [.run(delete)], end: "done"),
            ]),
        ])
    }

    var peerings: ScriptStep {
        var body: [ScriptStatement] = [.shell("local listed names name")]
        body.append(.when("[[ \"$DRY_RUN\" == 1 ]]", [
            .info("(dry run) would delete the peerings of the planned VNets that the plan lacks (az network vnet peering list per VNet)"),
            .shell("return 0"),
        ]))
        let plannedByVNet = Dictionary(grouping: azure.peerings, by: \.fromVNet)
        for region in azure.regions {
            let planned = plannedByVNet[region.vnetName, default: []].map(\.name)
            body.append(.capture(
                "listed", placeholder: "",
                az("network", "vnet", "peering", "list").option("--vnet-name", .literal(region.vnetName)).option("--query", "[].name").option("--output", "tsv")))
            body.append(.shell("names=''"))
            body.append(.block("for name in $listed; do", [
                .shell("[[ \(shellQuote(" " + planned.joined(separator: " ") + " ")) == *\" $name \"* ]] || names+=\" $name\"")
            ], end: "done"))
            body.append(.when("[[ -n \"$names\" ]]", [
                .shell("confirm \"Delete peerings$names of VNet \(region.vnetName)? The plan no longer has them\" || die \"not confirmed; nothing was deleted\""),
                .block("for name in $names; do", [
                    .run(az("network", "vnet", "peering", "delete").option("--vnet-name", .literal(region.vnetName)).option("--name", .variable("name")))
                ], end: "done"),
            ]))
        }
        return ScriptStep(name: "peerings", title: "peerings of the plan's VNets to VNets it no longer has", body: body)
    }

    var leftovers: ScriptStep {
        // A load balancer goes before the public IP its frontend holds.
        let lbs = retire(
            "load balancers", listing: list(["network", "lb"], suffix: AzureNames.loadBalancerSuffix),
            delete: ShellCommand("delete_load_balancer", .variable("name")))
        let nic = retire(
            "NICs", listing: list(["network", "nic"], suffix: AzureNames.nicSuffix),
            delete: az("network", "nic", "delete").option("--name", .variable("name")))
        let ips = retire(
            "public IPs", listing: list(["network", "public-ip"], suffix: AzureNames.publicIPSuffix),
            delete: az("network", "public-ip", "delete").option("--name", .variable("name")))
        return ScriptStep(
            name: "leftovers", title: "load balancers, NICs and public IPs the plan no longer has (a front end's, a machine's left by an interrupted removal)",
            body: [.shell("local listed names name"), lbs, nic, ips])
    }

    var networks: ScriptStep {
        let vnets = retire(
            "VNets", listing: list(["network", "vnet"], suffix: AzureNames.vnetSuffix),
            delete: az("network", "vnet", "delete").option("--name", .variable("name")))
        let nsgs = retire(
            "NSGs", listing: list(["network", "nsg"], suffix: AzureNames.nsgSuffix),
            delete: az("network", "nsg", "delete").option("--name", .variable("name")))
        return ScriptStep(
            name: "networks", title: "VNets and NSGs the plan no longer has (their subnets and peerings go with them)",
            body: [.shell("local listed names name"), vnets, nsgs])
    }

    /// The Traffic Manager profiles and registries that this topology made (its owner tag) and the
    /// plan lacks. Their names are the topology's own choice, with no pattern to tell them from a
    /// profile or registry someone else keeps in the resource group: the tag does.
    var global: ScriptStep {
        let owner = azure.ownerTag
        // The names of `kind` whose owner tag `filter` selects, less those the plan has, into $names.
        let unplanned = { (kind: [ShellWord], filter: String) -> [ScriptStatement] in
            [
                .capture(
                    "listed", placeholder: "",
                    ShellCommand(words: ["az"] + kind + ["list"]).option("--resource-group", .literal(azure.resourceGroup))
                        .option("--query", .literal("[?tags.\"\(owner.name)\"==\(filter)].name")).option("--output", "tsv")),
                .shell("names=''"),
                .block("for name in $listed; do", [.shell("[[ \"$PLANNED_GLOBAL\" == *\" $name \"* ]] || names+=\" $name\"")], end: "done"),
            ]
        }
        let retireGlobal = { (what: String, kind: [ShellWord], delete: ShellCommand) -> ScriptStatement in
            .when("[[ \"$DRY_RUN\" == 1 ]]", [
                .info("(dry run) would delete the \(what) of this topology that the plan lacks")
            ], otherwise: unplanned(kind, "'\(owner.value)'") + [
                .when("[[ -z \"$names\" ]]", [.info("no \(what) of this topology outside the plan")], otherwise: [
                    .shell("confirm \"Delete \(what)$names? The plan no longer has them\" || die \"not confirmed; nothing was deleted\""),
                    .block("for name in $names; do", [.run(delete)], end: "done"),
                ]),
            ]
            // Without the tag: made by someone else, or by this topology before it tagged them. Named, not deleted.
            + unplanned(kind, "null") + [
                .when("[[ -n \"$names\" ]]", [
                    .shell("info \"\(what) without the tag \(owner.name), left alone:$names (if this deployment made one before it tagged them, delete it by hand)\"")
                ]),
            ])
        }
        return ScriptStep(
            name: "global", title: "a Traffic Manager profile or container registry the plan no longer has",
            body: [
                .shell("local listed names name"),
                retireGlobal(
                    "Traffic Manager profiles", ["network", "traffic-manager", "profile"],
                    az("network", "traffic-manager", "profile", "delete").option("--name", .variable("name"))),
                retireGlobal(
                    "container registries", ["acr"],
                    ShellCommand("az", "acr", "delete").option("--name", .variable("name")).option("--resource-group", .literal(azure.resourceGroup)).option("--yes")),
            ])
    }
}
