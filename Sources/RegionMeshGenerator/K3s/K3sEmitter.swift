import RegionMesh

/// The k3s clusters: `k3s/install.sh` installs one cluster per region with k3sup, every node a
/// server of the cluster's embedded etcd.
enum K3sEmitter {
    static func artifacts(for plan: Plan) throws -> [Artifact] {
        [Artifact(path: ArtifactPaths.k3sInstall, contents: try K3sInstallScript.render(plan), isExecutable: true)]
    }

    /// The flags every server of `region`'s cluster must be started with, identical on all of them
    /// (k3s refuses a server whose critical flags differ from the cluster's): no flannel and no
    /// network policy controller (Cilium is the CNI), the address plan, and no ServiceLB or Traefik.
    static func clusterFlags(_ region: RegionPlan, plan: Plan) -> [String] {
        [
            "--flannel-backend=none",
            "--disable-network-policy",
            "--cluster-cidr=\(region.pods.cidr)",
            "--service-cidr=\(region.services.cidr)",
            "--cluster-dns=\(region.services.dnsIP)",
            "--cluster-domain=\(plan.clusterDomain)",
            "--disable=servicelb",
            "--disable=traefik",
        ]
    }

    /// ``clusterFlags(_:plan:)`` plus the node's own address: `--node-ip`, its private IP, so that
    /// etcd, the kubelet and Cilium's tunnels all use the peered VNet.
    static func serverFlags(_ region: RegionPlan, node: NodePlan, plan: Plan) -> [String] {
        clusterFlags(region, plan: plan) + ["--node-ip=\(node.privateIP)"]
    }

    /// `k3sup install` on the first server: starts the cluster (`--cluster`: embedded etcd) and
    /// merges its kubeconfig into `$KUBECONFIG_FILE` as context `<cluster name>`.
    static func install(_ region: RegionPlan, plan: Plan, ip: ShellWord) -> ShellCommand {
        let node = region.initServer
        return ShellCommand("k3sup", "install")
            .option("--ip", ip)
            .option("--user", .literal(region.virtualMachine.adminUser))
            .option("--ssh-key", ScriptEnvironment.sshPrivateKey.word)
            .option("--cluster")
            .option(releaseOption(region.k3s), .literal(releaseValue(region.k3s)))
            .option("--k3s-extra-args", .literal(serverFlags(region, node: node, plan: plan).joined(separator: " ")))
            .option("--merge")
            .option("--local-path", ScriptEnvironment.kubeconfig.word)
            .option("--context", .literal(region.cluster.context))
    }

    /// `k3sup join --server` of another node: k3sup reads the join token from the first server over
    /// SSH (its public IP), and the node registers at the first server's private IP.
    static func join(_ region: RegionPlan, node: NodePlan, plan: Plan, ip: ShellWord, serverIP: ShellWord) -> ShellCommand {
        ShellCommand("k3sup", "join")
            .option("--ip", ip)
            .option("--user", .literal(region.virtualMachine.adminUser))
            .option("--ssh-key", ScriptEnvironment.sshPrivateKey.word)
            .option("--server")
            .option("--server-ip", serverIP)
            .option("--server-user", .literal(region.virtualMachine.adminUser))
            .option("--server-url", .literal(region.joinURL))
            .option(releaseOption(region.k3s), .literal(releaseValue(region.k3s)))
            .option("--k3s-extra-args", .literal(serverFlags(region, node: node, plan: plan).joined(separator: " ")))
    }

    /// `--k3s-version` for a pinned release, `--k3s-channel` for a channel.
    static func releaseOption(_ release: K3sRelease) -> String {
        switch release {
        case .version: "--k3s-version"
        case .channel: "--k3s-channel"
        }
    }

    /// The release or channel name.
    static func releaseValue(_ release: K3sRelease) -> String {
        switch release {
        case .version(let version): version.text
        case .channel(let channel): channel
        }
    }
}
