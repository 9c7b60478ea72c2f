import RegionMesh

/// `cilium/install.sh`: creates the one CA that every cluster shares (outside `out/`), installs the
/// Cilium chart into every cluster with its values file and the CA, then waits until the agents,
/// the nodes and the clustermesh-apiserver are up, and checks the mesh when the cilium CLI is there.
enum CiliumInstallScript {
    /// Seconds to wait for each cluster's agents, nodes and clustermesh-apiserver.
    static let timeout = 600
    /// The `--timeout` of each `kubectl rollout status` or `kubectl wait` that `wait_until` repeats.
    static let attemptTimeout = "60s"

    static func render(_ plan: Plan) throws -> String {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = ShellScript()
        ScriptEnvironment.declare([ScriptEnvironment.kubeconfig, secrets], in: &script)
        ScriptEnvironment.declareTopologyDirectory(depth: 1, in: &script)
        script.comment("The shared ClusterMesh CA and the Helm values that carry it. Secret: never inside out/.")
        script.line("CA_DIR=\"$\(secrets.name)/\(ScriptEnvironment.ciliumCAFolder)\"")

        script.function("add_repository", doc: "The Cilium Helm repository, added again so that its index knows the pinned chart versions.") { s in
            s.line("banner 'Cilium: Helm repository'")
            s.run(ShellCommand("helm", "repo", "add", .literal(CiliumEmitter.release), .literal(CiliumEmitter.repository)).option("--force-update"))
        }

        script.function("ca_exists", doc: "Succeeds when the shared CA's key and certificate exist.") { s in
            s.line("[[ -s \"$CA_DIR/ca.key\" && -s \"$CA_DIR/ca.crt\" ]]")
        }

        script.function("write_ca_values", doc: "Writes the values that give the chart the shared CA: tls.ca.cert and tls.ca.key, base64 PEM.") { s in
            s.line("local cert key")
            s.comment("base64 | tr rather than base64 -w0, which macOS lacks.")
            s.line("cert=\"$(base64 <\"$CA_DIR/ca.crt\" | tr -d '\\n')\"")
            s.line("key=\"$(base64 <\"$CA_DIR/ca.key\" | tr -d '\\n')\"")
            s.block("(", ")") {
                $0.line("umask 077")
                $0.line("printf 'tls:\\n  ca:\\n    cert: %s\\n    key: %s\\n' \"$cert\" \"$key\" >\"$CA_DIR/values.yaml\"")
            }
        }

        script.function("create_ca", doc: "One CA for all clusters, made once, so that their ClusterMesh certificates verify each other.") { s in
            s.line("banner 'Cilium: the shared ClusterMesh CA'")
            s.ensure("the shared CA", lookup: ShellCommand("ca_exists")) { t in
                t.run(ShellCommand("mkdir", "-p").arguments(.variable("CA_DIR")))
                t.run(ShellCommand("chmod", "700").arguments(.variable("CA_DIR")))
                t.block("(", ")") {
                    $0.line("umask 077")
                    $0.run(
                        ShellCommand("openssl", "req", "-x509")
                            .option("-newkey", "rsa:4096")
                            .option("-nodes")
                            .option("-days", "3650")
                            .option("-subj", .literal("/CN=Cilium CA \(plan.name)"))
                            .option("-keyout", .expansion("\"$CA_DIR/ca.key\""))
                            .option("-out", .expansion("\"$CA_DIR/ca.crt\"")))
                }
            }
            s.run(ShellCommand("write_ca_values"))
        }

        script.function("install_charts", doc: "The chart in every cluster: its own values file, then the shared CA.") { s in
            s.line("banner \(shellQuote("Cilium: install the chart into \(plan.regions.count) clusters"))")
            for region in plan.regions { s.run(helmInstall(region)) }
        }

        script.function("wait_for_clusters", doc: "Waits until every cluster's agents, nodes and clustermesh-apiserver are up.") { s in
            s.line("banner 'Cilium: wait until every cluster is up'")
            for region in plan.regions {
                let cluster = region.cluster
                s.waitUntil(
                    "the Cilium agents of \(cluster.name) are rolled out", timeout: timeout,
                    ScriptEnvironment.kubectl(cluster, "rollout", "status", "daemonset/cilium")
                        .option("--namespace", .literal(CiliumEmitter.namespace)).option("--timeout=\(attemptTimeout)"))
                s.waitUntil(
                    "every node of \(cluster.name) is Ready", timeout: timeout,
                    ScriptEnvironment.kubectl(cluster, "wait", "node").option("--all").option("--for=condition=Ready").option("--timeout=\(attemptTimeout)"))
                s.waitUntil(
                    "the clustermesh-apiserver of \(cluster.name) is rolled out", timeout: timeout,
                    ScriptEnvironment.kubectl(cluster, "rollout", "status", "deployment/clustermesh-apiserver")
                        .option("--namespace", .literal(CiliumEmitter.namespace)).option("--timeout=\(attemptTimeout)"))
            }
        }

        script.function("check_mesh", doc: "Checks every cluster's connections to the others with the cilium CLI, when it is installed.") { s in
            s.line("banner 'Cilium: ClusterMesh status'")
            s.block("if ! command -v cilium >/dev/null 2>&1; then", "fi") {
                $0.line("info 'the cilium CLI is not installed: skipping cilium clustermesh status (https://github.com/cilium/cilium-cli)'")
                $0.line("return 0")
            }
            s.comment("The cilium CLI reads the kubeconfig from KUBECONFIG.")
            s.line("export KUBECONFIG=\"$KUBECONFIG_FILE\"")
            for region in plan.regions {
                s.run(ShellCommand("cilium", "clustermesh", "status").option("--context", .literal(region.cluster.context)).option("--wait"))
            }
        }

        script.function("main", doc: "Creates the CA, installs Cilium everywhere, and waits until the mesh is up.") { s in
            s.block("if [[ \"$DRY_RUN\" != 1 ]]; then", "fi") {
                $0.requireTools([.helm, .kubectl, .openssl])
            }
            for step in ["add_repository", "create_ca", "install_charts", "wait_for_clusters", "check_mesh"] {
                s.line(step)
            }
            s.line("info \(shellQuote("Cilium ClusterMesh joins the pod networks of \(plan.regions.count) clusters"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Installs Cilium with ClusterMesh into every cluster with Helm: the values in",
                "clusters/<cluster>/cilium-values.yaml plus one CA shared by all clusters, which this script",
                "creates once in $\(secrets.name)/\(ScriptEnvironment.ciliumCAFolder)/ (never in out/). Run it after k3s/install.sh.",
                "Safe to run again. DRY_RUN=1 prints the commands instead.",
            ],
            body: script)
    }


    /// `helm upgrade --install` of the chart into `region`'s cluster.
    static func helmInstall(_ region: RegionPlan) -> ShellCommand {
        ShellCommand("helm", "upgrade", "--install", .literal(CiliumEmitter.release), .literal(CiliumEmitter.chart))
            .option("--version", .literal(region.cilium.version.text))
            .option("--namespace", .literal(CiliumEmitter.namespace))
            .option("--kube-context", .literal(region.cluster.context))
            .option("--kubeconfig", ScriptEnvironment.kubeconfig.word)
            .option("--values", .expansion("\"$TOPOLOGY_DIR/\(ArtifactPaths.ciliumValues(region.cluster))\""))
            .option("--values", .expansion("\"$CA_DIR/values.yaml\""))
    }
}
