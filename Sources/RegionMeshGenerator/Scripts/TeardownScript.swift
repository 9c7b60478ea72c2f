import RegionMesh

/// `teardown.sh`: undoes `setup.sh`. Deletes the topology's resource group (through
/// `azure/teardown.sh`, which refuses a group RegionMesh did not create), removes the kube
/// contexts `setup.sh` added, and keeps the local secrets unless asked. Safe to run twice.
enum TeardownScript {
    static func render(_ plan: Plan) throws -> String {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        let contexts = plan.regions.map(\.cluster.context)
        let nodes = plan.regions.reduce(0) { $0 + $1.nodes.count }
        var script = ShellScript()
        ScriptEnvironment.declareTopologyDirectory(depth: 0, in: &script)
        ScriptEnvironment.declare([ScriptEnvironment.kubeconfig, secrets], in: &script)
        script.line("export DRY_RUN")
        script.comment("The kube contexts setup.sh added (k3sup names the cluster and user entries the same).")
        script.line("CONTEXTS=(\(contexts.map(shellQuote).joined(separator: " ")))")

        script.function("usage", doc: "Prints how to call this script.") { s in
            var text: [String] = []
            text.append("Usage: teardown.sh [--yes] [--delete-secrets] [--dry-run]")
            text.append("")
            text.append("Deletes topology \(plan.name): Azure resource group \(plan.azure.resourceGroup) and everything in it,")
            text.append("and the kube contexts \(contexts.joined(separator: ", ")). Local secrets are kept unless you say so.")
            text.append("")
            text.append("  --yes             do not ask for confirmation (the secrets are still kept)")
            text.append("  --delete-secrets  also delete the local secrets folder (CA keys, certificates, logs stay otherwise)")
            text.append("  --dry-run         print every command and run none (same as DRY_RUN=1)")
            s.hereDocument(text, delimiter: "USAGE")
        }

        script.function("remove_contexts", doc: "Removes each kube context, cluster and user entry that setup.sh added, if present.") { s in
            s.line("local context")
            s.block("for context in \"${CONTEXTS[@]}\"; do", "done") {
                $0.block("if exists kubectl config get-contexts \"$context\" --kubeconfig \"$KUBECONFIG_FILE\"; then", "else") {
                    $0.line("run kubectl config delete-context \"$context\" --kubeconfig \"$KUBECONFIG_FILE\"")
                    $0.line("run kubectl config delete-cluster \"$context\" --kubeconfig \"$KUBECONFIG_FILE\" || true")
                    $0.line("run kubectl config delete-user \"$context\" --kubeconfig \"$KUBECONFIG_FILE\" || true")
                }
                $0.indented { $0.line("info \"kube context $context is not in $KUBECONFIG_FILE\"") }
                $0.line("fi")
            }
        }

        script.function("remove_secrets", doc: "Deletes the local secrets folder when asked to; keeps it by default.") { s in
            s.line("local delete=\"$1\" answer")
            s.block("if [[ ! -d \"$REGIONMESH_SECRETS_DIR\" ]]; then", "fi") {
                $0.line("info \"no local secrets at $REGIONMESH_SECRETS_DIR\"")
                $0.line("return 0")
            }
            s.block("if [[ \"$delete\" != 1 && \"${YES:-0}\" != 1 && \"$DRY_RUN\" != 1 && -t 0 ]]; then", "fi") {
                $0.line("read -r -p \"Also delete the local secrets in $REGIONMESH_SECRETS_DIR (CA keys, certificates)? [y/N] \" answer")
                $0.line("[[ \"$answer\" == [yY] || \"$answer\" == [yY][eE][sS] ]] && delete=1")
            }
            s.block("if [[ \"$delete\" == 1 ]]; then", "else") {
                $0.line("run rm -rf -- \"$REGIONMESH_SECRETS_DIR\"")
            }
            s.indented { $0.line("info \"kept the local secrets in $REGIONMESH_SECRETS_DIR\"") }
            s.line("fi")
        }

        script.function("main", doc: "Shows what will be deleted, asks, then deletes it.") { s in
            s.line("local delete_secrets=0")
            s.block("while (($# > 0)); do", "done") {
                $0.block("case \"$1\" in", "esac") {
                    $0.line("--yes | -y) YES=1 ;;")
                    $0.line("--delete-secrets) delete_secrets=1 ;;")
                    $0.line("--dry-run) DRY_RUN=1 ;;")
                    $0.line("-h | --help) usage; return 0 ;;")
                    $0.line("*) usage >&2; die \"unknown argument $1\" ;;")
                }
                $0.line("shift")
            }
            s.line("banner \(shellQuote("Teardown of \(plan.name)"))")
            s.line("info \(shellQuote("This deletes Azure resource group \(plan.azure.resourceGroup) with its \(nodes) VMs, disks, NICs, public IPs, NSGs and \(plan.regions.count) VNets,"))")
            s.line("info \"and the kube contexts ${CONTEXTS[*]} in $KUBECONFIG_FILE.\"")
            s.line("confirm \(shellQuote("Tear down \(plan.name)?")) || die 'not confirmed; nothing was deleted'")
            s.line("YES=1 \"$TOPOLOGY_DIR/\(ArtifactPaths.azureTeardown)\"")
            s.line("banner 'Kube contexts'")
            s.line("remove_contexts")
            s.line("banner 'Local secrets'")
            s.line("remove_secrets \"$delete_secrets\"")
            s.line("info \(shellQuote("\(plan.name) is torn down"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Tears down \(plan.name): deletes resource group \(plan.azure.resourceGroup) (and nothing outside it) and the",
                "kube contexts setup.sh added; keeps the local secrets unless --delete-secrets. Asks first (--yes skips).",
                "Safe to run twice. DRY_RUN=1 or --dry-run prints every command and runs none.",
            ],
            body: script)
    }
}
