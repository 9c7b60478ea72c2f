import RegionMesh

/// `cockroachdb/init.sh`: waits until every CockroachDB pod of every region runs, runs
/// `cockroach init` once in the first pod of the init region (an initialised cluster counts as
/// success), waits until every StatefulSet is ready, and checks that `cockroach node status` counts
/// every pod of every region as live. Pods become ready only after init, so it waits for Running,
/// not Ready, before init.
struct CockroachInitScript {
    let plan: Plan
    let cockroach: CockroachPlan

    static let path = "cockroachdb/init.sh"
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

    /// The region whose first pod runs `cockroach init`.
    var initRegion: RegionPlan { plan.region(cockroach.initRegion) ?? plan.regions[0] }
    /// The number of CockroachDB nodes of every region together.
    var nodeCount: Int { cockroach.regions.reduce(0) { $0 + $1.replicas } }

    /// `kubectl exec <first pod> … -- /cockroach/cockroach <words> --certs-dir … --host <first pod>:<port>`;
    /// `stdin` passes the script's standard input on (`kubectl exec -i`).
    func cockroachCommand(_ words: ShellWord..., stdin: Bool = false) -> ShellCommand {
        let part = cockroach[initRegion]
        let flags: [ShellWord] = ["--certs-dir", .literal(cockroach.names.certsDirectory), "--host", .literal("\(part.podHosts[0]):\(cockroach.port)")]
        return ScriptEnvironment.kubectl(initRegion.cluster.contextWord, ["exec"] + (stdin ? ["-i"] : []) + [.literal(part.podNames[0])])
            .option("--namespace", .literal(initRegion.namespace))
            .options("--", ["/cockroach/cockroach"] + words + flags)
    }

    /// The license key, its file, and the organization it is issued to: read from the environment,
    /// never written to `out/`, a log or a printed command.
    static let license = ScriptEnvironment.Variable(
        name: "COCKROACH_LICENSE", doc: "The CockroachDB license key (or set COCKROACH_LICENSE_FILE); never logged.", defaultValue: "",
        isSecret: true)
    static let licenseFile = ScriptEnvironment.Variable(
        name: "COCKROACH_LICENSE_FILE", doc: "A file that holds the CockroachDB license key.", defaultValue: "")
    static let organization = ScriptEnvironment.Variable(
        name: "COCKROACH_ORGANIZATION", doc: "The organization the CockroachDB license is issued to, exactly as on the license.",
        defaultValue: "")

    /// Sets `cluster.organization` and `enterprise.license` once init has run; setting them again
    /// changes nothing. The SQL reaches the pod on standard input: the key is in no argument.
    var licenseStep: ScriptStep {
        ScriptStep(name: "license", title: "the CockroachDB license and organization, when given (never logged)", body: [
            .when("[[ -z \"$COCKROACH_LICENSE\" && -z \"$COCKROACH_LICENSE_FILE\" ]]", [
                .info("no CockroachDB license given: the cluster is throttled after its 7-day grace period (set COCKROACH_LICENSE or COCKROACH_LICENSE_FILE, and COCKROACH_ORGANIZATION, then run: \(Self.path) --only license)"),
                .shell("return 0"),
            ]),
            .pipeline(ShellCommand("license_sql"), into: cockroachCommand("sql", stdin: true)),
            .info("cluster.organization and enterprise.license are set"),
        ])
    }

    var script: Script {
        let firstPod = cockroach[initRegion].podNames[0]
        var script = Script(
            path: Self.path,
            purpose: [
                "Initialises the CockroachDB cluster once, in \(firstPod) of region \(initRegion.key), after every pod of",
                "every region runs; then waits until every StatefulSet is ready and \(nodeCount) nodes are live.",
                "Run it after certs.sh and after applying the cluster folders. Safe to run again: an initialised",
                "cluster is left as it is.",
            ],
            done: "CockroachDB of \(plan.name) is initialised: \(nodeCount) live nodes in \(plan.regions.count) regions")
        script.environment = [ScriptEnvironment.kubeconfig, Self.license, Self.licenseFile, Self.organization]
        script.tools = plan.tools(["kubectl"])
        let awk = "NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"is_live\") column = i; next } column && $column == \"true\" { live++ } END { print live + 0 }"
        script.helpers = [
            ShellFunction(name: "pod_is_running", doc: "Succeeds when pod $3 in namespace $2 of context $1 is in phase Running.", body: [
                .capture(
                    "phase", placeholder: "Running",
                    ScriptEnvironment.kubectl(.expansion("\"$1\""), ["get", "pod", .expansion("\"$3\"")])
                        .option("--namespace", .expansion("\"$2\"")).option("--output", "jsonpath={.status.phase}")),
                .shell("[[ \"$phase\" == Running ]]"),
            ]),
            ShellFunction(name: "succeeds_or_says", doc: "Runs the command after $1; succeeds when it succeeds or when its output contains $1.", body: [
                .shell("local text=\"$1\" output"),
                .shell("shift"),
                .when("output=\"$(\"$@\" 2>&1)\"", [.shell("return 0")]),
                .shell("[[ \"$output\" == *\"$text\"* ]]"),
            ]),
            ShellFunction(
                name: "all_nodes_live", doc: "Succeeds when `cockroach node status`, run in \(firstPod) of \(initRegion.key), counts $1 live nodes.",
                body: [
                    .capture("status", placeholder: "", cockroachCommand("node", "status", "--format", "tsv")),
                    .shell("local live"),
                    .shell("live=\"$(awk -F '\\t' \(shellQuote(awk)) <<<\"$status\")\""),
                    .shell("[[ \"$live\" == \"$1\" ]]"),
                ]),
        ]
        script.helpers.append(
            ShellFunction(
                name: "license_sql", doc: "Prints the SQL that sets the organization and the license, each quoted for SQL (never logged).",
                body: [
                    .shell("local license=\"$COCKROACH_LICENSE\""),
                    .when("[[ -z \"$license\" ]]", [.shell("license=\"$(<\"$COCKROACH_LICENSE_FILE\")\"")]),
                    .shell("license=\"${license//[[:space:]]/}\""),
                    .shell("printf \"SET CLUSTER SETTING cluster.organization = '%s';\\nSET CLUSTER SETTING enterprise.license = '%s';\\n\" \"${COCKROACH_ORGANIZATION//\\'/\\'\\'}\" \"${license//\\'/\\'\\'}\""),
                ]))
        script.steps = [waitForPods, initialise, licenseStep, waitForStatefulSets, verify]
        return script
    }

    var waitForPods: ScriptStep {
        ScriptStep(name: "pods", title: "every pod of every region runs (it is not ready before init)", body: plan.regions.flatMap { region in
            cockroach[region].podNames.map { pod in
                .waitUntil(
                    "pod \(pod) of \(region.namespace) in \(region.cluster.name) runs", timeout: Self.podTimeout,
                    ShellCommand("pod_is_running", region.cluster.contextWord, .literal(region.namespace), .literal(pod)))
            }
        })
    }

    var initialise: ScriptStep {
        let firstPod = cockroach[initRegion].podNames[0]
        return ScriptStep(name: "init", title: "cockroach init in \(firstPod) of \(initRegion.key), once; done when already initialised", body: [
            .waitUntil(
                "cockroach init has run in \(firstPod) of \(initRegion.key)", timeout: Self.initTimeout,
                cockroachCommand("init").prefixed("succeeds_or_says", .literal(Self.alreadyInitialised)))
        ])
    }

    var waitForStatefulSets: ScriptStep {
        ScriptStep(name: "statefulsets", title: "every region's StatefulSet is rolled out and its pods are ready", body: plan.regions.map { region in
            .run(
                ScriptEnvironment.kubectl(region.cluster.contextWord, ["rollout", "status", .literal("statefulset/\(cockroach.names.statefulSet)")])
                    .option("--namespace", .literal(region.namespace))
                    .option("--timeout", .literal("\(Self.rolloutTimeout)s")))
        })
    }

    var verify: ScriptStep {
        ScriptStep(name: "verify", title: "cockroach node status counts every pod of every region as a live node", body: [
            .waitUntil("all \(nodeCount) CockroachDB nodes are live", timeout: Self.liveTimeout, ShellCommand("all_nodes_live", .literal("\(nodeCount)"))),
            .run(cockroachCommand("node", "status")),
        ])
    }
}
