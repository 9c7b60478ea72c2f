import RegionMesh

/// `cockroachdb/certs.sh`: the CA, the root client certificate and one node certificate per region,
/// made with `cockroach cert` in the secrets folder (never in `out/`), then per region the namespace
/// and the two Secrets. Every certificate is skipped when it exists and is not older than the CA
/// certificate, so a second run changes nothing.
struct CockroachCertsScript {
    let plan: Plan
    let cockroach: CockroachPlan

    static let path = "cockroachdb/certs.sh"

    /// The folder of the CA certificate and the root client certificate inside the secrets folder.
    var certsFolder: String { "\(cockroach.certificatesFolder)/certs" }

    var script: Script {
        let names = cockroach.names
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = Script(
            path: Self.path,
            purpose: [
                "Creates the CockroachDB CA, the root client certificate and a node certificate per region under",
                "$\(secrets.name)/\(cockroach.certificatesFolder)/ (never in out/), then in every region's namespace the Secrets",
                "\(names.clientSecret) and \(names.nodeSecret). Run it before applying the cluster folders.",
                "Safe to run again: what exists is kept.",
            ],
            done: "CockroachDB certificates and secrets of \(plan.name) are in place")
        script.environment = [ScriptEnvironment.kubeconfig, secrets]
        script.tools = plan.tools(["cockroach", "kubectl"])
        script.constants = [
            ScriptConstant(name: "CA_KEY_DIR", value: "\"$\(secrets.name)/\(cockroach.certificatesFolder)/ca-key\"", doc: "The CA key signs every certificate; it stays in this folder."),
            ScriptConstant(name: "CERTS_DIR", value: "\"$\(secrets.name)/\(certsFolder)\"", doc: "The CA certificate and the root client certificate: Secret \(names.clientSecret)."),
            ScriptConstant(
                name: "NODES_DIR", value: "\"$\(secrets.name)/\(cockroach.certificatesFolder)/nodes\"",
                doc: "Per region: the CA, the root client and the region's node certificate: Secret \(names.nodeSecret)."),
        ]
        script.helpers = [
            ShellFunction(
                name: "is_current", doc: "Succeeds when file $1 exists and is not older than the CA certificate (a new CA makes it stale).",
                body: [.shell("[[ -f \"$1\" && ! \"$CERTS_DIR/ca.crt\" -nt \"$1\" ]]")])
        ]
        script.beforeSteps = [.comment("Keys and certificates are readable by their owner only."), .shell("umask 077")]
        script.steps = [authority, nodeCertificates, secretsStep]
        return script
    }

    private let certsDir = ShellWord.variable("CERTS_DIR")
    private let caKey = ShellWord.expansion("\"$CA_KEY_DIR/ca.key\"")

    var authority: ScriptStep {
        ScriptStep(name: "ca", title: "the certificate authority (only when absent) and the root client certificate", body: [
            .run(ShellCommand("mkdir", "-p", certsDir, .variable("CA_KEY_DIR"))),
            .ensure(
                "CA certificate", lookup: ShellCommand("test", "-f", .expansion("\"$CERTS_DIR/ca.crt\"")),
                create: [
                    .run(ShellCommand("cockroach", "cert", "create-ca").option("--certs-dir", certsDir).option("--ca-key", caKey).option("--allow-ca-key-reuse"))
                ]),
            .ensure(
                "root client certificate", lookup: ShellCommand("is_current", .expansion("\"$CERTS_DIR/client.root.crt\"")),
                create: [
                    .run(ShellCommand("cockroach", "cert", "create-client", "root").option("--certs-dir", certsDir).option("--ca-key", caKey).option("--overwrite"))
                ]),
        ])
    }

    var nodeCertificates: ScriptStep {
        ScriptStep(
            name: "node-certificates", title: "one node certificate per region, each in its own folder, with the names of that region's services",
            body: plan.regions.map { region in
                let folder = ShellWord.expansion("\"$NODES_DIR/\(region.key)\"")
                return .ensure(
                    "node certificate of region \(region.key)", lookup: ShellCommand("is_current", .expansion("\"$NODES_DIR/\(region.key)/node.crt\"")),
                    create: [
                        .run(ShellCommand("mkdir", "-p", folder)),
                        .run(
                            ShellCommand(
                                "cp", .expansion("\"$CERTS_DIR/ca.crt\""), .expansion("\"$CERTS_DIR/client.root.crt\""),
                                .expansion("\"$CERTS_DIR/client.root.key\""), .expansion("\"$NODES_DIR/\(region.key)/\""))),
                        .run(
                            ShellCommand(words: ["cockroach", "cert", "create-node"] + cockroach[region].certificateHosts.map(ShellWord.literal))
                                .option("--certs-dir", folder).option("--ca-key", caKey).option("--overwrite")),
                    ])
            })
    }

    var secretsStep: ScriptStep {
        let names = cockroach.names
        var body: [ScriptStatement] = []
        for region in plan.regions {
            let context = region.cluster.contextWord
            body.append(.info("namespace \(region.namespace) and secrets in \(region.cluster.name)"))
            body.append(
                .ensure(
                    "namespace \(region.namespace) in \(region.cluster.name)",
                    lookup: ScriptEnvironment.kubectl(context, ["get", "namespace", .literal(region.namespace)]),
                    create: [.run(ScriptEnvironment.kubectl(context, ["create", "namespace", .literal(region.namespace)]))]))
            body.append(applySecret(names.clientSecret, from: certsDir, in: region))
            body.append(applySecret(names.nodeSecret, from: .expansion("\"$NODES_DIR/\(region.key)\""), in: region))
        }
        return ScriptStep(name: "secrets", title: "per region: the namespace and the two Secrets the pods and clients mount", body: body)
    }

    /// Creates or updates Secret `name` in the region's namespace from the files in `folder`.
    func applySecret(_ name: String, from folder: ShellWord, in region: RegionPlan) -> ScriptStatement {
        .pipeline(
            ShellCommand("kubectl", "create", "secret", "generic", .literal(name))
                .option("--namespace", .literal(region.namespace)).option("--from-file", folder)
                .option("--dry-run=client").option("--output", "yaml"),
            into: ScriptEnvironment.kubectl(region.cluster.contextWord, ["apply"]).option("--filename", "-"))
    }
}
