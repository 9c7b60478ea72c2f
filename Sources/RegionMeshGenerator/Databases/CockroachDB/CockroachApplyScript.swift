import RegionMesh

/// `cockroachdb/apply.sh`: applies each region's cluster folder, one region at a time. Where
/// CockroachDB already runs, a change to the pod template rolls through the region's pods one at a
/// time, and the next region starts only once this one is rolled out and the cluster has no
/// under-replicated ranges: a change that touches every region (a new region's join addresses, an
/// upgrade) never restarts two regions at once. A storage change re-creates the StatefulSet without
/// its pods, because Kubernetes refuses a changed volume claim template, after growing the existing
/// claims where the storage class can.
struct CockroachApplyScript {
    let plan: Plan
    let cockroach: CockroachPlan

    static let path = "cockroachdb/apply.sh"
    /// Seconds a region's rolling restart may take.
    static let rolloutTimeout = 1800
    /// Seconds to wait until no range is under-replicated after a region's restart.
    static let healthTimeout = 1800

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Applies each region's cluster folder (kubectl apply -k), one region at a time. Where CockroachDB",
                "already runs, the next region starts only after this one has rolled out and no range is",
                "under-replicated; a changed storage size re-creates the StatefulSet without its pods.",
            ],
            done: "the cluster folders of \(plan.name) are applied")
        script.environment = [ScriptEnvironment.kubeconfig]
        script.readsTopologyFolder = true
        script.tools = plan.tools(["kubectl"])
        script.helpers = [runningPods, underReplicated, growClaims]
        script.steps = plan.regions.map { region in
            ScriptStep(name: region.key, title: "the cluster folder of \(region.cluster.name), rolled out before the next region", body: apply(region))
        }
        return script
    }

    func kubectl(_ region: RegionPlan, _ words: [ShellWord]) -> ShellCommand {
        ScriptEnvironment.kubectl(region.cluster.contextWord, words).option("--namespace", .literal(region.namespace))
    }

    func apply(_ region: RegionPlan) -> [ScriptStatement] {
        let names = cockroach.names
        let part = cockroach[region]
        let folder = ShellWord.expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.clusterFolder(region.cluster))\"")
        let applyFolder = ScriptStatement.run(ScriptEnvironment.kubectl(region.cluster.contextWord, ["apply"]).option("--kustomize", folder))
        return [
            .shell("local ready template"),
            .capture("ready", placeholder: "", ShellCommand("running_pods", region.cluster.contextWord, .literal(region.namespace))),
            .when("[[ -z \"$ready\" || \"$ready\" == 0 ]]", [
                .comment("No CockroachDB pod is ready here yet (a new region, or before cockroach init): nothing to roll."),
                applyFolder,
                .shell("return 0"),
            ]),
            .capture(
                "template", placeholder: part.storage.text,
                kubectl(region, ["get", "statefulset", .literal(names.statefulSet)])
                    .option("--output", "jsonpath={.spec.volumeClaimTemplates[0].spec.resources.requests.storage}")),
            .when("[[ \"$template\" != \(shellQuote(part.storage.text)) ]]", [
                .shell("info \"the volume claim template of \(names.statefulSet) in \(region.namespace) asks for $template; the plan asks for \(part.storage.text)\""),
                .shell("grow_claims \(region.cluster.context) \(region.namespace) \(shellQuote(part.storage.text))"),
                .comment("A volume claim template cannot change: re-create the StatefulSet, leaving its pods running."),
                .run(kubectl(region, ["delete", "statefulset", .literal(names.statefulSet)]).option("--cascade=orphan")),
            ]),
            applyFolder,
            .run(
                kubectl(region, ["rollout", "status", .literal("statefulset/\(names.statefulSet)")])
                    .option("--timeout", .literal("\(Self.rolloutTimeout)s"))),
            .waitUntil(
                "no range is under-replicated after \(region.key)", timeout: Self.healthTimeout,
                ShellCommand("no_under_replicated_ranges", region.cluster.contextWord, .literal(region.namespace))),
        ]
    }

    var runningPods: ShellFunction {
        ShellFunction(
            name: "running_pods", doc: "Prints how many pods of StatefulSet \(cockroach.names.statefulSet) in context $1, namespace $2 are ready (nothing when it does not exist).",
            body: [
                .shell("kubectl get statefulset \(cockroach.names.statefulSet) --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" --ignore-not-found --output 'jsonpath={.status.readyReplicas}'")
            ])
    }

    var underReplicated: ShellFunction {
        let pod = cockroach.regions[0].podNames[0]
        let sql = "SELECT coalesce(sum((metrics->>'ranges.underreplicated')::DECIMAL), 0)::INT FROM crdb_internal.kv_store_status"
        return ShellFunction(
            name: "no_under_replicated_ranges", doc: "Succeeds when CockroachDB, asked in \(pod) of context $1, namespace $2, counts no under-replicated range.",
            body: [
                .shell("local count"),
                .shell("count=\"$(kubectl exec \(pod) --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" -- /cockroach/cockroach sql --certs-dir \(cockroach.names.certsDirectory) --host \"\(pod).\(cockroach.names.headlessService).$2.svc.\(plan.clusterDomain):\(cockroach.port)\" --format tsv --execute \(shellQuote(sql)) | tail -n 1)\""),
                .shell("[[ \"$count\" == 0 ]]"),
            ])
    }

    var growClaims: ShellFunction {
        let selector = CockroachGenerator.selector(plan).selectorText
        return ShellFunction(
            name: "grow_claims",
            doc: "Grows the volume claims of context $1, namespace $2 to $3 when their storage class allows expansion; stops when it does not, unless it is k3s' local-path class, whose volumes are not limited to their claims' size.",
            body: [
                .shell("local context=\"$1\" namespace=\"$2\" size=\"$3\" claim class provisioner expandable"),
                .shell("local claims"),
                .capture(
                    "claims", placeholder: "",
                    ScriptEnvironment.kubectl(.expansion("\"$context\""), ["get", "pvc"]).option("--namespace", .expansion("\"$namespace\""))
                        .option("--selector", .literal(selector))
                        .option("--output", "jsonpath={range .items[*]}{.metadata.name}={.spec.storageClassName}{\"\\n\"}{end}")),
                .block("while IFS='=' read -r claim class; do", [
                    .shell("[[ -n \"$claim\" ]] || continue"),
                    .shell("provisioner=\"$(kubectl get storageclass \"$class\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --output 'jsonpath={.provisioner}')\""),
                    .shell("expandable=\"$(kubectl get storageclass \"$class\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --output 'jsonpath={.allowVolumeExpansion}')\""),
                    .when("[[ \"$expandable\" == true ]]", [
                        .shell("run kubectl patch pvc \"$claim\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --namespace \"$namespace\" --type merge --patch \"{\\\"spec\\\":{\\\"resources\\\":{\\\"requests\\\":{\\\"storage\\\":\\\"$size\\\"}}}}\""),
                    ], otherwise: [
                        .when("[[ \"$provisioner\" == rancher.io/local-path ]]", [
                            .shell("info \"$claim: storage class $class (local-path) does not limit a volume to its claim; it has its node's data disk\""),
                        ], otherwise: [
                            .shell("die \"$claim: storage class $class does not allow volume expansion, so $size cannot be applied in place; keep the old size, or replace the region's nodes one at a time\""),
                        ]),
                    ]),
                ], end: "done <<<\"$claims\""),
            ])
    }
}
