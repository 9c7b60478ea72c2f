import RegionMesh

/// The first step of `azure/infrastructure.sh`: before anything is created, every location must
/// offer each VM size without restrictions (in the zones the nodes go to), and its quotas must
/// leave room for the VMs (total and per-family vCPUs) and public IPs still to be created. Every
/// shortfall is listed in one table; nothing is created.
struct AzureCapacityCheck {
    let plan: Plan
    let azure: AzurePlan

    /// The helpers the step calls.
    var helpers: [ShellFunction] {
        [
            ShellFunction(
                name: "count_missing", doc: "Prints how many of the names after $1 are not lines of $1 (the names that exist).",
                body: [
                    .shell("local existing=\"$1\" name count=0"),
                    .shell("shift"),
                    .block("for name in \"$@\"; do", [.shell("grep -qxF -- \"$name\" <<<\"$existing\" || count=$((count + 1))")], end: "done"),
                    .shell("printf '%s\\n' \"$count\""),
                ]),
            ShellFunction(
                name: "check_vm_size",
                doc: "Records what location $1 lacks for $3 new VMs of size $2 in zones $4 (comma-separated; empty for none).",
                body: [
                    .shell("local location=\"$1\" size=\"$2\" count=\"$3\" zones=\"$4\" sku family vcpus restricted offered blocked zone"),
                    .shell("((count > 0)) || return 0"),
                    .capture(
                        "sku", placeholder: "",
                        ShellCommand("az", "vm", "list-skus")
                            .option("--location", .variable("location")).option("--size", .variable("size"))
                            .option("--resource-type", "virtualMachines").option("--all")
                            .option(
                                "--query",
                                .expansion(
                                    "\"[?name=='$size'] | [0].[family, capabilities[?name=='vCPUs'].value | [0], join(',', restrictions[?type=='Location'].reasonCode), join(',', locationInfo[0].zones || ['']), join(',', restrictions[?type=='Zone'].restrictionInfo.zones[] || [''])]\""
                                ))
                            .option("--output", "tsv")),
                    .when("[[ -z \"$sku\" ]]", [
                        .shell("CAPACITY_PROBLEMS+=(\"$location|$size|not offered in this location|choose another size: az vm list-sizes --location $location\")"),
                        .shell("return 0"),
                    ]),
                    // Tab is whitespace to `read`: runs of tabs would merge the empty fields of
                    // tsv (no restriction) and shift the zones into `restricted`. '|' is not.
                    .shell("IFS='|' read -r family vcpus restricted offered blocked <<<\"${sku//$'\\t'/|}\""),
                    .when("[[ -n \"$restricted\" ]]", [
                        .shell("CAPACITY_PROBLEMS+=(\"$location|$size|restricted for this subscription ($restricted)|choose another size, or ask for it: https://aka.ms/azureskunotavailable\")"),
                        .shell("return 0"),
                    ]),
                    .block("for zone in ${zones//,/ }; do", [
                        .when("[[ \",$offered,\" != *\",$zone,\"* || \",$blocked,\" == *\",$zone,\"* ]]", [
                            .shell("CAPACITY_PROBLEMS+=(\"$location|$size|not offered in zone $zone|pin other zones with Zones(...) or choose another size\")")
                        ])
                    ], end: "done"),
                    .shell("[[ \"$vcpus\" =~ ^[0-9]+$ ]] || vcpus=0"),
                    .shell("NEEDED[\"$location|cores|total regional vCPUs\"]=$((${NEEDED[\"$location|cores|total regional vCPUs\"]:-0} + vcpus * count))"),
                    .shell("NEEDED[\"$location|$family|$family vCPUs\"]=$((${NEEDED[\"$location|$family|$family vCPUs\"]:-0} + vcpus * count))"),
                ]),
            ShellFunction(
                name: "check_quotas", doc: "Records every quota of NEEDED (location|name|label → amount) without room for what is needed.",
                body: [
                    .shell("local key location name label needed usage current limit"),
                    .block("for key in \"${!NEEDED[@]}\"; do", [
                        .shell("IFS='|' read -r location name label <<<\"$key\""),
                        .shell("needed=\"${NEEDED[$key]}\""),
                        // Network quotas (PublicIPAddresses, StandardSkuPublicIpAddresses, …) come from
                        // the network API, whatever the case of their 'Ip'; the others from compute.
                        .when("[[ \"$name\" == *Public[Ii][Pp]* ]]", [
                            .shell("usage=\"$(az network list-usages --location \"$location\" --query \"[?name.value=='$name'] | [0].[currentValue, limit]\" --output tsv)\"")
                        ], otherwise: [
                            .shell("usage=\"$(az vm list-usage --location \"$location\" --query \"[?name.value=='$name'] | [0].[currentValue, limit]\" --output tsv)\"")
                        ]),
                        .shell("[[ -n \"$usage\" ]] || continue"),
                        .shell("read -r current limit <<<\"$usage\""),
                        .when("((limit >= 0 && limit - current < needed))", [
                            .shell("CAPACITY_PROBLEMS+=(\"$location|$label|$((limit - current)) free of $limit, $needed needed|ask for more: the portal's Quotas page, or az quota update\")")
                        ]),
                    ], end: "done"),
                ]),
        ]
    }

    /// The step: the look-ups, then one table of every shortfall.
    var step: ScriptStep {
        var body: [ScriptStatement] = [
            .when("[[ \"$DRY_RUN\" == 1 ]]", [.info("(dry run) skipping the capacity and quota look-ups"), .shell("return 0")]),
            .shell("local vms ips"),
            .comment("What exists already counts against the quotas and needs no room."),
            .shell(
                "vms=\"$(az vm list --resource-group \(shellQuote(azure.resourceGroup)) --query '[].name' --output tsv 2>/dev/null || true)\""),
            .shell(
                "ips=\"$(az network public-ip list --resource-group \(shellQuote(azure.resourceGroup)) --query '[].name' --output tsv 2>/dev/null || true)\""),
        ]
        for group in groups {
            let vms = group.nodes.map { shellQuote($0.vmName) }.joined(separator: " ")
            let zones = Set(group.nodes.compactMap(\.zone)).sorted().map(String.init).joined(separator: ",")
            body.append(
                .shell(
                    "check_vm_size \(shellQuote(group.location.name)) \(shellQuote(group.size)) \"$(count_missing \"$vms\" \(vms))\" \(shellQuote(zones))"))
        }
        for (location, nodes) in publicIPsByLocation {
            // The nodes' public IPs and the front ends' (azure/front-ends.sh) count against the same quotas.
            let frontEnds = azure.regions.filter { $0.location == location }.compactMap(\.frontEnd?.publicIP)
            let names = (nodes.map(\.publicIPName) + frontEnds).map(shellQuote).joined(separator: " ")
            for (name, label) in Self.publicIPQuotas {
                body.append(
                    .shell(
                        "NEEDED[\(shellQuote("\(location.name)|\(name)|\(label)"))]=\"$(count_missing \"$ips\" \(names))\""))
            }
        }
        body += [
            .shell("check_quotas"),
            .when("((${#CAPACITY_PROBLEMS[@]} > 0))", [
                .shell("printf '\\n%-16s  %-28s  %-40s  %s\\n' LOCATION 'SIZE OR QUOTA' PROBLEM 'WHAT TO DO' >&2"),
                .shell("local problem fields"),
                .block("for problem in \"${CAPACITY_PROBLEMS[@]}\"; do", [
                    .shell("IFS='|' read -r -a fields <<<\"$problem\""),
                    .shell("printf '%-16s  %-28s  %-40s  %s\\n' \"${fields[@]}\" >&2"),
                ], end: "done"),
                .shell("die 'Azure cannot hold the deployment as planned (see the table above); nothing was created'"),
            ]),
            .info("every location offers its VM sizes, and the quotas leave room for what is still to be created"),
        ]
        return ScriptStep(
            name: "capacity",
            title: "check that every location offers its VM sizes and zones and has quota for the VMs and public IPs still to create",
            body: body)
    }

    /// The quotas a Standard static public IP counts against, as `az network list-usages` names them.
    static let publicIPQuotas = [
        ("PublicIPAddresses", "public IP addresses"), ("StaticPublicIPAddresses", "static public IP addresses"),
        ("StandardSkuPublicIpAddresses", "Standard public IP addresses"),
    ]

    /// The nodes by location and VM size.
    var groups: [(location: AzureLocation, size: String, nodes: [AzureNodePlan])] {
        var result: [(location: AzureLocation, size: String, nodes: [AzureNodePlan])] = []
        for region in azure.regions {
            if let index = result.firstIndex(where: { $0.location == region.location && $0.size == region.virtualMachine.size }) {
                result[index].nodes += region.nodes
            } else {
                result.append((region.location, region.virtualMachine.size, region.nodes))
            }
        }
        return result
    }

    /// The nodes (each with a public IP) by location, in declaration order.
    var publicIPsByLocation: [(AzureLocation, [AzureNodePlan])] {
        var result: [(AzureLocation, [AzureNodePlan])] = []
        for region in azure.regions {
            if let index = result.firstIndex(where: { $0.0 == region.location }) {
                result[index].1 += region.nodes
            } else {
                result.append((region.location, region.nodes))
            }
        }
        return result
    }
}
