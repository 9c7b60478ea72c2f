import RegionMesh

/// k3s's artifacts: `k3s/install.sh`, the cross-cluster DNS objects of every cluster, the setup
/// steps that install the clusters and apply the DNS objects, the teardown step that removes the
/// kube contexts, and its README parts. It reaches the nodes through the provider's ``NodeAccess``.
struct K3sGenerator: ComponentGenerator {
    let plan: Plan
    let k3s: K3sPlan
    let nodeAccess: any NodeAccess

    func scripts() -> [Script] {
        [K3sInstallScript(plan: plan, k3s: k3s, nodeAccess: nodeAccess).script]
    }

    func clusterObjects() -> [ClusterObject] {
        CrossClusterDNS(plan: plan).objects
    }

    func setupSteps() -> [PhasedStep] {
        var dns: [ScriptStatement] = []
        for region in plan.regions {
            let context = region.cluster.contextWord
            dns.append(
                .run(
                    ScriptEnvironment.kubectl(context, ["apply"])
                        .option("--filename", .expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.clusterFolder(region.cluster))/\(CrossClusterDNS.group)\""))))
            dns.append(.run(ScriptEnvironment.kubectl(context, ["rollout", "restart", "deployment/coredns"]).option("--namespace", .literal(CrossClusterDNS.namespace))))
        }
        for region in plan.regions {
            dns.append(
                .waitUntil(
                    "CoreDNS of \(region.cluster.name) has restarted", timeout: 300,
                    ScriptEnvironment.kubectl(region.cluster.contextWord, ["rollout", "status", "deployment/coredns"])
                        .option("--namespace", .literal(CrossClusterDNS.namespace)).option("--timeout=20s")))
        }
        return [
            PhasedStep(
                phase: .cluster,
                step: ScriptStep(name: "k3s", title: "k3s on every node (k3sup), flannel off", body: [.runScript(path: K3sInstallScript.path, arguments: [])])),
            PhasedStep(
                phase: .serviceDiscovery,
                step: ScriptStep(
                    name: "dns", title: "cross-cluster DNS: the DNS NodePort service and coredns-custom forwarders",
                    body: dns)),
        ]
    }

    func preflightChecks() -> [PreflightCheck] {
        [
            PreflightCheck(
                condition: "[[ -f \"$SSH_PRIVATE_KEY_FILE\" ]]",
                problem: "SSH private key $SSH_PRIVATE_KEY_FILE not found; set SSH_PRIVATE_KEY_FILE to the key matching $SSH_PUBLIC_KEY_FILE")
        ]
    }

    func teardownSteps() -> [PhasedStep] {
        let body: [ScriptStatement] = plan.regions.map { region in
            let context = region.cluster.context
            let config = { (words: [ShellWord]) in ShellCommand(words: ["kubectl", "config"] + words).option("--kubeconfig", ScriptEnvironment.kubeconfig.word) }
            // k3sup names the cluster and user entries after the context.
            return .ensureAbsent(
                "kube context \(context)", lookup: config(["get-contexts", .literal(context)]),
                delete: [
                    .run(config(["delete-context", .literal(context)])),
                    .run(config(["unset", .literal("clusters.\(context)")])),
                    .run(config(["unset", .literal("users.\(context)")])),
                ])
        }
        return [
            PhasedStep(
                phase: .localState,
                step: ScriptStep(name: "contexts", title: "remove the kube contexts, clusters and users setup.sh added", body: body))
        ]
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "one k3s cluster per region with \(plan.regions.map { "\($0.nodes.count)" }.joined(separator: "/")) server nodes"
        readme.version = { "k3s \(k3s[$0].release)" }
        readme.prerequisites = [
            "k3sup logs in with an SSH key pair (`~/.ssh/id_ed25519` by default; set `SSH_PUBLIC_KEY_FILE` and `SSH_PRIVATE_KEY_FILE` otherwise)."
        ]
        readme.runNotes = [
            "The kubeconfig (`$KUBECONFIG_FILE`, default `~/.kube/config`) gets one context per cluster, named after it: \(plan.regions.map { "`\($0.cluster.context)`" }.joined(separator: ", "))."
        ]
        readme.clusterFolderContents = [
            "the DNS NodePort service",
            "the `coredns-custom` forwarders (restart CoreDNS after they change: `kubectl -n kube-system rollout restart deployment/coredns`)",
        ]
        readme.files = [("`\(K3sInstallScript.path)`", "k3s on every node with k3sup")]
        return readme
    }
}
