import RegionMesh

/// `teardown.sh`: undoes `setup.sh` after one question: the components' teardown steps (the cloud
/// resources, the kube contexts), then the local secrets, which it keeps unless asked. Safe to run twice.
enum TeardownScript {
    static func make(_ plan: Plan, steps: [ScriptStep]) -> Script {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = Script(
            path: ArtifactPaths.teardown,
            purpose: [
                "Tears down \(plan.name): \(steps.map(\.title).joined(separator: "; ")).",
                "Keeps the local secrets unless --delete-secrets. Asks first (--yes skips the question).",
            ],
            done: "\(plan.name) is torn down")
        script.readsTopologyFolder = true
        script.environment = [ScriptEnvironment.kubeconfig, secrets]
        script.flags = [
            ScriptFlag(
                option: "--delete-secrets", variable: "DELETE_SECRETS",
                help: "also delete the local secrets folder (CA keys, certificates); it stays otherwise, and the run logs always stay")
        ]
        script.beforeSteps = [.info("This will:")] + steps.map { .info("  - \($0.title)") } + [
            .shell("confirm \(shellQuote("Tear down \(plan.name)?")) || die 'not confirmed; nothing was deleted'")
        ]
        script.steps = steps + [
            ScriptStep(name: "secrets", title: "delete the local secrets when asked to; keep them by default", body: [
                .shell("local answer"),
                .when("[[ ! -d \"$\(secrets.name)\" ]]", [
                    .shell("info \"no local secrets at $\(secrets.name)\""),
                    .shell("return 0"),
                ]),
                .when("[[ \"$DELETE_SECRETS\" != 1 && \"$YES\" != 1 && \"$DRY_RUN\" != 1 && -t 0 ]]", [
                    .shell("read -r -p \"Also delete the local secrets in $\(secrets.name) (CA keys, certificates)? [y/N] \" answer"),
                    .when("[[ \"$answer\" == [yY] || \"$answer\" == [yY][eE][sS] ]]", [.shell("DELETE_SECRETS=1")]),
                ]),
                .when(
                    "[[ \"$DELETE_SECRETS\" == 1 ]]", [.run(ShellCommand("rm", "-rf", "--", secrets.word))],
                    otherwise: [.shell("info \"kept the local secrets in $\(secrets.name)\"")]),
            ])
        ]
        return script
    }
}
