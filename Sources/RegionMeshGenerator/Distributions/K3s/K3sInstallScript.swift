import RegionMesh

/// `k3s/install.sh`: per region, `k3sup install --cluster` on the first node and `k3sup join
/// --server` on the others, each node skipped when it is already registered; then a wait until every
/// node is registered (they become Ready only once the network plugin is installed).
struct K3sInstallScript {
    let plan: Plan
    let k3s: K3sPlan
    let nodeAccess: any NodeAccess

    static let path = "k3s/install.sh"
    /// Seconds to wait until the first server is registered after its install.
    static let serverTimeout = 300
    /// Seconds to wait until every node of a cluster is registered.
    static let clusterTimeout = 600

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Installs k3s with k3sup on all \(plan.nodeCount) nodes: one cluster per region, every node a server of",
                "its cluster's embedded etcd, one kubeconfig context per cluster. Run it after the",
                "infrastructure exists. Safe to run again: a registered node is skipped.",
            ],
            done: "k3s runs on every node of \(plan.regions.count) clusters; the network plugin comes next")
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        script.environment = [ScriptEnvironment.sshPrivateKey, ScriptEnvironment.kubeconfig, secrets]
        script.constants = [
            ScriptConstant(
                name: "KUBECONFIG_DIR", value: "\"$\(secrets.name)/kubeconfig\"",
                doc: "Each cluster's own kubeconfig, as k3sup fetched it; merged into KUBECONFIG_FILE deliberately.")
        ]
        script.helpers = [mergeKubeconfig]
        script.notes = Self.rationale
        script.tools = plan.tools(["k3sup", "kubectl"] + nodeAccess.lookupTools)
        if let mirror = k3s.registryMirror {
            script.readsTopologyFolder = true
            script.constants += [
                ScriptConstant(
                    name: "REGISTRY_PASSWORD_FILE", value: "\"$\(secrets.name)/\(mirror.passwordFile)\"",
                    doc: "The nodes' pull-only password for \(mirror.host), made by the provider's setup step."),
                ScriptConstant(
                    name: "WRITE_REGISTRIES", value: shellQuote(Self.remoteWrite),
                    doc: "Run on a node: installs the registry configuration from stdin when it differs.", unexpanded: "expanded on the node"),
            ]
            script.helpers.append(writeRegistries(mirror))
            script.tools = plan.tools(["k3sup", "kubectl", "ssh"] + nodeAccess.lookupTools)
        }
        script.beforeSteps = [
            .when("[[ \"$DRY_RUN\" != 1 && ! -f \"$SSH_PRIVATE_KEY_FILE\" ]]", [
                .shell("die \"SSH private key $SSH_PRIVATE_KEY_FILE not found; set SSH_PRIVATE_KEY_FILE to the key of SSH_PUBLIC_KEY_FILE\"")
            ]),
            .run(ShellCommand("mkdir", "-p").arguments(.expansion("\"$(dirname \"$KUBECONFIG_FILE\")\""), .variable("KUBECONFIG_DIR"))),
            .run(ShellCommand("chmod", "700").arguments(.variable("KUBECONFIG_DIR"))),
        ]
        script.steps = plan.regions.map(step)
        return script
    }

    /// Why the k3sup invocations look the way they do, for the person reviewing the script.
    static let rationale = [
        "Every server of a cluster gets the same k3s flags; k3s refuses a server whose critical flags differ.",
        "  --flannel-backend=none --disable-network-policy: the network plugin replaces both.",
        "  --cluster-cidr: the cluster's pod range, the same as the network plugin's pod pool.",
        "  --service-cidr, --cluster-dns, --cluster-domain: the cluster's service range and DNS address.",
        "  --disable=servicelb: ServiceLB publishes LoadBalancer services through hostPort, which a CNI",
        "    without a portmap chain does not implement. Nothing here needs a LoadBalancer: traffic",
        "    between regions uses fixed NodePorts on the nodes' private IPs over the private networks.",
        "  --disable=traefik: no ingress is used.",
        "  --default-local-storage-path: the local-path volumes (the database's) go to the node's data disk.",
        "  --node-ip: the node's own private IP, so etcd, the kubelet and the pod tunnels use the private network.",
        "  --node-label: the node's topology.kubernetes.io/region and /zone, as a cloud provider would set them.",
        "No --tls-san: k3sup would put it in place of its default SAN, the public IP the kubeconfig uses.",
        "k3sup writes each cluster's kubeconfig to its own file (no --merge: k3sup's merge keeps a stale",
        "entry of the same name); merge_kubeconfig then puts it into KUBECONFIG_FILE, asking before it",
        "replaces an entry of an earlier deployment. k3sup renames every literal 'default' in the fetched",
        "kubeconfig to the --context value; harmless here, where each context is the cluster's name.",
        "Joining servers register at the first server's private IP (--server-url): administrative access",
        "opens the API port only to AdminAccess. k3sup reads the join token from the first server over SSH.",
        "Public IPs are known only once the provider has allocated them, so they are read at run time.",
    ]

    /// The step that installs one region's cluster.
    func step(_ region: RegionPlan) -> ScriptStep {
        let cluster = region.cluster
        let part = k3s[region]
        let server = region.nodes[0]
        let joining = Array(region.nodes.dropFirst())
        let (serverLookup, serverPlaceholder) = nodeAccess.sshAddress(of: server, in: region)
        let user = ShellWord.literal(nodeAccess.loginUser(in: region))
        // With a mirror, each node gets its registry configuration before k3s starts there (and
        // again on every run, when it changed).
        let registries = { (node: NodePlan, ip: String) -> [ScriptStatement] in
            k3s.registryMirror == nil ? [] : [.command(ShellCommand("write_registries", .variable(ip), user, .literal(node.name)))]
        }
        var body: [ScriptStatement] = [.capture("server_ip", placeholder: serverPlaceholder, serverLookup)] + registries(server, "server_ip") + [
            .ensure("node \(server.name) of \(cluster.name)", lookup: registered([server], in: cluster), create: [
                .run(install(region, ip: .variable("server_ip")))
            ]),
            .waitUntil("node \(server.name) is registered in \(cluster.name)", timeout: Self.serverTimeout, registered([server], in: cluster)),
        ]
        for node in joining {
            let (lookup, placeholder) = nodeAccess.sshAddress(of: node, in: region)
            if k3s.registryMirror != nil {
                body.append(.capture("node_ip", placeholder: placeholder, lookup))
                body += registries(node, "node_ip")
                body.append(
                    .ensure("node \(node.name) of \(cluster.name)", lookup: registered([node], in: cluster), create: [
                        .run(join(region, node: node, ip: .variable("node_ip"), serverIP: .variable("server_ip")))
                    ]))
            } else {
                body.append(
                    .ensure("node \(node.name) of \(cluster.name)", lookup: registered([node], in: cluster), create: [
                        .capture("node_ip", placeholder: placeholder, lookup),
                        .run(join(region, node: node, ip: .variable("node_ip"), serverIP: .variable("server_ip"))),
                    ]))
            }
        }
        if !joining.isEmpty {
            body.append(
                .waitUntil(
                    "the \(region.nodes.count) nodes of \(cluster.name) are registered", timeout: Self.clusterTimeout,
                    registered(region.nodes, in: cluster)))
        }
        body.append(.command(ShellCommand("merge_kubeconfig", cluster.contextWord)))
        body.append(.info("the nodes of \(cluster.name) stay NotReady until the network plugin is installed"))
        let title = "cluster \(cluster.name) in region \(region.key): k3sup install on \(part.initServer)"
            + (joining.isEmpty ? "" : ", then k3sup join --server of the \(joining.count) others")
        return ScriptStep(name: cluster.name, title: title, body: body)
    }

    /// The flags of one server: the cluster's, plus its own.
    func serverFlags(_ region: RegionPlan, node: NodePlan) -> String {
        let part = k3s[region]
        return (part.clusterFlags + part.nodeFlags[node.index - 1]).joined(separator: " ")
    }

    /// `k3sup install` on the first server: starts the cluster (`--cluster`: embedded etcd) and
    /// merges its kubeconfig into `$KUBECONFIG_FILE` as context `<cluster name>`.
    func install(_ region: RegionPlan, ip: ShellWord) -> ShellCommand {
        let release = k3s[region].release
        return ShellCommand("k3sup", "install")
            .option("--ip", ip)
            .option("--user", .literal(nodeAccess.loginUser(in: region)))
            .option("--ssh-key", ScriptEnvironment.sshPrivateKey.word)
            .option("--cluster")
            .option(Self.releaseOption(release), .literal(Self.releaseValue(release)))
            .option("--k3s-extra-args", .literal(serverFlags(region, node: region.nodes[0])))
            .option("--local-path", Self.clusterKubeconfig(region.cluster))
            .option("--context", region.cluster.contextWord)
    }

    /// `k3sup join --server` of another node: k3sup reads the join token from the first server over
    /// SSH (its public IP), and the node registers at the first server's private IP.
    func join(_ region: RegionPlan, node: NodePlan, ip: ShellWord, serverIP: ShellWord) -> ShellCommand {
        let part = k3s[region]
        let user = nodeAccess.loginUser(in: region)
        return ShellCommand("k3sup", "join")
            .option("--ip", ip)
            .option("--user", .literal(user))
            .option("--ssh-key", ScriptEnvironment.sshPrivateKey.word)
            .option("--server")
            .option("--server-ip", serverIP)
            .option("--server-user", .literal(user))
            .option("--server-url", .literal(part.joinURL))
            .option(Self.releaseOption(part.release), .literal(Self.releaseValue(part.release)))
            .option("--k3s-extra-args", .literal(serverFlags(region, node: node)))
    }

    /// The cluster's own kubeconfig file.
    static func clusterKubeconfig(_ cluster: ClusterPlan) -> ShellWord {
        .expansion("\"$KUBECONFIG_DIR/\(cluster.name).yaml\"")
    }

    /// `kubectl get node <names>` through the cluster's own kubeconfig, which only this cluster's
    /// install writes: a stale context of the same name elsewhere cannot answer for it.
    func registered(_ nodes: [NodePlan], in cluster: ClusterPlan) -> ShellCommand {
        ShellCommand(words: ["kubectl", "get", "node"] + nodes.map { .literal($0.name) })
            .option("--kubeconfig", Self.clusterKubeconfig(cluster))
            .option("--context", cluster.contextWord)
            .option("--request-timeout", "10s")
    }

    /// Merges a cluster's own kubeconfig into KUBECONFIG_FILE, replacing an entry of the same name
    /// from an earlier deployment only after saying where it pointed and asking.
    var mergeKubeconfig: ShellFunction {
        ShellFunction(
            name: "merge_kubeconfig",
            doc: "Merges cluster $1's kubeconfig into KUBECONFIG_FILE; a context, cluster or user of that name is replaced after asking when it points elsewhere.",
            body: [
                .shell("local name=\"$1\" file=\"$KUBECONFIG_DIR/$1.yaml\" planned current merged"),
                .when("[[ \"$DRY_RUN\" == 1 ]]", [
                    .shell("printf '# merge kube context %s from %s into %s\\n' \"$name\" \"$file\" \"$KUBECONFIG_FILE\""),
                    .shell("return 0"),
                ]),
                .shell("touch \"$KUBECONFIG_FILE\""),
                .shell("planned=\"$(kubectl config view --kubeconfig \"$file\" --raw --output \"jsonpath={.clusters[?(@.name==\\\"$name\\\")].cluster.server}\")\""),
                .shell("current=\"$(kubectl config view --kubeconfig \"$KUBECONFIG_FILE\" --raw --output \"jsonpath={.clusters[?(@.name==\\\"$name\\\")].cluster.server}\" 2>/dev/null || true)\""),
                .when("[[ -n \"$current\" && \"$current\" != \"$planned\" ]]", [
                    .shell("info \"kube context $name in $KUBECONFIG_FILE points at $current, but cluster $name is at $planned: it is left from an earlier deployment\""),
                    .shell("confirm \"Replace kube context, cluster and user $name in $KUBECONFIG_FILE?\" || die \"kept the old kube context $name; remove it (kubectl config delete-context $name) and run this script again\""),
                ]),
                .comment("Entries of this name that are absent are fine: only what exists is removed."),
                .shell("kubectl config delete-context \"$name\" --kubeconfig \"$KUBECONFIG_FILE\" >/dev/null 2>&1 || true"),
                .shell("kubectl config unset \"clusters.$name\" --kubeconfig \"$KUBECONFIG_FILE\" >/dev/null 2>&1 || true"),
                .shell("kubectl config unset \"users.$name\" --kubeconfig \"$KUBECONFIG_FILE\" >/dev/null 2>&1 || true"),
                .shell("merged=\"$(KUBECONFIG=\"$KUBECONFIG_FILE:$file\" kubectl config view --flatten)\""),
                .shell("(umask 077 && printf '%s\\n' \"$merged\" >\"$KUBECONFIG_FILE.regionmesh-tmp\")"),
                .shell("mv \"$KUBECONFIG_FILE.regionmesh-tmp\" \"$KUBECONFIG_FILE\""),
                .shell("info \"kube context $name in $KUBECONFIG_FILE points at $planned\""),
            ])
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

    /// What runs on a node to install the registry configuration read from stdin: nothing when the
    /// file is the same; otherwise it is installed (root, mode 600) and a running k3s restarts to
    /// read it, and the node's API answers again before the next node is touched.
    static let remoteWrite = [
        "set -eu; file=\(K3sRegistryConfiguration.path); new=\"$(mktemp)\"; cat >\"$new\";",
        "if sudo cmp -s \"$new\" \"$file\"; then rm -f \"$new\"; echo unchanged; exit 0; fi;",
        "sudo mkdir -p \"$(dirname \"$file\")\"; sudo install -m 600 -o root -g root \"$new\" \"$file\"; rm -f \"$new\";",
        "if systemctl is-active --quiet k3s; then sudo systemctl restart k3s;",
        "sudo timeout 300 sh -c 'until k3s kubectl get --raw=/readyz >/dev/null 2>&1; do sleep 2; done'; echo 'written; k3s restarted';",
        "else echo written; fi",
    ].joined(separator: " ")

    /// `write_registries <ip> <user> <node>`: copies `k3s/registries.yaml` with the password in place
    /// of its placeholder to the node over SSH; the password is in no command line and no log.
    func writeRegistries(_ mirror: ImageMirror) -> ShellFunction {
        let placeholder = K3sRegistries.passwordPlaceholder
        return ShellFunction(
            name: "write_registries",
            doc: "Installs k3s/registries.yaml, with the pull-only password, on node $3 (address $1, user $2) when it differs.",
            body: [
                .shell("local ip=\"$1\" user=\"$2\" node=\"$3\" content password result"),
                .when("[[ \"$DRY_RUN\" == 1 ]]", [
                    .shell("printf '# ssh %s@%s: install %s as \(K3sRegistryConfiguration.path), with the password from %s\\n' \"$user\" \"$ip\" \"$TOPOLOGY_DIR/\(K3sRegistries.path)\" \"$REGISTRY_PASSWORD_FILE\""),
                    .shell("return 0"),
                ]),
                .when("[[ ! -s \"$REGISTRY_PASSWORD_FILE\" ]]", [
                    .shell("die \"the pull-only password for \(mirror.host) is not in $REGISTRY_PASSWORD_FILE; run setup.sh --only registry first\"")
                ]),
                .shell("password=\"$(<\"$REGISTRY_PASSWORD_FILE\")\""),
                .shell("content=\"$(<\"$TOPOLOGY_DIR/\(K3sRegistries.path)\")\""),
                .shell("content=\"${content//\(placeholder)/\"$password\"}\""),
                .shell("log_command ssh \"$user@$ip\" \"install \(K3sRegistryConfiguration.path) (password withheld)\""),
                // The nodes' host keys go into the deployment's own known-hosts file, not the operator's:
                // a VM made again (same public IP, new key) then stops with how to forget the old key.
                // Quoted inside the option too: ssh splits an option's value at spaces.
                .shell("(umask 077 && mkdir -p \"$REGIONMESH_SECRETS_DIR\")"),
                .shell("result=\"$(printf '%s\\n' \"$content\" | ssh -i \"$SSH_PRIVATE_KEY_FILE\" -o \"UserKnownHostsFile=\\\"$REGIONMESH_SECRETS_DIR/known_hosts\\\"\" -o StrictHostKeyChecking=accept-new -o BatchMode=yes \"$user@$ip\" \"$WRITE_REGISTRIES\")\" ||"),
                .shell("  die \"ssh to $node ($ip) failed (see above); if its VM was made again, its host key changed: forget the old one with ssh-keygen -R $ip -f '$REGIONMESH_SECRETS_DIR/known_hosts', then run again\""),
                .shell("info \"registry configuration of $node: $result\""),
            ])
    }
}
