import RegionMesh

/// `setup.sh`: the whole deployment, in order, for a person at a terminal: a preflight that names
/// every missing tool, login and key and creates nothing, then the components' steps by phase.
/// Every step is idempotent, so running the script again after a failure finishes the job.
enum SetupScript {
    static func make(_ plan: Plan, steps: [ScriptStep], environment: [ScriptEnvironment.Variable], checks: [PreflightCheck]) -> Script {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = Script(
            path: ArtifactPaths.setup,
            purpose: [
                "Stands up \(plan.name) from nothing: \(steps.map(\.name).joined(separator: " → ")).",
                "Every step is idempotent: after a failure, run it again (or resume with --from STEP).",
            ],
            done: "\(plan.name) is up")
        script.readsTopologyFolder = true
        script.environment = environment.contains(secrets) ? environment : environment + [secrets]
        script.constants = [
            ScriptConstant(name: "LOG_DIR", value: "\"${REGIONMESH_LOG_DIR:-$\(secrets.name)-logs}\"", doc: "Where run logs are written: next to the secrets folder (REGIONMESH_LOG_DIR overrides).")
        ]
        script.beforeSteps = preflight(plan, checks: checks) + [
            .when("[[ \"$DRY_RUN\" != 1 ]]", [
                .shell("mkdir -p \"$LOG_DIR\""),
                .shell("local log"),
                .shell("log=\"$LOG_DIR/setup-$(date -u +%Y%m%dT%H%M%SZ).log\""),
                .shell("exec > >(tee -a \"$log\") 2> >(tee -a \"$log\" >&2)"),
                .shell("info \"logging this run to $log\""),
            ])
        ]
        script.steps = steps
        return script
    }

    /// Checks tools, logins and keys; names everything missing and creates nothing.
    static func preflight(_ plan: Plan, checks: [PreflightCheck]) -> [ScriptStatement] {
        var body: [ScriptStatement] = [.info("preflight: tools, logins, keys"), .shell("local problems=() problem")]
        for tool in plan.tools {
            let message = "\(tool.name) is not installed; \(tool.hint)"
            body.append(.shell("command -v \(tool.name) >/dev/null 2>&1 || " + (tool.optional ? "info \(shellQuote(message))" : "problems+=(\(shellQuote(message)))")))
        }
        body.append(
            .when("[[ \"$DRY_RUN\" == 1 ]]", [
                .block("for problem in \"${problems[@]}\"; do", [.shell("info \"(dry run) $problem\"")], end: "done"),
                .info("(dry run) skipping the login and key checks"),
                .shell("return 0"),
            ]))
        for check in checks {
            body.append(.shell("\(check.condition) || problems+=(\"\(check.problem)\")"))
        }
        body.append(
            .when("((${#problems[@]} > 0))", [
                .block("for problem in \"${problems[@]}\"; do", [.shell("printf 'error: %s\\n' \"$problem\" >&2")], end: "done"),
                .shell("die 'preflight failed; nothing was created'"),
            ]))
        body.append(.info("all tools present, logged in, keys found"))
        return body
    }
}
