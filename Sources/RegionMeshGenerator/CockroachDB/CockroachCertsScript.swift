import RegionMesh

/// `cockroachdb/certs.sh`: the CA, the root client certificate and one node certificate per region,
/// made with `cockroach cert` under `$REGIONMESH_SECRETS_DIR/cockroachdb/` (never in `out/`), then
/// per region the namespace and the two Secrets. Every step is skipped when its result exists and
/// is not older than the CA certificate, so a second run changes nothing.
enum CockroachCertsScript {
    static func render(_ plan: Plan) throws -> String {
        let names = plan.cockroach.names
        var script = ShellScript()
        ScriptEnvironment.declare([ScriptEnvironment.kubeconfig, ScriptEnvironment.secretsDirectory(plan)], in: &script)
        script.comment("The CA key signs every certificate; it stays in this folder.")
        script.line("readonly CA_KEY_DIR=\"$REGIONMESH_SECRETS_DIR/cockroachdb/ca-key\"")
        script.comment("The CA certificate and the root client certificate: Secret \(names.clientSecret).")
        script.line("readonly CERTS_DIR=\"$REGIONMESH_SECRETS_DIR/\(ScriptEnvironment.cockroachCertsFolder)\"")
        script.comment("Per region: the CA, the root client and the region's node certificate: Secret \(names.nodeSecret).")
        script.line("readonly NODES_DIR=\"$REGIONMESH_SECRETS_DIR/cockroachdb/nodes\"")

        script.function("is_current", doc: "Succeeds when file $1 exists and is not older than the CA certificate (a new CA makes it stale).") { s in
            s.line("[[ -f \"$1\" && ! \"$CERTS_DIR/ca.crt\" -nt \"$1\" ]]")
        }

        script.function("apply_secret", doc: "Creates or updates Secret $3 in namespace $2 of context $1 from the files in folder $4.") { s in
            s.line("local context=\"$1\" namespace=\"$2\" name=\"$3\" folder=\"$4\"")
            s.line("kubectl create secret generic \"$name\" --namespace \"$namespace\" --from-file \"$folder\" --dry-run=client --output yaml |")
            s.line("  kubectl apply --filename - --kubeconfig \"$KUBECONFIG_FILE\" --context \"$context\"")
        }

        let certsDir = ShellWord.variable("CERTS_DIR")
        let caKey = ShellWord.expansion("\"$CA_KEY_DIR/ca.key\"")
        script.function("create_ca_and_client", doc: "The CA (only when absent) and the root client certificate.") { s in
            s.line("banner 'CockroachDB: certificate authority and root client certificate'")
            s.run(ShellCommand("mkdir", "-p", certsDir, .variable("CA_KEY_DIR")))
            s.ensure(
                "CA certificate",
                lookup: ShellCommand("test", "-f", .expansion("\"$CERTS_DIR/ca.crt\"")),
                create: ShellCommand("cockroach", "cert", "create-ca")
                    .option("--certs-dir", certsDir).option("--ca-key", caKey).option("--allow-ca-key-reuse"))
            s.ensure(
                "root client certificate",
                lookup: ShellCommand("is_current", .expansion("\"$CERTS_DIR/client.root.crt\"")),
                create: ShellCommand("cockroach", "cert", "create-client", "root")
                    .option("--certs-dir", certsDir).option("--ca-key", caKey).option("--overwrite"))
        }

        script.function(
            "create_node_certificates",
            doc: "One node certificate per region, each in its own folder, with the names of that region's services."
        ) { s in
            s.line("banner 'CockroachDB: node certificates'")
            for region in plan.regions {
                let folder = ShellWord.expansion("\"$NODES_DIR/\(region.key)\"")
                guardedSteps(
                    in: &s, what: "node certificate of region \(region.key)",
                    lookup: ShellCommand("is_current", .expansion("\"$NODES_DIR/\(region.key)/node.crt\"")),
                    steps: [
                        ShellCommand("mkdir", "-p", folder),
                        ShellCommand(
                            "cp", .expansion("\"$CERTS_DIR/ca.crt\""), .expansion("\"$CERTS_DIR/client.root.crt\""),
                            .expansion("\"$CERTS_DIR/client.root.key\""), .expansion("\"$NODES_DIR/\(region.key)/\"")),
                        ShellCommand(words: ["cockroach", "cert", "create-node"] + region.cockroach.certificateHosts.map(ShellWord.literal))
                            .option("--certs-dir", folder).option("--ca-key", caKey).option("--overwrite"),
                    ])
            }
        }

        script.function("create_secrets", doc: "Per region: the namespace and the two Secrets the pods and clients mount.") { s in
            for region in plan.regions {
                let cluster = region.cluster
                s.line("banner \(shellQuote("CockroachDB: namespace \(region.namespace) and secrets in \(cluster.name)"))")
                s.ensure(
                    "namespace \(region.namespace) in \(cluster.name)",
                    lookup: ScriptEnvironment.kubectl(cluster, "get", "namespace", .literal(region.namespace)),
                    create: ScriptEnvironment.kubectl(cluster, "create", "namespace", .literal(region.namespace)))
                s.run(ShellCommand("apply_secret", .literal(cluster.context), .literal(region.namespace), .literal(names.clientSecret), certsDir))
                s.run(
                    ShellCommand(
                        "apply_secret", .literal(cluster.context), .literal(region.namespace), .literal(names.nodeSecret),
                        .expansion("\"$NODES_DIR/\(region.key)\"")))
            }
        }

        script.function("main", doc: "Certificates first, then the secrets of every region.") { s in
            s.requireTools([.cockroach, .kubectl])
            s.comment("Keys and certificates are readable by their owner only.")
            s.line("umask 077")
            for step in ["create_ca_and_client", "create_node_certificates", "create_secrets"] { s.line(step) }
            s.line("info \(shellQuote("CockroachDB certificates and secrets of \(plan.name) are in place"))")
        }
        script.blank()
        script.line("main \"$@\"")
        return try ScriptFile.render(
            plan: plan,
            purpose: [
                "Creates the CockroachDB CA, the root client certificate and a node certificate per region under",
                "$REGIONMESH_SECRETS_DIR/cockroachdb/ (never in out/), then in every region's namespace the Secrets",
                "\(names.clientSecret) and \(names.nodeSecret). Run it before applying the cluster folders.",
                "Safe to run again: what exists is kept. DRY_RUN=1 prints the commands instead.",
            ],
            body: script)
    }

    /// `if ! exists <lookup>; then run <step>…; else info "<what> exists"; fi`: several commands under one guard.
    static func guardedSteps(in script: inout ShellScript, what: String, lookup: ShellCommand, steps: [ShellCommand]) {
        script.line("if ! \(lookup.prefixed("exists").lines(maxWidth: .max)[0]); then")
        script.indented { s in steps.forEach { s.run($0) } }
        script.line("else")
        script.indented { $0.line("info \(shellQuote("\(what) exists"))") }
        script.line("fi")
    }
}
