import RegionMesh

/// `k3s/install.sh`: per region, `k3sup install --cluster` on the first node and `k3sup join
/// --server` on the others, each node skipped when it is already registered; then a wait until every
/// node is registered (they become Ready only once `cilium/install.sh` has installed the CNI).
enum K3sInstallScript {
    /// Seconds to wait until the first server is registered after its install.
    static let serverTimeout = 300
    /// Seconds to wait until every node of a cluster is registered.
    static let clusterTimeout = 600

    static func render(_ plan: Plan) throws -> String {
        var script = ShellScript()
        ScriptEnvironment.declare([ScriptEnvironment.sshPrivateKey, ScriptEnvironment.kubeconfig], in: &script)
        script.blank()
        for text in rationale { script.comment(text) }

        for region in plan.regions {
            cluster(region, plan: plan, in: &script)
        }

        script.function("main", doc: "Installs k3s on every node, one cluster after the other.") { s in
            s.block("if [[ \"$DRY_RUN\" != 1 ]]; then", "fi") {
                $0.requireTools([.k3sup, .kubectl, .az])
                $0.block("if [[ ! -f \"$SSH_PRIVATE_KEY_FILE\" ]]; then", "fi") {
                    $0.line("die \"SSH private key $SSH_PRIVATE_KEY_FILE not found; set SSH_PRIVATE_KEY_FILE to the key of SSH_PUBLIC_KEY_FILE\"")
                }
            }
            s.run(ShellCommand("mkdir", "-p").arguments(.expansion("\"$(dirname \"$KUBECONFIG_FILE\")\"")))
            for region in plan.regions { s.line(functionName(region)) }
            s.line("info \(shellQuote("k3s runs on every node of \(plan.regions.count) clusters; next: cilium/install.sh"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Installs k3s with k3sup on all \(plan.regions.reduce(0) { $0 + $1.nodes.count }) nodes: one cluster per region, every node a server of",
                "its cluster's embedded etcd, one kubeconfig context per cluster. Run it after",
                "azure/infrastructure.sh. Safe to run again: a registered node is skipped. DRY_RUN=1 prints",
                "the commands instead.",
            ],
            body: script)
    }


    /// Why the k3sup invocations look the way they do, for the person reviewing the script.
    static let rationale = [
        "Every server of a cluster gets the same k3s flags; k3s refuses a server whose critical flags differ.",
        "  --flannel-backend=none --disable-network-policy: Cilium (cilium/install.sh) is the CNI.",
        "  --cluster-cidr: the cluster's pod range, the same as its Cilium pod pool.",
        "  --service-cidr, --cluster-dns, --cluster-domain: the cluster's service range and DNS address.",
        "  --disable=servicelb: ServiceLB publishes LoadBalancer services through hostPort, which Cilium",
        "    without kube-proxy replacement does not implement. Nothing here needs a LoadBalancer: traffic",
        "    between regions uses fixed NodePorts on the nodes' private IPs over VNet peering.",
        "  --disable=traefik: no ingress is used.",
        "  --node-ip: the node's own private IP, so etcd, the kubelet and Cilium's tunnels use the VNet.",
        "No --tls-san: k3sup would put it in place of its default SAN, the public IP the kubeconfig uses.",
        "k3sup renames every literal 'default' in the fetched kubeconfig (cluster, user and context names)",
        "to the --context value; harmless here, where each context is the cluster's name.",
        "Joining servers register at the first server's private IP (--server-url): the NSG opens the API",
        "port only to AdminAccess. k3sup reads the join token from the first server over SSH.",
        "Public IPs are known only once Azure has allocated them, so they are read at run time.",
    ]

    /// `install_cluster_<name>`: a bash name for the cluster's function (`-` becomes `_`).
    static func functionName(_ region: RegionPlan) -> String {
        "install_cluster_" + region.cluster.name.replacingOccurrences(of: "-", with: "_")
    }

    /// The function that installs one region's cluster.
    private static func cluster(_ region: RegionPlan, plan: Plan, in script: inout ShellScript) {
        let cluster = region.cluster
        let server = region.initServer
        let joining = region.joiningServers
        script.function(
            functionName(region),
            doc: "Cluster \(cluster.name): k3sup install on \(server.name)" + (joining.isEmpty ? "." : ", then k3sup join --server of the \(joining.count) others.")
        ) { s in
            s.line("banner \(shellQuote("k3s: cluster \(cluster.name) in region \(region.key), \(region.nodes.count) servers"))")
            s.line(joining.isEmpty ? "local server_ip" : "local server_ip node_ip")
            s.capture("server_ip", placeholder: placeholder(server), publicIP(server, plan: plan))
            s.ensure("node \(server.name) of \(cluster.name)", lookup: registered([server], in: cluster)) {
                $0.run(K3sEmitter.install(region, plan: plan, ip: .variable("server_ip")))
            }
            s.waitUntil("node \(server.name) is registered in \(cluster.name)", timeout: serverTimeout, registered([server], in: cluster))
            for node in joining {
                s.ensure("node \(node.name) of \(cluster.name)", lookup: registered([node], in: cluster)) {
                    $0.capture("node_ip", placeholder: placeholder(node), publicIP(node, plan: plan))
                    $0.run(K3sEmitter.join(region, node: node, plan: plan, ip: .variable("node_ip"), serverIP: .variable("server_ip")))
                }
            }
            if !joining.isEmpty {
                s.waitUntil("the \(region.nodes.count) nodes of \(cluster.name) are registered", timeout: clusterTimeout, registered(region.nodes, in: cluster))
            }
            s.line("info \(shellQuote("the nodes of \(cluster.name) stay NotReady until cilium/install.sh has installed the CNI"))")
        }
    }

    /// `kubectl get node <names>`: succeeds once every named node is registered.
    static func registered(_ nodes: [NodePlan], in cluster: ClusterPlan) -> ShellCommand {
        ScriptEnvironment.kubectl(cluster, words: ["get", "node"] + nodes.map { .literal($0.name) })
    }

    /// `az network public-ip show … --query ipAddress`: the node's public IP, which Azure allocates.
    static func publicIP(_ node: NodePlan, plan: Plan) -> ShellCommand {
        AzureEmitter.az("network", "public-ip", "show", plan: plan)
            .option("--name", .literal(node.publicIPName))
            .option("--query", "ipAddress")
            .option("--output", "tsv")
    }

    /// What DRY_RUN=1 prints in place of a node's public IP.
    static func placeholder(_ node: NodePlan) -> String { "<public-ip-of-\(node.name)>" }
}
