import RegionMesh

/// `azure/registry.sh`: the geo-replicated container registry the nodes pull through. A Premium
/// Azure Container Registry in its home location with a replication in every other location a
/// region runs in (replications the plan no longer has are deleted), the images the deployment pins
/// imported from Docker Hub, and a token that may only pull, whose password is made here into the
/// secrets folder (never into `out/`, never into a log) for `k3s/install.sh` to hand to each node.
///
/// Safe to run again: what exists is kept or brought to the plan, an image already imported is not
/// fetched again, and the password is made only when the secrets folder has none.
struct AzureRegistryScript {
    let plan: Plan
    let azure: AzurePlan
    let registry: ContainerRegistryPlan

    static let path = "azure/registry.sh"

    /// `az acr <words> --registry <name> --resource-group <group>`, for a registry's sub-resources.
    func acr(_ words: ShellWord...) -> ShellCommand {
        ShellCommand(words: ["az", "acr"] + words).option("--registry", .literal(registry.name))
            .option("--resource-group", .literal(azure.resourceGroup))
    }

    /// Where the token's password is kept: in the secrets folder.
    var passwordFile: ShellWord {
        .expansion("\"$\(ScriptEnvironment.secretsDirectory(plan).name)/\(registry.passwordFile)\"")
    }

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Creates container registry \(registry.name) (\(registry.loginServer), Premium) in \(registry.home.name), replicated to",
                registry.replications.isEmpty ? "no other location," : "\(registry.replications.map(\.name).joined(separator: ", ")),",
                "imports the images the deployment pins, and makes the nodes' pull-only token \(registry.token).",
                "Safe to run again: what exists is brought to the plan; the password is made once, into the secrets folder.",
            ],
            done: "registry \(registry.loginServer) holds the deployment's images in \(registry.locations.count) locations")
        script.environment = [ScriptEnvironment.secretsDirectory(plan)]
        script.tools = plan.tools(["az"])
        script.notes = [
            "The nodes pull with a token mapped to the registry's system scope map \(registry.scopeMap): it may read",
            "every repository and do nothing else (no push, no delete, no other Azure resource). Its password goes",
            "from az straight into a file of mode 600 in the secrets folder; no command line or log holds it.",
        ]
        script.helpers = [makePassword]
        script.steps = [create, replications, images, token]
        return script
    }

    var create: ScriptStep {
        let show = ShellCommand("az", "acr", "show").option("--name", .literal(registry.name)).option("--resource-group", .literal(azure.resourceGroup))
        let owner = azure.ownerTag
        return ScriptStep(name: "registry", title: "container registry \(registry.name): Premium, in \(registry.home.name), no admin user", body: [
            .converge(
                "container registry \(registry.name)", lookup: show,
                create: [
                    .run(
                        ShellCommand("az", "acr", "create").option("--name", .literal(registry.name))
                            .option("--resource-group", .literal(azure.resourceGroup))
                            .option("--location", .literal(registry.home.name))
                            .option("--sku", .literal(registry.sku))
                            .option("--admin-enabled", "false")
                            .option("--tags", .literal(owner.assignment), "managed-by=regionmesh")
                            .option("--output", "none"))
                ],
                update: [
                    .capture("sku", placeholder: registry.sku, show.option("--query", "sku.name").option("--output", "tsv")),
                    // The owner tag is how retire.sh knows the registry for this topology's once the plan drops it.
                    .capture("owner", placeholder: owner.value, show.option("--query", .literal("tags.\"\(owner.name)\"")).option("--output", "tsv")),
                    .when("[[ \"$sku\" != \(shellQuote(registry.sku)) || \"$owner\" != \(shellQuote(owner.value)) ]]", [
                        .run(
                            ShellCommand("az", "acr", "update").option("--name", .literal(registry.name))
                                .option("--resource-group", .literal(azure.resourceGroup))
                                .option("--sku", .literal(registry.sku))
                                // --set adds to the registry's tags; --tags would replace them all.
                                .option("--set", .literal("tags.\(owner.assignment)"), "tags.managed-by=regionmesh")
                                .option("--output", "none"))
                    ]),
                ])
        ])
    }

    var replications: ScriptStep {
        var body: [ScriptStatement] = [.shell("local listed name")]
        for location in registry.replications {
            body.append(
                .ensure(
                    "replication \(location.name) of \(registry.name)",
                    lookup: acr("replication", "show").option("--name", .literal(location.name)),
                    create: [
                        .run(acr("replication", "create").option("--name", .literal(location.name)).option("--location", .literal(location.name)).option("--output", "none"))
                    ]))
        }
        let planned = " " + registry.locations.map(\.name).joined(separator: " ") + " "
        body.append(.capture("listed", placeholder: "", acr("replication", "list").option("--query", "[].name").option("--output", "tsv")))
        body.append(
            .block("for name in $listed; do", [
                .when("[[ \(shellQuote(planned)) != *\" $name \"* ]]", [
                    .shell("info \"replication $name is not in the plan: no region runs there any more\""),
                    .run(acr("replication", "delete").option("--name", .variable("name"))),
                ])
            ], end: "done"))
        return ScriptStep(
            name: "replications", title: "a replication in every other location a region runs in; those the plan no longer has are deleted",
            body: body)
    }

    var images: ScriptStep {
        ScriptStep(name: "images", title: "the images the deployment pins, imported once from their public registry", body: plan.images.map { image in
            .ensure(
                "image \(image.path) in \(registry.name)",
                lookup: ShellCommand("az", "acr", "repository", "show").option("--name", .literal(registry.name)).option("--image", .literal(image.path)),
                create: [
                    .run(
                        ShellCommand("az", "acr", "import").option("--name", .literal(registry.name))
                            .option("--resource-group", .literal(azure.resourceGroup))
                            .option("--source", .literal(image.description)).option("--image", .literal(image.path)).option("--output", "none"))
                ])
        })
    }

    var token: ScriptStep {
        let show = acr("token", "show").option("--name", .literal(registry.token))
        return ScriptStep(name: "pull-token", title: "token \(registry.token), which may only pull; its password into the secrets folder", body: [
            .converge(
                "token \(registry.token) of \(registry.name)", lookup: show,
                create: [
                    .run(
                        acr("token", "create").option("--name", .literal(registry.token)).option("--scope-map", .literal(registry.scopeMap))
                            .option("--no-passwords").option("--output", "none")),
                    // A new token has no password yet: one kept from an earlier deployment's token is
                    // stale, and nodes given it would fall back to the public registries unnoticed.
                    .when("[[ \"$DRY_RUN\" != 1 ]]", [.shell("rm -f \(passwordFile.rendered)")]),
                ],
                update: [
                    .capture(
                        "settings", placeholder: "true",
                        show.option("--query", .literal("ends_with(scopeMapId, '/\(registry.scopeMap)') && status == 'enabled'")).option("--output", "tsv")),
                    .when("[[ \"$settings\" != true ]]", [
                        .run(
                            acr("token", "update").option("--name", .literal(registry.token)).option("--scope-map", .literal(registry.scopeMap))
                                .option("--status", "enabled").option("--output", "none"))
                    ]),
                ]),
            .command(ShellCommand("make_password", passwordFile)),
        ])
    }

    /// `make_password <file>`: makes password1 of the token into the file when it is missing or empty.
    var makePassword: ShellFunction {
        let generate = "az acr token credential generate --registry \(shellQuote(registry.name)) --resource-group \(shellQuote(azure.resourceGroup)) --name \(shellQuote(registry.token)) --password1 --query 'passwords[0].value' --output tsv"
        return ShellFunction(
            name: "make_password",
            doc: "Makes password1 of the nodes' token into file $1 (mode 600) when it has none; a new password replaces the old one in Azure.",
            body: [
                .shell("local file=\"$1\""),
                .when("[[ -s \"$file\" ]]", [.shell("info \"the token's password is in $file\""), .shell("return 0")]),
                .when("[[ \"$DRY_RUN\" == 1 ]]", [
                    .shell("printf '# %s >%s (mode 600)\\n' \(shellQuote(generate)) \"$file\""),
                    .shell("return 0"),
                ]),
                .shell("mkdir -p \"$(dirname \"$file\")\""),
                .shell("chmod 700 \"$(dirname \"$file\")\""),
                .shell("log_command \(generate)"),
                .shell("(umask 077 && \(generate) >\"$file.tmp\")"),
                .when("[[ ! -s \"$file.tmp\" ]]", [.shell("rm -f \"$file.tmp\""), .shell("die \"az printed no password for token \(registry.token)\"")]),
                .shell("mv \"$file.tmp\" \"$file\""),
                .shell("info \"made the token's password into $file; k3s/install.sh gives it to every node\""),
            ])
    }
}
