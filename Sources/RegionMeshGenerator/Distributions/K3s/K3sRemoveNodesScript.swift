import RegionMesh

/// `k3s/remove-nodes.sh`: removes the machines the plan no longer has, one at a time, after the
/// database has moved its data off them: a node of a cluster that stays is drained, its machine
/// stopped (so k3s cannot re-register it), deleted from the cluster (k3s then removes its etcd
/// member; one at a time keeps etcd's quorum), and the machine deleted; a machine of a removed
/// region is deleted with its cluster. Then the kube contexts of removed clusters go. It asks the
/// provider which machines exist, so it converges from any earlier state.
struct K3sRemoveNodesScript {
    let plan: Plan
    let machines: any MachineLifecycle

    static let path = "k3s/remove-nodes.sh"
    /// Seconds a drain may take.
    static let drainTimeout = 600
    /// Seconds to wait until a deleted node has left its cluster.
    static let leaveTimeout = 300

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Removes the machines the plan no longer has, one at a time: a node of a cluster that stays is",
                "drained, stopped, deleted from its cluster (k3s removes its etcd member) and then deleted; a",
                "machine of a removed region is deleted with its cluster. Then removes the kube contexts of",
                "clusters the plan no longer has. Run it after the database has decommissioned their nodes.",
            ],
            done: "every machine and kube context of \(plan.name) is in the plan")
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        script.environment = [ScriptEnvironment.kubeconfig, secrets]
        script.tools = plan.tools(["kubectl"] + machines.lifecycleTools)
        script.constants = [
            ScriptConstant(
                name: "KUBECONFIG_DIR", value: "\"$\(secrets.name)/kubeconfig\"",
                doc: "Each cluster's own kubeconfig, as k3s/install.sh fetched it."),
            ScriptConstant(
                name: "PLANNED_MACHINES", value: shellQuote(" " + plan.regions.flatMap { $0.nodes.map(\.name) }.joined(separator: " ") + " "),
                doc: "Every machine of the plan, space-separated."),
            ScriptConstant(
                name: "PLANNED_CLUSTERS", value: shellQuote(" " + plan.regions.map(\.cluster.name).joined(separator: " ") + " "),
                doc: "Every cluster of the plan, space-separated."),
        ]
        script.helpers = [clusterOf, nodeGone, removeMachine]
        script.steps = [removeNodes, removeContexts]
        return script
    }

    var clusterOf: ShellFunction {
        var cases: [ScriptStatement] = plan.regions.map { region in
            let pattern = region.nodes[0].name.reversed().drop { $0.isNumber }.reversed()
            return .shell("\(String(pattern))*) printf '%s\\n' \(region.cluster.name) ;;")
        }
        cases.append(.shell("*) return 1 ;;"))
        return ShellFunction(name: "cluster_of", doc: "Prints the cluster of the plan that machine $1 belongs to by its name; fails when none does.", body: [
            .block("case \"$1\" in", cases, end: "esac")
        ])
    }

    var nodeGone: ShellFunction {
        ShellFunction(name: "node_gone", doc: "Succeeds when cluster $1 has no node $2.", body: [
            .shell("[[ -z \"$(kubectl get node \"$2\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$1\" --ignore-not-found --output name)\" ]]")
        ])
    }

    var removeMachine: ShellFunction {
        let context = ShellWord.expansion("\"$context\"")
        let name = ShellWord.expansion("\"$1\"")
        return ShellFunction(
            name: "remove_machine",
            doc: "Removes machine $1: if it is a node of a cluster that stays, drains it, stops the machine, deletes the node (k3s removes its etcd member) and waits until it has left; then deletes the machine. A cluster of two servers loses etcd's quorum when one stops, so there the node leaves first and the machine stops right after.",
            body: [
                .shell("local context servers"),
                .when("context=\"$(cluster_of \"$1\")\" && kubectl get node \"$1\" --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --request-timeout 10s >/dev/null 2>&1", [
                    .run(
                        ScriptEnvironment.kubectl(context, ["drain", name]).option("--ignore-daemonsets").option("--delete-emptydir-data")
                            .option("--timeout", .literal("\(Self.drainTimeout)s"))),
                    .shell("servers=\"$(kubectl get nodes --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\" --output name | wc -l)\""),
                    .when("((servers > 2))", [.run(machines.stopMachine(name))]),
                    .run(ScriptEnvironment.kubectl(context, ["delete", "node", name])),
                    .shell("wait_until \"node $1 has left cluster $context\" \(Self.leaveTimeout) node_gone \"$context\" \"$1\""),
                    .when("((servers <= 2))", [.run(machines.stopMachine(name))]),
                ]),
            ] + machines.deleteMachine(name))
    }

    var removeNodes: ScriptStep {
        ScriptStep(name: "machines", title: "remove the machines the plan no longer has, one at a time", body: [
            .shell("local listed machine departing=()"),
            .when("[[ \"$DRY_RUN\" == 1 ]]", [
                .info("(dry run) would list the machines of the deployment and remove each one the plan lacks: drain, stop, delete the node, delete the machine"),
                .shell("return 0"),
            ]),
            .capture("listed", placeholder: "", machines.existingMachines),
            .block("for machine in $listed; do", [
                .shell("[[ \"$PLANNED_MACHINES\" == *\" $machine \"* ]] || departing+=(\"$machine\")")
            ], end: "done"),
            .when("((${#departing[@]} == 0))", [
                .info("every machine is in the plan: nothing to remove"),
                .shell("return 0"),
            ]),
            .comment("Highest index first, as a shrinking StatefulSet drops its pods."),
            .shell("mapfile -t departing < <(printf '%s\\n' \"${departing[@]}\" | sort -r -V)"),
            .shell("info \"machines the plan no longer has: ${departing[*]}\""),
            .shell("confirm \"Delete them with their disks? The database must have decommissioned its nodes on them (setup.sh does that first)\" || die \"not confirmed; nothing was deleted\""),
            .block("for machine in \"${departing[@]}\"; do", [.shell("remove_machine \"$machine\"")], end: "done"),
        ])
    }

    var removeContexts: ScriptStep {
        let config = { (words: [ShellWord]) in ShellCommand(words: ["kubectl", "config"] + words).option("--kubeconfig", ScriptEnvironment.kubeconfig.word) }
        let name = ShellWord.expansion("\"$name\"")
        return ScriptStep(name: "contexts", title: "remove the kube contexts of clusters the plan no longer has", body: [
            .shell("local file name"),
            .block("for file in \"$KUBECONFIG_DIR\"/*.yaml; do", [
                .shell("[[ -e \"$file\" ]] || continue"),
                .shell("name=\"$(basename \"$file\" .yaml)\""),
                .shell("[[ \"$PLANNED_CLUSTERS\" == *\" $name \"* ]] && continue"),
                .shell("info \"cluster $name is no longer in the plan: removing its kube context, cluster and user\""),
                .when(config(["get-contexts", name]).prefixed("found").oneLine, [
                    .run(config(["delete-context", name])),
                    .run(config(["unset", .expansion("\"clusters.$name\"")])),
                    .run(config(["unset", .expansion("\"users.$name\"")])),
                ]),
                .run(ShellCommand("rm", "-f", .expansion("\"$file\""))),
            ], end: "done"),
        ])
    }
}
