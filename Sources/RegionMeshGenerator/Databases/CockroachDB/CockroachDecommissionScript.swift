import RegionMesh

/// `cockroachdb/decommission.sh`: before anything else changes, takes out of the database every
/// CockroachDB node the plan no longer has, so that no machine is deleted with replicas on it.
///
/// It asks the running cluster rather than an earlier plan: a node whose address is not a pod of
/// the plan (a removed region, a pod a shrinking StatefulSet drops) is decommissioned, and a pod of
/// the plan that runs on a machine the plan removes is decommissioned and started again on a
/// machine that stays. So it converges from any state: a change never applied, two changes applied
/// at once, a run that stopped halfway. `cockroach node decommission` refuses on its own when the
/// other nodes cannot take the replicas (its pre-flight checks, CockroachDB v23.1 and later); the
/// script refuses first when a database still places data in a region that goes, or survives region
/// failure with fewer than three regions left.
struct CockroachDecommissionScript {
    let plan: Plan
    let cockroach: CockroachPlan

    static let path = "cockroachdb/decommission.sh"
    /// Seconds to wait until a moved pod runs again and is ready (a new node's first replicas).
    static let moveTimeout = 1800
    /// Seconds to wait until a pod a shrinking StatefulSet drops has stopped.
    static let stopTimeout = 300

    var selector: String {
        CockroachGenerator.selector(plan).selectorText
    }

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Decommissions every CockroachDB node the plan no longer has (removed regions, pods a StatefulSet",
                "drops, pods on machines the plan removes), waiting until their replicas have moved, before",
                "setup.sh changes anything else. Asks the running cluster, so it converges from any earlier state;",
                "on a first apply, with no cluster yet, it does nothing.",
            ],
            done: "every CockroachDB node of \(plan.name) is a pod of the plan")
        script.environment = [ScriptEnvironment.kubeconfig]
        script.tools = plan.tools(["kubectl"])
        let names = cockroach.names
        script.constants = [
            ScriptConstant(
                name: "PLANNED_HOSTS", value: "(" + cockroach.regions.flatMap(\.podHosts).joined(separator: " ") + ")",
                doc: "The address of every CockroachDB pod of the plan."),
            ScriptConstant(
                name: "PLANNED_REGIONS", value: "(" + cockroach.regions.map(\.localityRegion).uniqued().joined(separator: " ") + ")",
                doc: "The regions of the plan, as CockroachDB's localities name them."),
            ScriptConstant(
                name: "SQL_PODS", value: "(" + plan.regions.map { "\($0.cluster.context)/\($0.namespace)" }.joined(separator: " ") + ")",
                doc: "Where cockroach commands can run: each region's context and namespace, whose first pod is \(cockroach.regions[0].podNames[0])."),
        ]
        script.helpers = [findSQLPod, cockroachCLI, nodeTable, plannedHost, checkRegions, podGone, shrinkHelper, podReadyElsewhere, moveHelper]
        script.steps = [
            ScriptStep(name: "decommission", title: "decommission the CockroachDB nodes whose pods the plan no longer has", body: decommission),
            ScriptStep(
                name: "shrink", title: "scale each region's \(names.statefulSet) StatefulSet down to the plan; delete the volume claims of the pods it drops",
                body: plan.regions.map { region in
                    .shell("shrink_statefulset \(region.cluster.context) \(region.namespace) \(cockroach[region].replicas)")
                }),
            ScriptStep(
                name: "move", title: "start the pods on machines the plan removes again on machines it keeps, one at a time",
                body: plan.regions.map { region in
                    .shell("move_off_removed_nodes \(region.cluster.context) \(region.namespace) \(shellQuote(region.nodes.map(\.name).joined(separator: " ")))")
                }),
        ]
        return script
    }

    var decommission: [ScriptStatement] {
        [
            .when("[[ \"$DRY_RUN\" == 1 ]]", [
                .info("(dry run) would ask the cluster for nodes whose pods the plan no longer has and run: cockroach node decommission <their ids> --wait=all"),
                .shell("return 0"),
            ]),
            .when("! find_sql_pod", [
                .info("no CockroachDB pod is ready in a region of the plan (a first apply): nothing to decommission"),
                .shell("return 0"),
            ]),
            .shell("local table id host membership region ids=() hosts=() regions=()"),
            .shell("table=\"$(node_table)\""),
            .block("while read -r id host membership region; do", [
                .shell("[[ -n \"$id\" && \"$membership\" != decommissioned ]] || continue"),
                .shell("planned_host \"$host\" && continue"),
                .shell("ids+=(\"$id\")"),
                .shell("hosts+=(\"$host\")"),
                .when("[[ \" ${PLANNED_REGIONS[*]} ${regions[*]} \" != *\" $region \"* ]]", [.shell("regions+=(\"$region\")")]),
            ], end: "done <<<\"$table\""),
            .when("((${#ids[@]} == 0))", [
                .info("every CockroachDB node is a pod of the plan: nothing to decommission"),
                .shell("return 0"),
            ]),
            .shell("check_regions \"${regions[@]}\""),
            .shell("info \"CockroachDB nodes the plan no longer has: ${hosts[*]} (node ids ${ids[*]})\""),
            .shell("confirm \"Decommission them? Their replicas move to the other nodes first, which can take a while\" || die \"not confirmed; nothing was decommissioned\""),
            .run(ShellCommand("cockroach_cli", "node", "decommission", .expansion("\"${ids[@]}\""), "--wait=all")),
            .shell("info \"decommissioned node ids ${ids[*]}: their replicas are on the other nodes\""),
        ]
    }

    var findSQLPod: ShellFunction {
        let pod = cockroach.regions[0].podNames[0]
        return ShellFunction(
            name: "find_sql_pod", doc: "Sets SQL_CONTEXT and SQL_NAMESPACE to the first region of SQL_PODS whose \(pod) is ready; fails when none is.",
            body: [
                .shell("local entry ready"),
                .block("for entry in \"${SQL_PODS[@]}\"; do", [
                    .shell("ready=\"$(kubectl get pod \(pod) --kubeconfig \"$KUBECONFIG_FILE\" --context \"${entry%%/*}\" --namespace \"${entry#*/}\" --request-timeout 10s --output 'jsonpath={.status.containerStatuses[0].ready}' 2>/dev/null || true)\""),
                    .when("[[ \"$ready\" == true ]]", [
                        .shell("SQL_CONTEXT=\"${entry%%/*}\""),
                        .shell("SQL_NAMESPACE=\"${entry#*/}\""),
                        .shell("return 0"),
                    ]),
                ], end: "done"),
                .shell("return 1"),
            ])
    }

    var cockroachCLI: ShellFunction {
        let pod = cockroach.regions[0].podNames[0]
        return ShellFunction(
            name: "cockroach_cli", doc: "Runs cockroach with the arguments in \(pod) of the region find_sql_pod found.",
            body: [
                .shell("kubectl exec \(pod) --kubeconfig \"$KUBECONFIG_FILE\" --context \"$SQL_CONTEXT\" --namespace \"$SQL_NAMESPACE\" -- /cockroach/cockroach \"$@\" --certs-dir \(cockroach.names.certsDirectory) --host \"\(pod).\(cockroach.names.headlessService).$SQL_NAMESPACE.svc.\(plan.clusterDomain):\(cockroach.port)\""),
            ])
    }

    var nodeTable: ShellFunction {
        let awk = """
            NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next } \
            { address = $column["address"]; sub(/:[0-9]+$/, "", address); region = $column["locality"]; \
            if (!sub(/^(.*,)?region=/, "", region)) region = "-"; sub(/,.*$/, "", region); \
            print $column["id"], address, $column["membership"], region }
            """
        return ShellFunction(
            name: "node_table", doc: "Prints 'id address membership region' for every node cockroach node status --decommission lists.",
            body: [.shell("cockroach_cli node status --decommission --format tsv | awk -F '\\t' \(shellQuote(awk))")])
    }

    var plannedHost: ShellFunction {
        ShellFunction(name: "planned_host", doc: "Succeeds when address $1 is a pod of the plan.", body: [
            .shell("local host"),
            .block("for host in \"${PLANNED_HOSTS[@]}\"; do", [.shell("[[ \"$host\" == \"$1\" ]] && return 0")], end: "done"),
            .shell("return 1"),
        ])
    }

    var checkRegions: ShellFunction {
        let minimum = 3
        return ShellFunction(
            name: "check_regions",
            doc: "Stops when a database still has one of the regions $@ that go, or survives region failure with fewer than \(minimum) regions left.",
            body: [
                .shell("local region databases"),
                .block("for region in \"$@\"; do", [
                    .shell("[[ \"$region\" =~ ^[a-z0-9-]+$ ]] || continue"),
                    .shell("databases=\"$(cockroach_cli sql --format tsv --execute \"SELECT database_name FROM [SHOW DATABASES] WHERE '$region' = ANY(regions)\" | tail -n +2 | paste -sd ' ' -)\""),
                    .shell("[[ -z \"$databases\" ]] || die \"region $region goes, but database(s) $databases still have it: move their data, run ALTER DATABASE <name> DROP REGION \\\"$region\\\" for each, then run this script again\""),
                ], end: "done"),
                .when("((${#regions[@]} > 0 && ${#PLANNED_REGIONS[@]} < \(minimum)))", [
                    .shell("databases=\"$(cockroach_cli sql --format tsv --execute \"SELECT database_name FROM [SHOW DATABASES] WHERE survival_goal = 'region'\" | tail -n +2 | paste -sd ' ' -)\""),
                    .shell("[[ -z \"$databases\" ]] || die \"database(s) $databases survive region failure, which needs \(minimum) regions, and the plan keeps ${#PLANNED_REGIONS[@]}: run ALTER DATABASE <name> SURVIVE ZONE FAILURE first, or keep \(minimum) regions\""),
                ]),
            ])
    }

    var podGone: ShellFunction {
        ShellFunction(name: "pod_gone", doc: "Succeeds when context $1 has no pod $3 in namespace $2.", body: [
            .shell("[[ -z \"$(kubectl get pod \"$3\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" --ignore-not-found --output name)\" ]]")
        ])
    }

    var shrinkHelper: ShellFunction {
        let names = cockroach.names
        return ShellFunction(
            name: "shrink_statefulset",
            doc: "Scales StatefulSet \(names.statefulSet) of context $1, namespace $2 down to $3 pods once the CockroachDB nodes of the pods it drops are decommissioned, and deletes their volume claims (a decommissioned node's store must never start again). A context the kubeconfig does not have yet is a cluster still to be made (a first apply, or a region being added): nothing to shrink.",
            body: [
                .shell("local context=\"$1\" namespace=\"$2\" planned=\"$3\" ordinal host table"),
                .when(
                    "! " + ShellCommand(words: ["kubectl", "config", "get-contexts", .expansion("\"$context\"")])
                        .option("--kubeconfig", ScriptEnvironment.kubeconfig.word).prefixed("found").oneLine,
                    [.shell("return 0")]),
                .capture(
                    "current", placeholder: "",
                    ScriptEnvironment.kubectl(.expansion("\"$context\""), ["get", "statefulset", .literal(names.statefulSet)])
                        .option("--namespace", .expansion("\"$namespace\"")).option("--ignore-not-found")
                        .option("--output", "jsonpath={.spec.replicas}")),
                .when("[[ -z \"$current\" ]] || ((current <= planned))", [.shell("return 0")]),
                .shell("find_sql_pod || die \"no CockroachDB pod is ready in a region of the plan: cannot check that the pods $namespace drops are decommissioned\""),
                .shell("table=\"$(node_table)\""),
                .block("for ((ordinal = planned; ordinal < current; ordinal++)); do", [
                    .shell("host=\"\(names.statefulSet)-$ordinal.\(names.headlessService).$namespace.svc.\(plan.clusterDomain)\""),
                    .shell("! awk -v host=\"$host\" '$2 == host && $3 != \"decommissioned\" { found = 1 } END { exit !found }' <<<\"$table\" ||"),
                    .shell("  die \"\(names.statefulSet)-$ordinal of $namespace is not decommissioned; run: $SCRIPT_NAME --from decommission\""),
                ], end: "done"),
                .run(
                    ScriptEnvironment.kubectl(.expansion("\"$context\""), ["scale", "statefulset", .literal(names.statefulSet)])
                        .option("--namespace", .expansion("\"$namespace\"")).option("--replicas", .expansion("\"$planned\""))),
                .block("for ((ordinal = current - 1; ordinal >= planned; ordinal--)); do", [
                    .shell("wait_until \"\(names.statefulSet)-$ordinal of $namespace has stopped\" \(Self.stopTimeout) pod_gone \"$context\" \"$namespace\" \"\(names.statefulSet)-$ordinal\""),
                    .run(
                        ScriptEnvironment.kubectl(.expansion("\"$context\""), ["delete", "pvc", .expansion("\"\(CockroachStatefulSet.dataVolume)-\(names.statefulSet)-$ordinal\"")])
                            .option("--namespace", .expansion("\"$namespace\"")).option("--ignore-not-found")),
                ], end: "done"),
            ])
    }

    var podReadyElsewhere: ShellFunction {
        ShellFunction(
            name: "pod_ready_elsewhere",
            doc: "Succeeds when pod $3 of context $1, namespace $2 is ready on a node other than $4; deletes it again when it waits for a volume claim that is gone, so that the StatefulSet makes both anew.",
            body: [
                .shell("local state"),
                .shell("state=\"$(kubectl get pod \"$3\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" --ignore-not-found --output 'jsonpath={.spec.nodeName}/{.status.phase}/{.status.containerStatuses[0].ready}')\""),
                .when("[[ \"$state\" == */Pending/* ]] && ! kubectl get pvc \"\(CockroachStatefulSet.dataVolume)-$3\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" >/dev/null 2>&1", [
                    .shell("run kubectl delete pod \"$3\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --namespace \"$2\" --wait=false"),
                    .shell("return 1"),
                ]),
                .shell("[[ -n \"$state\" && \"${state%%/*}\" != \"$4\" && \"$state\" == */true ]]"),
            ])
    }

    var moveHelper: ShellFunction {
        let names = cockroach.names
        return ShellFunction(
            name: "move_off_removed_nodes",
            doc: "For each Kubernetes node of context $1 that is not in the plan's list $3: cordons it, then, one pod at a time, decommissions the CockroachDB node of each \(names.statefulSet) pod of namespace $2 on it, deletes the pod's volume claim and the pod, and waits until the StatefulSet runs it again on a kept node with an empty volume.",
            body: [
                .shell("local context=\"$1\" namespace=\"$2\" keep=\" $3 \" nodes node pods pod id"),
                .when("[[ \"$DRY_RUN\" == 1 ]]", [
                    .shell("info \"(dry run) would move the CockroachDB pods on nodes of $context other than$keep to the nodes it keeps\""),
                    .shell("return 0"),
                ]),
                .shell("nodes=\"$(kubectl get nodes --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --request-timeout 10s --output 'jsonpath={.items[*].metadata.name}' 2>/dev/null || true)\""),
                .block("for node in $nodes; do", [
                    .shell("[[ \"$keep\" == *\" $node \"* ]] && continue"),
                    .shell("run kubectl cordon \"$node\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\""),
                    .shell("pods=\"$(kubectl get pods --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --namespace \"$namespace\" --selector \(shellQuote(selector)) --field-selector \"spec.nodeName=$node\" --output 'jsonpath={.items[*].metadata.name}')\""),
                    .block("for pod in $pods; do", [
                        .shell("find_sql_pod || die \"no CockroachDB pod is ready in a region of the plan: cannot decommission $pod of $namespace\""),
                        .shell("id=\"$(node_table | awk -v host=\"$pod.\(names.headlessService).$namespace.svc.\(plan.clusterDomain)\" '$2 == host && $3 != \"decommissioned\" { print $1 }')\""),
                        .when("[[ -n \"$id\" ]]", [
                            .shell("confirm \"$pod of $namespace (CockroachDB node $id) runs on $node, which the plan removes: decommission it and start it again on a kept node with an empty volume?\" || die \"not confirmed; $pod stays on $node\""),
                            .shell("run cockroach_cli node decommission \"$id\" --wait=all"),
                        ]),
                        .shell("run kubectl delete pvc \"\(CockroachStatefulSet.dataVolume)-$pod\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --namespace \"$namespace\" --ignore-not-found --wait=false"),
                        .shell("run kubectl delete pod \"$pod\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --namespace \"$namespace\""),
                        .shell("wait_until \"$pod of $namespace is ready on a kept node\" \(Self.moveTimeout) pod_ready_elsewhere \"$context\" \"$namespace\" \"$pod\" \"$node\""),
                    ], end: "done"),
                ], end: "done"),
            ])
    }
}
