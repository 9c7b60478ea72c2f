import RegionMesh

/// `azure/teardown.sh`: deletes the topology's resource group, and nothing else. It refuses a group
/// that lacks the topology's tag (a same-named group RegionMesh did not create).
enum AzureTeardownScript {
    static func render(_ plan: Plan) throws -> String {
        let group = plan.azure.resourceGroup
        let nodes = plan.regions.reduce(0) { $0 + $1.nodes.count }
        var script = ShellScript()
        script.function("main", doc: "Deletes the resource group after a confirmation; --yes (or YES=1) skips the question.") { s in
            s.block("for argument in \"$@\"; do", "done") {
                $0.block("case \"$argument\" in", "esac") {
                    $0.line("--yes | -y) YES=1 ;;")
                    $0.line("*) die \"unknown argument $argument (expected --yes)\" ;;")
                }
            }
            s.line("banner \(shellQuote("Azure: delete resource group \(group)"))")
            s.block("if ! exists az group show --name \(shellQuote(group)); then", "fi") {
                $0.line("info \(shellQuote("resource group \(group) does not exist; nothing to delete"))")
                $0.line("return 0")
            }
            let query = "tags.\"\(AzureEmitter.topologyTag)\""
            s.line("local tag")
            s.line("tag=\"$(capture \(shellQuote(plan.name)) az group show --name \(shellQuote(group)) --query \(shellQuote(query)) --output tsv)\"")
            s.block("if [[ \"$tag\" != \(shellQuote(plan.name)) ]]; then", "fi") {
                $0.line("die \(shellQuote("resource group \(group) is not tagged \(AzureEmitter.topologyTag)=\(plan.name); RegionMesh did not create it and will not delete it"))")
            }
            s.line("confirm \(shellQuote("Delete resource group \(group) with its \(nodes) VMs, disks, NICs, public IPs, NSGs and \(plan.regions.count) VNets?")) || die 'not confirmed; nothing was deleted'")
            s.run(ShellCommand("az", "group", "delete").option("--name", .literal(group)).option("--yes"))
            s.line("info \(shellQuote("resource group \(group) deleted"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Deletes resource group \(group) and everything in it, after asking (--yes skips the question).",
                "It deletes nothing else. DRY_RUN=1 prints the commands instead.",
            ],
            body: script)
    }
}
