import RegionMesh

/// The full mesh of one-way VNet peerings in `azure/infrastructure.sh`: N·(N−1) peerings, but one
/// look-up per VNet. `load_peerings` lists a VNet's peerings once; `ensure_peering` then brings each
/// planned peering of that VNet to the plan from what the list said: created when absent, made again
/// when Disconnected (its remote VNet was recreated), its flags set when they differ, left alone
/// otherwise. The step is a table, a line per peering, so a re-run of 255 regions makes 255 calls
/// to Azure instead of 64,770, and the script grows by a short line per peering.
struct AzurePeeringStep: AzureCommands {
    let azure: AzurePlan

    /// The table `load_peerings` fills: peering name → "state access forwarded".
    static let table = ScriptConstant(
        name: "PEERINGS", value: "()", doc: "The peerings of the VNet last listed: name → \"state vnet-access forwarded-traffic\".",
        keyword: "declare -A")


    var step: ScriptStep {
        var body: [ScriptStatement] = []
        body.reserveCapacity(azure.peerings.count + azure.regions.count)
        for group in Self.byVNet(azure.peerings) {
            body.append(.command(ShellCommand("load_peerings", .literal(group.vnet))))
            for peering in group.peerings {
                body.append(.command(ShellCommand("ensure_peering", .literal(peering.fromVNet), .literal(peering.name), .literal(peering.toVNet))))
            }
        }
        return ScriptStep(name: "peerings", title: "the full mesh of one-way VNet peerings: every region reaches every other directly", body: body)
    }

    var helpers: [ShellFunction] { [load, ensure] }

    /// The peerings of each VNet, in plan order.
    static func byVNet(_ peerings: [VNetPeering]) -> [(vnet: String, peerings: ArraySlice<VNetPeering>)] {
        var groups: [(vnet: String, peerings: ArraySlice<VNetPeering>)] = []
        var start = peerings.startIndex
        while start < peerings.endIndex {
            let vnet = peerings[start].fromVNet
            let end = peerings[start...].firstIndex { $0.fromVNet != vnet } ?? peerings.endIndex
            groups.append((vnet, peerings[start..<end]))
            start = end
        }
        return groups
    }

    private var load: ShellFunction {
        ShellFunction(
            name: "load_peerings", doc: "Lists the peerings of VNet $1 into PEERINGS; under --dry-run there are none.",
            body: [
                .shell("local vnet=\"$1\" name state access forwarded"),
                .shell("PEERINGS=()"),
                .capture(
                    "listed", placeholder: "",
                    az("network", "vnet", "peering", "list")
                        .option("--vnet-name", .variable("vnet"))
                        .option("--query", "[].[name, peeringState, allowVirtualNetworkAccess, allowForwardedTraffic]")
                        .option("--output", "tsv")),
                .block("while IFS=$'\\t' read -r name state access forwarded; do", [
                    .shell("[[ -z \"$name\" ]] || PEERINGS[\"$name\"]=\"$state $access $forwarded\"")
                ], end: "done <<<\"$listed\""),
                .shell("info \"VNet $vnet: ${#PEERINGS[@]} peerings exist\""),
            ])
    }

    private var ensure: ShellFunction {
        let create = az("network", "vnet", "peering", "create")
            .option("--name", .variable("name"))
            .option("--vnet-name", .variable("vnet"))
            .option("--remote-vnet", .variable("remote"))
            .option("--allow-vnet-access")
            .option("--allow-forwarded-traffic")
            .option("--output", "none")
        return ShellFunction(
            name: "ensure_peering",
            doc: "Brings peering $2 of VNet $1 to VNet $3 to the plan, from what load_peerings found.",
            body: [
                .shell("local vnet=\"$1\" name=\"$2\" remote=\"$3\" state access forwarded"),
                .when("[[ -z \"${PEERINGS[$name]:-}\" ]]", [.run(create), .shell("return 0")]),
                .shell("read -r state access forwarded <<<\"${PEERINGS[$name]}\""),
                .when(
                    "[[ \"$state\" == Disconnected ]]",
                    [
                        .shell("info \"peering $name is disconnected (its remote VNet was recreated): making it again\""),
                        .run(az("network", "vnet", "peering", "delete").option("--vnet-name", .variable("vnet")).option("--name", .variable("name"))),
                        .run(create),
                    ],
                    otherwise: [
                        .when("[[ \"$access\" != True || \"$forwarded\" != True ]]", [
                            .shell("info \"peering $name: allowing VNet access and forwarded traffic, as planned\""),
                            .run(
                                az("network", "vnet", "peering", "update")
                                    .option("--name", .variable("name"))
                                    .option("--vnet-name", .variable("vnet"))
                                    .option("--allow-vnet-access", "true")
                                    .option("--allow-forwarded-traffic", "true")
                                    .option("--output", "none")),
                        ])
                    ]),
            ])
    }
}
