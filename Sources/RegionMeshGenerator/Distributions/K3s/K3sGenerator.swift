import RegionMesh

/// k3s's artifacts: `k3s/install.sh`, the cross-cluster DNS objects of every cluster, the setup
/// steps that install the clusters and apply the DNS objects, the teardown step that removes the
/// kube contexts, and its README parts. It reaches the nodes through the provider's ``NodeAccess``.
struct K3sGenerator: ComponentGenerator {
    let plan: Plan
    let k3s: K3sPlan
    let nodeAccess: any NodeAccess
    let machines: any MachineLifecycle
    /// What its files say about the command that regenerates them.
    var context = GenerationContext()

    func scripts() -> [Script] {
        [K3sInstallScript(plan: plan, k3s: k3s, nodeAccess: nodeAccess).script, K3sRemoveNodesScript(plan: plan, machines: machines).script]
    }

    func fileJobs() -> [@Sendable () throws -> [Artifact]] {
        k3s.registryMirror.map { mirror in [{ [try K3sRegistries(plan: plan, mirror: mirror, context: context).artifact()] }] } ?? []
    }

    func clusterObjects() -> [ClusterObject] {
        ClusterDNS(plan: plan, k3s: k3s).objects
    }

    func setupSteps() -> [PhasedStep] {
        var dns: [ScriptStatement] = plan.regions.map { region in
            .run(
                ScriptEnvironment.kubectl(region.cluster.contextWord, ["apply"])
                    .option("--filename", .expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.clusterFolder(region.cluster))/\(ClusterDNS.group)\"")))
        }
        for region in plan.regions {
            dns.append(
                .waitUntil(
                    "the DNS of \(region.cluster.name) is rolled out", timeout: 300,
                    ScriptEnvironment.kubectl(region.cluster.contextWord, ["rollout", "status", .literal("deployment/\(ClusterDNS.name)")])
                        .option("--namespace", .literal(ClusterDNS.namespace)).option("--timeout=20s")))
        }
        return [
            PhasedStep(
                phase: .cluster,
                step: ScriptStep(name: "k3s", title: "k3s on every node (k3sup), flannel off", body: [.runScript(path: K3sInstallScript.path, arguments: [])])),
            PhasedStep(
                phase: .serviceDiscovery,
                step: ScriptStep(
                    name: "dns", title: "each cluster's DNS: CoreDNS replicas on every node, forwarding the other regions' zones",
                    body: dns)),
            PhasedStep(
                phase: .machineRetirement,
                step: ScriptStep(
                    name: "remove-nodes", title: "machines the plan no longer has drained, taken out of their clusters and deleted; their kube contexts removed",
                    body: [.runScript(path: K3sRemoveNodesScript.path, arguments: [])])),
        ]
    }

    func summary() -> [String] {
        let releases = Set(k3s.regions.map { "\($0.release)" }).sorted().joined(separator: ", ")
        return ["k3s \(releases): \(plan.regions.count) clusters, \(plan.nodeCount) servers (k3sup over SSH)"]
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

    /// How names resolve across regions, and why a node's loss or a change costs no lookup.
    var dnsDesign: String {
        let first = plan.regions[0]
        let others = first.dnsForwarders.map { "`\($0.zone)`" }.joined(separator: ", ")
        return """
            Each region's names live under its own zone: `\(first.key).svc.\(plan.clusterDomain)` is region \
            \(first.key)'s (its namespace), so a database pod's stable name, `<pod>.<service>.\(first.key).svc.\(plan.clusterDomain)`, \
            says which region answers for it. Every cluster runs its own DNS: CoreDNS from `clusters/<cluster>/dns/`, in place of \
            k3s's packaged single pod (k3s starts with `--disable=coredns`, so nothing reverts it). It answers the \
            cluster's own names at the cluster DNS address, and forwards each other region's zone (for \
            \(first.cluster.name): \(others.isEmpty ? "none" : others)) to that region's nodes on its DNS NodePort, \
            over the private networks.

            - **A node's loss costs no lookup.** Each cluster runs up to three DNS replicas, spread one per node, \
            behind a NodePort on every node: a query to any surviving node reaches a surviving replica. The forwarding \
            side asks every node of the remote region, stops asking one that fails its health checks, and serves stale \
            answers for an hour when a whole region cannot be reached.
            - **A change costs no restart.** The Corefile is a ConfigMap; CoreDNS's `reload` plugin reads a change \
            within about two minutes. A new image or setting rolls one pod at a time with none down \
            (`maxUnavailable: 0`), and a disruption budget keeps node drains to one replica at a time.
            - **GitOps.** The folder is plain Kubernetes objects; applying it is all a change takes.
            """
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "one k3s cluster per region with \(plan.regions.map { "\($0.nodes.count)" }.joined(separator: "/")) server nodes"
        readme.version = { "k3s \(k3s[$0].release)" }
        readme.regionColumns = [("k3s", { "\(k3s[$0].release)" })]
        readme.prerequisites = [
            "k3sup logs in with an SSH key pair (`~/.ssh/id_ed25519` by default; set `SSH_PUBLIC_KEY_FILE` and `SSH_PRIVATE_KEY_FILE` otherwise)."
        ]
        readme.runNotes = [
            "The kubeconfig (`$KUBECONFIG_FILE`, default `~/.kube/config`) gets one context per cluster, named after it: \(plan.regions.map { "`\($0.cluster.context)`" }.joined(separator: ", "))."
        ]
        readme.clusterFolderContents = ["the cluster's DNS (CoreDNS, its Corefile with the other regions' forwarders, its Services)"]
        readme.sections = [("DNS across regions", dnsDesign)]
        readme.files = [
            ("`\(K3sInstallScript.path)`", "k3s on every node with k3sup"),
            ("`\(K3sRemoveNodesScript.path)`", "machines the plan no longer has, out of their clusters and deleted; their kube contexts"),
        ]
        readme.dayTwo = [
            (.cluster, """
            **New clusters and nodes.** `\(K3sInstallScript.path)` installs k3s on the nodes that are not registered yet \
            (a new region's cluster, a region's added servers) and leaves the others alone.
            """),
            (.serviceDiscovery, """
            **DNS follows.** Every cluster's DNS gets the new forwarders (a new region's zone, a removed region's gone); \
            CoreDNS's `reload` picks the Corefile up without a restart, so no lookup fails while it changes.
            """),
            (.machineRetirement, """
            **Machines last.** `\(K3sRemoveNodesScript.path)` removes the machines the plan no longer has, highest index \
            first, one at a time: a node of a cluster that stays is drained, its machine stopped (so k3s cannot register \
            it again), deleted from the cluster (k3s then removes its etcd member; one at a time keeps etcd's quorum), and \
            the machine deleted with its disks. A removed region's machines go with its cluster, and so does its kube \
            context.
            """)
        ]
        return readme
    }
}
