import RegionMesh

/// `setup.sh`: the whole deployment, in order, for a person at a terminal: a preflight that names
/// every missing tool, login and key and creates nothing, then the components' steps by phase.
/// Every step is idempotent, so running the script again after a failure finishes the job.
enum SetupScript {
    static func make(
        _ plan: Plan, steps: [ScriptStep], environment: [ScriptEnvironment.Variable], checks: [PreflightCheck], summary: [String]
    ) -> Script {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        var script = Script(
            path: ArtifactPaths.setup,
            purpose: [
                "Stands up \(plan.name) from nothing: \(steps.map(\.name).joined(separator: " → ")).",
                "Every step is idempotent: after a failure, run it again (or resume with --from STEP).",
            ],
            done: "\(plan.name) is up")
        script.readsTopologyFolder = true
        script.environment = (environment.contains(secrets) ? environment : environment + [secrets]) + [adminAddress, logDirectory]
        script.helpers = addressHelpers
        script.constants = [
            ScriptConstant(name: "LOG_DIR", value: "\"${REGIONMESH_LOG_DIR:-$\(secrets.name)-logs}\"", doc: "Where run logs are written."),
            ScriptConstant(
                name: "REGIONMESH_SECRET_VARS", value: shellQuote(script.environment.filter(\.isSecret).map(\.name).joined(separator: " ")),
                doc: "The variables whose values no log shows."),
        ]
        script.beforeSteps = preflight(plan, checks: checks) + [
            .shell("banner \(shellQuote("What setup.sh will create or bring to the plan"))")
        ] + summary.map { .info($0) } + [
            .shell("confirm \(shellQuote("Create or update \(plan.name) as above?")) || die 'not confirmed; nothing was created'"),
            .when("[[ \"$DRY_RUN\" != 1 ]]", [
                .shell("mkdir -p \"$LOG_DIR\""),
                .shell("REGIONMESH_LOG_FILE=\"$LOG_DIR/setup-$(date -u +%Y%m%dT%H%M%SZ).log\""),
                .shell("exec > >(tee -a \"$REGIONMESH_LOG_FILE\") 2> >(tee -a \"$REGIONMESH_LOG_FILE\" >&2)"),
                .shell("info \"logging this run, and every command it runs, to $REGIONMESH_LOG_FILE\""),
            ]),
            .shell("export REGIONMESH_LOG_FILE REGIONMESH_SECRET_VARS"),
        ]
        script.steps = steps
        return script
    }

    /// Checks tools, logins and keys; names everything missing and creates nothing.
    static func preflight(_ plan: Plan, checks: [PreflightCheck]) -> [ScriptStatement] {
        var body: [ScriptStatement] = [.info("preflight: tools, logins, keys"), .shell("local problems=() warnings=() problem")]
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
            body.append(.shell("\(check.condition) || \(check.isWarning ? "warnings" : "problems")+=(\"\(check.problem)\")"))
        }
        body += adminAccessCheck(plan)
        body.append(
            .when("((${#problems[@]} > 0))", [
                .block("for problem in \"${problems[@]}\"; do", [.shell("printf 'error: %s\\n' \"$problem\" >&2")], end: "done"),
                .shell("die 'preflight failed; nothing was created'"),
            ]))
        body.append(.info("all tools present, logged in, keys found"))
        body.append(
            .when("((${#warnings[@]} > 0))", [
                .block("for problem in \"${warnings[@]}\"; do", [.shell("printf 'warning: %s\\n' \"$problem\" >&2")], end: "done"),
                .shell("confirm 'Go on despite the warnings above?' || die 'not confirmed; nothing was created'"),
            ]))
        return body
    }

    /// Where run logs go.
    static let logDirectory = ScriptEnvironment.Variable(
        name: "REGIONMESH_LOG_DIR", doc: "Where setup.sh writes the log of each run (empty: next to the secrets folder).", defaultValue: "")

    /// The address this machine reaches the nodes from, when it cannot be found out.
    static let adminAddress = ScriptEnvironment.Variable(
        name: "REGIONMESH_ADMIN_IP",
        doc: "This machine's public address, as the nodes see it; found with https://api.ipify.org when empty.",
        defaultValue: "")

    /// The preflight's check that this machine's public address is in every region's `AdminAccess`:
    /// otherwise SSH and the Kubernetes API refuse it after the machines exist.
    static func adminAccessCheck(_ plan: Plan) -> [ScriptStatement] {
        var sourceSets: [[SourceRange]] = []
        for region in plan.regions where !sourceSets.contains(region.adminAccess.sources) {
            sourceSets.append(region.adminAccess.sources)
        }
        var body: [ScriptStatement] = [
            .shell("local address"),
            .shell("address=\"${REGIONMESH_ADMIN_IP:-$(curl -fsS --max-time 10 https://api.ipify.org 2>/dev/null || true)}\""),
        ]
        var checks: [ScriptStatement] = []
        for sources in sourceSets where !sources.contains(where: \.isAnyAddress) {
            let list = sources.map(\.description).joined(separator: ", ")
            let regions = plan.regions.filter { $0.adminAccess.sources == sources }.map { "'\($0.key)'" }.joined(separator: ", ")
            checks.append(
                .when(
                    "! address_in \"$address\" \(sources.map { shellQuote($0.description) }.joined(separator: " "))",
                    [
                        .shell(
                            "problems+=(\"this machine's public address $address is not in AdminAccess (\(list)) of regions \(regions): SSH and the Kubernetes API would refuse it. Put '$address/32' (or your network's range) into AdminAccess(from:), generate again, and rerun\")"
                        )
                    ]))
        }
        guard !checks.isEmpty else { return [] }
        body.append(
            .when(
                "[[ ! \"$address\" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$ ]]",
                [.shell("problems+=(\"cannot find this machine's public address (https://api.ipify.org did not answer); set REGIONMESH_ADMIN_IP to it\")")],
                otherwise: checks))
        return body
    }

    /// Address arithmetic for the admin-access check.
    static var addressHelpers: [ShellFunction] {
        [
        ShellFunction(name: "address_number", doc: "Prints IPv4 address $1 as a number.", body: [
            .shell("local IFS=. a b c d"),
            .shell("read -r a b c d <<<\"$1\""),
            .shell("printf '%s\\n' \"$(((a << 24) | (b << 16) | (c << 8) | d))\""),
        ]),
        ShellFunction(name: "address_in", doc: "Succeeds when IPv4 address $1 lies in one of the CIDR blocks after it.", body: [
            .shell("local address network bits range"),
            .shell("address=\"$(address_number \"$1\")\""),
            .shell("shift"),
            .block("for range in \"$@\"; do", [
                .shell("network=\"$(address_number \"${range%/*}\")\""),
                .shell("bits=\"${range#*/}\""),
                .shell("((bits == 0 || (address >> (32 - bits)) == (network >> (32 - bits)))) && return 0"),
            ], end: "done"),
            .shell("return 1"),
        ]),
    ]
    }
}
