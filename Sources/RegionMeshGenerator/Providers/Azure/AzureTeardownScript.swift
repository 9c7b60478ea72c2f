import RegionMesh

/// `azure/teardown.sh`: deletes the topology's resource group, and nothing else. It refuses a group
/// that lacks the topology's tag (a same-named group RegionMesh did not create).
struct AzureTeardownScript {
    let plan: Plan
    let azure: AzurePlan

    static let path = "azure/teardown.sh"

    var script: Script {
        let group = azure.resourceGroup
        let tag = azure.ownerTag
        var script = Script(
            path: Self.path,
            purpose: [
                "Deletes resource group \(group) and everything in it, after asking (--yes skips the question).",
                "It deletes nothing else.",
            ],
            done: "resource group \(group) is gone")
        script.tools = plan.tools(["az"])
        script.steps = [
            ScriptStep(name: "resource-group", title: "delete resource group \(group)", body: [
                .ensureAbsent(
                    "resource group \(group)",
                    lookup: ShellCommand("az", "group", "show").option("--name", .literal(group)),
                    delete: [
                        .capture(
                            "tag", placeholder: tag.value,
                            ShellCommand("az", "group", "show").option("--name", .literal(group))
                                .option("--query", .literal("tags.\"\(tag.name)\"")).option("--output", "tsv")),
                        .when("[[ \"$tag\" != \(shellQuote(tag.value)) ]]", [
                            .shell("die \(shellQuote("resource group \(group) is not tagged \(tag.assignment); RegionMesh did not create it and will not delete it"))")
                        ]),
                        .shell(
                            "confirm \(shellQuote("Delete resource group \(group) with its \(plan.nodeCount) VMs, disks, NICs, public IPs, NSGs and \(plan.regions.count) VNets?")) || die 'not confirmed; nothing was deleted'"),
                        .run(ShellCommand("az", "group", "delete").option("--name", .literal(group)).option("--yes")),
                    ])
            ])
        ]
        return script
    }
}
