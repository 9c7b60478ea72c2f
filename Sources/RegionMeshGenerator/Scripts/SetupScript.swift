import RegionMesh

/// `setup.sh`: the whole deployment, in order, for a person at a terminal. Each step runs one of
/// the other generated scripts (or applies a cluster folder); every step is idempotent, so running
/// the script again after a failure finishes the job.
enum SetupScript {
    static func render(_ plan: Plan) throws -> String {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = ShellScript()
        ScriptEnvironment.declareTopologyDirectory(depth: 0, in: &script)
        ScriptEnvironment.declare([ScriptEnvironment.sshPublicKey, ScriptEnvironment.sshPrivateKey, ScriptEnvironment.kubeconfig, secrets], in: &script)
        script.comment("Where run logs are written: next to the secrets folder.")
        script.line("REGIONMESH_LOG_DIR=\"${REGIONMESH_LOG_DIR:-$REGIONMESH_SECRETS_DIR-logs}\"")
        script.line("export DRY_RUN WAIT_INTERVAL SSH_PUBLIC_KEY_FILE SSH_PRIVATE_KEY_FILE KUBECONFIG_FILE REGIONMESH_SECRETS_DIR")
        script.comment("The steps, in order.")
        script.line("STEPS=(\(SetupStep.allCases.map(\.rawValue).joined(separator: " ")))")

        script.function("usage", doc: "Prints how to call this script.") { s in
            var text: [String] = []
            text.append("Usage: setup.sh [--from STEP | --only STEP] [--dry-run]")
            text.append("")
            text.append("Stands up topology \(plan.name). Steps, in order:")
            for (index, step) in SetupStep.allCases.enumerated() {
                text.append("  \(index + 1). \(step.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(step.title)")
            }
            text.append("")
            text.append("  --from STEP   start at STEP (after a failure, or to redo the later steps)")
            text.append("  --only STEP   run only STEP")
            text.append("  --dry-run     print every command in order and run none (same as DRY_RUN=1)")
            text.append("Every step is safe to run again. A preflight check runs first and creates nothing.")
            s.hereDocument(text, delimiter: "USAGE")
        }

        script.function("preflight", doc: "Checks tools, the Azure login and the SSH keys; names everything missing and creates nothing.") { s in
            s.line("banner 'Preflight: tools, Azure login, SSH keys'")
            s.line("local problems=() tool")
            for tool in Tool.required {
                s.line("command -v \(tool.rawValue) >/dev/null 2>&1 || problems+=(\(shellQuote("\(tool.rawValue) is not installed; \(tool.hint)")))")
            }
            s.line("command -v cilium >/dev/null 2>&1 || info \(shellQuote("cilium is not installed; \(Tool.cilium.hint)"))")
            s.block("if [[ \"$DRY_RUN\" == 1 ]]; then", "fi") {
                $0.block("for tool in \"${problems[@]}\"; do", "done") { $0.line("info \"(dry run) $tool\"") }
                $0.line("info '(dry run) skipping the Azure login and SSH key checks'")
                $0.line("return 0")
            }
            s.line("[[ -f \"$SSH_PUBLIC_KEY_FILE\" ]] || problems+=(\"SSH public key $SSH_PUBLIC_KEY_FILE not found; create a key pair with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE\")")
            s.line("[[ -f \"$SSH_PRIVATE_KEY_FILE\" ]] || problems+=(\"SSH private key $SSH_PRIVATE_KEY_FILE not found; set SSH_PRIVATE_KEY_FILE to the key matching $SSH_PUBLIC_KEY_FILE\")")
            s.block("if command -v az >/dev/null 2>&1 && ! az account show >/dev/null 2>&1; then", "fi") {
                $0.line("problems+=('the Azure CLI is not logged in; run az login (and az account set --subscription ... if you have several)')")
            }
            s.block("if ((${#problems[@]} > 0)); then", "fi") {
                $0.block("for tool in \"${problems[@]}\"; do", "done") { $0.line("printf 'error: %s\\n' \"$tool\" >&2") }
                $0.line("die 'preflight failed; nothing was created'")
            }
            s.line("info 'all tools present, Azure CLI logged in, SSH keys found'")
        }

        script.function("step_azure", doc: SetupStep.azure.title) { s in
            s.line("\"$TOPOLOGY_DIR/\(ArtifactPaths.azureInfrastructure)\"")
        }
        script.function("step_k3s", doc: SetupStep.k3s.title) { s in
            s.line("\"$TOPOLOGY_DIR/\(ArtifactPaths.k3sInstall)\"")
        }
        script.function("step_cilium", doc: SetupStep.cilium.title) { s in
            s.line("\"$TOPOLOGY_DIR/\(ArtifactPaths.ciliumInstall)\"")
        }
        script.function("step_dns", doc: "\(SetupStep.dns.title); CoreDNS restarts to read them.") { s in
            for region in plan.regions {
                let cluster = region.cluster
                s.run(ScriptEnvironment.kubectl(cluster, "apply").option("--filename", .expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.dnsFolder(cluster))\"")))
                s.run(ScriptEnvironment.kubectl(cluster, "rollout", "restart", "deployment/coredns").option("--namespace", "kube-system"))
            }
            for region in plan.regions {
                s.waitUntil(
                    "CoreDNS of \(region.cluster.name) has restarted", timeout: 300,
                    ScriptEnvironment.kubectl(region.cluster, "rollout", "status", "deployment/coredns").option("--namespace", "kube-system").option("--timeout=20s"))
            }
        }
        script.function("step_certificates", doc: SetupStep.certificates.title) { s in
            s.line("\"$TOPOLOGY_DIR/\(ArtifactPaths.cockroachCertificates)\"")
        }
        script.function("step_cockroachdb", doc: SetupStep.cockroachdb.title) { s in
            for region in plan.regions {
                s.run(ScriptEnvironment.kubectl(region.cluster, "apply").option("--kustomize", .expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.clusterFolder(region.cluster))\"")))
            }
        }
        script.function("step_init", doc: SetupStep.initialize.title) { s in
            s.line("\"$TOPOLOGY_DIR/\(ArtifactPaths.cockroachInit)\"")
        }
        script.function("step_verify", doc: "\(SetupStep.verify.title); then how to connect.") { s in
            for region in plan.regions {
                s.waitUntil(
                    "all \(region.cockroach.replicas) CockroachDB pods of \(region.key) are ready", timeout: 900,
                    ScriptEnvironment.kubectl(region.cluster, "rollout", "status", .literal("statefulset/\(plan.cockroach.names.statefulSet)")).option("--namespace", .literal(region.namespace)).option("--timeout=20s"))
            }
            let first = plan.regions[0]
            s.line("info 'CockroachDB is up. To connect from this machine:'")
            let forward = ScriptEnvironment.kubectl(first.cluster, "port-forward", .literal("service/\(plan.cockroach.names.publicService)"), .literal("\(plan.cockroach.port)"), .literal("\(plan.cockroach.httpPort)"))
                .option("--namespace", .literal(first.namespace))
            s.line("info \"  \(forward.groups.flatMap { $0 }.map(\.rendered).joined(separator: " ").replacingOccurrences(of: "\"", with: "\\\""))\"")
            s.line("info \"  cockroach sql --certs-dir \\\"$REGIONMESH_SECRETS_DIR/\(ScriptEnvironment.cockroachCertsFolder)\\\" --host localhost:\(plan.cockroach.port)\"")
            s.line("info '  DB Console: https://localhost:\(plan.cockroach.httpPort)'")
        }

        script.function("main", doc: "Parses the options, runs the preflight, then the selected steps with a banner and the time each took.") { s in
            s.line("local from='' only='' step index=0 started total_started=\"$SECONDS\"")
            s.block("while (($# > 0)); do", "done") {
                $0.block("case \"$1\" in", "esac") {
                    $0.line("--from) from=\"${2:-}\"; shift 2 || die '--from needs a step name' ;;")
                    $0.line("--only) only=\"${2:-}\"; shift 2 || die '--only needs a step name' ;;")
                    $0.line("--dry-run) DRY_RUN=1; shift ;;")
                    $0.line("-h | --help) usage; return 0 ;;")
                    $0.line("*) usage >&2; die \"unknown argument $1\" ;;")
                }
            }
            s.block("for step in \"$from\" \"$only\"; do", "done") {
                $0.block("if [[ -n \"$step\" && \" ${STEPS[*]} \" != *\" $step \"* ]]; then", "fi") {
                    $0.line("die \"unknown step $step; the steps are: ${STEPS[*]}\"")
                }
            }
            s.block("if [[ \"$DRY_RUN\" != 1 ]]; then", "fi") {
                $0.line("mkdir -p \"$REGIONMESH_LOG_DIR\"")
                $0.line("local log")
                $0.line("log=\"$REGIONMESH_LOG_DIR/setup-$(date -u +%Y%m%dT%H%M%SZ).log\"")
                $0.line("exec > >(tee -a \"$log\") 2> >(tee -a \"$log\" >&2)")
                $0.line("info \"logging this run to $log\"")
            }
            s.line("preflight")
            s.block("for step in \"${STEPS[@]}\"; do", "done") {
                $0.line("index=$((index + 1))")
                $0.line("[[ -n \"$only\" && \"$step\" != \"$only\" ]] && continue")
                $0.block("if [[ -n \"$from\" ]]; then", "fi") {
                    $0.line("[[ \"$step\" != \"$from\" ]] && continue")
                    $0.line("from=''")
                }
                $0.line("banner \"Step $index/${#STEPS[@]}: $step\"")
                $0.line("started=\"$SECONDS\"")
                $0.line("\"step_$step\"")
                $0.line("info \"step $step took $((SECONDS - started))s\"")
            }
            s.line("info \"done in $((SECONDS - total_started))s\"")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Stands up \(plan.name) from nothing: \(SetupStep.allCases.map(\.rawValue).joined(separator: " → ")).",
                "Run ./setup.sh --help for the options. Every step is idempotent: after a failure, run it again",
                "(or resume with --from STEP). DRY_RUN=1 or --dry-run prints every command and runs none.",
            ],
            body: script)
    }
}
