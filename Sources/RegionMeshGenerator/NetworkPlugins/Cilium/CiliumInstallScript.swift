import RegionMesh

/// `cilium/install.sh`: creates the one CA that every cluster shares (outside `out/`), installs the
/// Cilium chart into every cluster with its values file and the CA, then waits until the agents,
/// the nodes and the clustermesh-apiserver are up, and checks the mesh when the cilium CLI is there.
struct CiliumInstallScript {
    let plan: Plan
    let cilium: CiliumPlan

    static let path = "cilium/install.sh"
    /// Seconds to wait for each cluster's agents, nodes and clustermesh-apiserver.
    static let timeout = 600
    /// The `--timeout` of each `kubectl rollout status` or `kubectl wait` that `wait_until` repeats.
    static let attemptTimeout = "60s"

    /// The cluster's values file.
    static func valuesPath(_ region: RegionPlan) -> String { "\(ArtifactPaths.clusterFolder(region.cluster))/cilium-values.yaml" }

    var script: Script {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = Script(
            path: Self.path,
            purpose: [
                "Installs Cilium with ClusterMesh into every cluster with Helm, with the values in",
                "clusters/<cluster>/cilium-values.yaml. One CA is shared by all clusters: this script makes it once in",
                "$\(secrets.name)/\(cilium.caFolder)/ (never in out/) and loads it into every cluster as the Secret",
                "\(cilium.caSecret), from which certgen makes the certificates: no key reaches Helm. Safe to run again.",
            ],
            done: "Cilium ClusterMesh joins the pod networks of \(plan.regions.count) clusters")
        script.environment = [ScriptEnvironment.kubeconfig, secrets]
        script.readsTopologyFolder = true
        script.tools = plan.tools(["helm", "kubectl", "openssl"])
        script.constants = [
            ScriptConstant(
                name: "CA_DIR", value: "\"$\(secrets.name)/\(cilium.caFolder)\"", doc: "The shared ClusterMesh CA. Secret: never inside out/.")
        ]
        script.helpers = [
            ShellFunction(name: "ca_exists", doc: "Succeeds when the shared CA's key and certificate exist.", body: [
                .shell("[[ -s \"$CA_DIR/ca.key\" && -s \"$CA_DIR/ca.crt\" ]]")
            ])
        ]
        script.steps = [repository, certificateAuthority, caSecrets, charts, wait, meshStatus]
        return script
    }

    var repository: ScriptStep {
        ScriptStep(name: "repository", title: "the Cilium Helm repository, added again so that its index knows the pinned chart versions", body: [
            .run(ShellCommand("helm", "repo", "add", .literal(cilium.release), .literal(cilium.repository)).option("--force-update"))
        ])
    }

    var certificateAuthority: ScriptStep {
        ScriptStep(name: "ca", title: "one CA for all clusters, made once, so that their ClusterMesh certificates verify each other", body: [
            .ensure("the shared CA", lookup: ShellCommand("ca_exists"), create: [
                .run(ShellCommand("mkdir", "-p").arguments(.variable("CA_DIR"))),
                .run(ShellCommand("chmod", "700").arguments(.variable("CA_DIR"))),
                .block("(", [
                    .shell("umask 077"),
                    .run(
                        ShellCommand("openssl", "req", "-x509")
                            .option("-newkey", "rsa:4096")
                            .option("-nodes")
                            .option("-days", "3650")
                            .option("-subj", .literal("/CN=Cilium CA \(plan.name)"))
                            .option("-keyout", .expansion("\"$CA_DIR/ca.key\""))
                            .option("-out", .expansion("\"$CA_DIR/ca.crt\""))),
                ], end: ")"),
            ]),
            .comment("An earlier RegionMesh passed the CA to Helm in this file; nothing reads it now."),
            .run(ShellCommand("rm", "-f").arguments(.expansion("\"$CA_DIR/values.yaml\""))),
        ])
    }

    /// The CA in every cluster, as the Secret certgen signs with (the chart renders no CA).
    var caSecrets: ScriptStep {
        ScriptStep(
            name: "ca-secrets", title: "the shared CA in every cluster as the Secret \(cilium.caSecret), which certgen signs the certificates with",
            body: plan.regions.map { region in
                .pipeline(
                    ShellCommand("kubectl", "create", "secret", "generic", .literal(cilium.caSecret))
                        .option("--namespace", .literal(cilium.namespace))
                        .option("--from-file", .expansion("ca.crt=\"$CA_DIR/ca.crt\""))
                        .option("--from-file", .expansion("ca.key=\"$CA_DIR/ca.key\""))
                        .option("--dry-run=client").option("--output", "yaml"),
                    into: ScriptEnvironment.kubectl(region.cluster.contextWord, ["apply"]).option("--filename", "-"))
            })
    }

    var charts: ScriptStep {
        ScriptStep(
            name: "charts", title: "the chart in every cluster with its own values file; certgen signs its certificates with the shared CA",
            body: plan.regions.map { .run(helmInstall($0)) })
    }

    var wait: ScriptStep {
        var body: [ScriptStatement] = []
        for region in plan.regions {
            let cluster = region.cluster
            let kubectl = { (words: [ShellWord]) in ScriptEnvironment.kubectl(cluster.contextWord, words) }
            body += [
                .waitUntil(
                    "the Cilium agents of \(cluster.name) are rolled out", timeout: Self.timeout,
                    kubectl(["rollout", "status", "daemonset/cilium"]).option("--namespace", .literal(cilium.namespace)).option("--timeout=\(Self.attemptTimeout)")),
                .waitUntil(
                    "every node of \(cluster.name) is Ready", timeout: Self.timeout,
                    kubectl(["wait", "node"]).option("--all").option("--for=condition=Ready").option("--timeout=\(Self.attemptTimeout)")),
                .waitUntil(
                    "the clustermesh-apiserver of \(cluster.name) is rolled out", timeout: Self.timeout,
                    kubectl(["rollout", "status", "deployment/clustermesh-apiserver"]).option("--namespace", .literal(cilium.namespace))
                        .option("--timeout=\(Self.attemptTimeout)")),
            ]
        }
        return ScriptStep(name: "wait", title: "wait until every cluster's agents, nodes and clustermesh-apiserver are up", body: body)
    }

    var meshStatus: ScriptStep {
        let optional = plan.tools.first { $0.name == "cilium" }
        var body: [ScriptStatement] = [
            .when("! command -v cilium >/dev/null 2>&1", [
                .info("the cilium CLI is not installed: skipping cilium clustermesh status (\(optional?.hint ?? "https://github.com/cilium/cilium-cli"))"),
                .shell("return 0"),
            ]),
            .comment("The cilium CLI reads the kubeconfig from KUBECONFIG."),
            .shell("export KUBECONFIG=\"$KUBECONFIG_FILE\""),
        ]
        body += plan.regions.map { .run(ShellCommand("cilium", "clustermesh", "status").option("--context", $0.cluster.contextWord).option("--wait")) }
        return ScriptStep(name: "mesh-status", title: "check every cluster's connections to the others with the cilium CLI, when it is installed", body: body)
    }

    /// `helm upgrade --install` of the chart into `region`'s cluster.
    func helmInstall(_ region: RegionPlan) -> ShellCommand {
        ShellCommand("helm", "upgrade", "--install", .literal(cilium.release), .literal(cilium.chart))
            .option("--version", .literal(cilium[region].version.text))
            .option("--namespace", .literal(cilium.namespace))
            .option("--kube-context", region.cluster.contextWord)
            .option("--kubeconfig", ScriptEnvironment.kubeconfig.word)
            .option("--values", .expansion("\"$TOPOLOGY_DIR/\(Self.valuesPath(region))\""))
    }
}
