import RegionMesh

/// `cockroachdb/init.sh`: waits until every CockroachDB pod of every region runs, runs
/// `cockroach init` once in the first pod of the init region (an initialised cluster counts as
/// success), waits until every StatefulSet is ready, and checks that `cockroach node status` counts
/// every pod of every region as live. Pods become ready only after init, so it waits for Running,
/// not Ready, before init.
enum CockroachInitScript {
    /// Seconds to wait for a pod to run (image pull, volume provisioning).
    static let podTimeout = 600
    /// Seconds to keep retrying `cockroach init` (the process may not listen yet).
    static let initTimeout = 300
    /// Seconds `kubectl rollout status` waits for a StatefulSet.
    static let rolloutTimeout = 600
    /// Seconds to wait until every node is live.
    static let liveTimeout = 300
    /// What `cockroach init` prints when the cluster was initialised before.
    static let alreadyInitialised = "cluster has already been initialized"

    static func render(_ plan: Plan) throws -> String {
        let names = plan.cockroach.names
        guard let initRegion = plan.regions.first(where: { $0.key == plan.cockroach.initRegion }),
            let firstPod = initRegion.cockroach.podNames.first, let firstHost = initRegion.cockroach.podHosts.first
        else { throw CockroachScriptError.noInitPod(plan.cockroach.initRegion) }
        let nodeCount = plan.regions.reduce(0) { $0 + $1.cockroach.replicas }

        /// `kubectl exec <first pod> … -- /cockroach/cockroach <words> --certs-dir … --host <first pod>:<port>`,
        /// the cockroach command kept on one line.
        func cockroach(_ words: ShellWord...) -> ShellCommand {
            let certs: [ShellWord] = ["--certs-dir", .literal(names.certsDirectory), "--host", .literal("\(firstHost):\(plan.cockroach.port)")]
            return ScriptEnvironment.kubectl(initRegion.cluster, "exec", .literal(firstPod))
                .option("--namespace", .literal(initRegion.namespace))
                .options("--", ["/cockroach/cockroach"] + words + certs)
        }

        var script = ShellScript()
        ScriptEnvironment.declare([ScriptEnvironment.kubeconfig], in: &script)

        script.function("pod_is_running", doc: "Succeeds when pod $3 in namespace $2 of context $1 is in phase Running.") { s in
            s.line("local phase")
            s.line("phase=\"$(kubectl get pod \"$3\" --namespace \"$2\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --output 'jsonpath={.status.phase}')\"")
            s.line("[[ \"$phase\" == Running ]]")
        }

        script.function("succeeds_or_says", doc: "Runs the command after $1; succeeds when it succeeds or when its output contains $1.") { s in
            s.line("local text=\"$1\" output")
            s.line("shift")
            s.block("if output=\"$(\"$@\" 2>&1)\"; then", "fi") { $0.line("return 0") }
            s.line("[[ \"$output\" == *\"$text\"* ]]")
        }

        script.function(
            "all_nodes_live",
            doc: "Succeeds when `cockroach node status`, run in \(firstPod) of \(initRegion.key), counts $1 live nodes."
        ) { s in
            s.line("local status live")
            let lines = cockroach("node", "status", "--format", "tsv").lines(maxWidth: s.maxWidth - 4)
            for (index, text) in lines.enumerated() {
                let prefix = index == 0 ? "status=\"$(" : ""
                let suffix = index == lines.count - 1 ? ")\"" : ""
                s.line(prefix + text + suffix)
            }
            let awk = "NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"is_live\") column = i; next } column && $column == \"true\" { live++ } END { print live + 0 }"
            s.line("live=\"$(awk -F '\\t' \(shellQuote(awk)) <<<\"$status\")\"")
            s.line("[[ \"$live\" == \"$1\" ]]")
        }

        script.function("wait_for_pods", doc: "Every pod of every region runs (it is not ready before init).") { s in
            s.line("banner 'CockroachDB: wait until every pod runs'")
            for region in plan.regions {
                for pod in region.cockroach.podNames {
                    s.command(
                        ShellCommand(
                            "wait_until", .literal("pod \(pod) of \(region.namespace) in \(region.cluster.name) runs"), .literal("\(podTimeout)"),
                            "pod_is_running", .literal(region.cluster.context), .literal(region.namespace), .literal(pod)))
                }
            }
        }

        script.function("initialise_cluster", doc: "`cockroach init`, once; retried until the node listens, and done when already initialised.") { s in
            s.line("banner \(shellQuote("CockroachDB: cockroach init in \(firstPod) of \(initRegion.key)"))")
            s.command(
                cockroach("init").prefixed(
                    "wait_until", .literal("cockroach init has run in \(firstPod) of \(initRegion.key)"), .literal("\(initTimeout)"),
                    "succeeds_or_says", .literal(alreadyInitialised)))
        }

        script.function("wait_for_statefulsets", doc: "Every region's StatefulSet is rolled out and its pods are ready.") { s in
            s.line("banner 'CockroachDB: wait until every StatefulSet is ready'")
            for region in plan.regions {
                s.run(
                    ScriptEnvironment.kubectl(region.cluster, "rollout", "status", .literal("statefulset/\(names.statefulSet)"))
                        .option("--namespace", .literal(region.namespace))
                        .option("--timeout", .literal("\(rolloutTimeout)s")))
            }
        }

        script.function("verify_nodes", doc: "`cockroach node status` counts every pod of every region as a live node.") { s in
            s.line("banner \(shellQuote("CockroachDB: all \(nodeCount) nodes are live"))")
            s.line("wait_until \(shellQuote("all \(nodeCount) CockroachDB nodes are live")) \(liveTimeout) all_nodes_live \(nodeCount)")
            s.run(cockroach("node", "status"))
        }

        script.function("main", doc: "Waits, initialises once, waits again, verifies.") { s in
            s.requireTools([.kubectl])
            for step in ["wait_for_pods", "initialise_cluster", "wait_for_statefulsets", "verify_nodes"] { s.line(step) }
            s.line("info \(shellQuote("CockroachDB of \(plan.name) is initialised: \(nodeCount) live nodes in \(plan.regions.count) regions"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Initialises the CockroachDB cluster once, in \(firstPod) of region \(initRegion.key), after every pod of",
                "every region runs; then waits until every StatefulSet is ready and \(nodeCount) nodes are live.",
                "Run it after certs.sh and after applying the cluster folders. Safe to run again: an initialised",
                "cluster is left as it is. DRY_RUN=1 prints the commands instead.",
            ],
            body: script)
    }
}

/// A Plan the CockroachDB scripts cannot be written for.
enum CockroachScriptError: Error, CustomStringConvertible {
    case noInitPod(String)

    var description: String {
        switch self {
        case .noInitPod(let region): "the init region '\(region)' is not a region of the plan or has no CockroachDB pod"
        }
    }
}
