import Foundation
import RegionMesh

/// CockroachDB's artifacts: per region the manifests under `clusters/<cluster>/cockroachdb/`
/// (namespace, RBAC, services, disruption budget, StatefulSet), `cockroachdb/certs.sh`
/// (certificates and secrets, made at apply time), `cockroachdb/init.sh` (`cockroach init`), the
/// setup steps that run them, and its README parts.
struct CockroachGenerator: ComponentGenerator {
    let plan: Plan
    let cockroach: CockroachPlan

    /// The sub-folder of the cluster folder.
    static let group = "cockroachdb"
    /// The application name of every CockroachDB object, and of its pods' selector.
    static let appName = "cockroachdb"

    /// The labels of a region's CockroachDB objects.
    static func labels(_ region: CockroachRegionPlan) -> ObjectLabels {
        ObjectLabels(name: appName, component: "database", version: region.version.text)
    }

    /// The labels that select a region's CockroachDB pods (within its namespace).
    static func selector(_ plan: Plan) -> SortedMap<String> {
        ObjectLabels.selector(name: appName, plan: plan)
    }

    func scripts() -> [Script] {
        [
            CockroachCertsScript(plan: plan, cockroach: cockroach).script, CockroachApplyScript(plan: plan, cockroach: cockroach).script,
            CockroachInitScript(plan: plan, cockroach: cockroach).script, CockroachDecommissionScript(plan: plan, cockroach: cockroach).script,
        ]
    }

    func clusterObjects() -> [ClusterObject] {
        plan.regions.flatMap { region in
            let objects = CockroachObjects(plan: plan, cockroach: cockroach, region: region)
            return [
                objects.namespace, objects.serviceAccount, objects.role, objects.roleBinding, objects.publicService,
                objects.headlessService, objects.disruptionBudget, CockroachStatefulSet.object(plan: plan, cockroach: cockroach, region: region),
            ] + (objects.clientService.map { [$0] } ?? [])
        }
    }

    func summary() -> [String] {
        let versions = Set(cockroach.regions.map(\.version.text)).sorted().joined(separator: ", ")
        let perRegion = cockroach.regions.map { "\($0.replicas)" }.joined(separator: "/")
        return ["CockroachDB \(versions): \(cockroach.regions.reduce(0) { $0 + $1.replicas }) nodes (\(perRegion) per region), one cluster across every region"]
    }

    func preflightChecks() -> [PreflightCheck] {
        [
            PreflightCheck(
                condition: "[[ -n \"$COCKROACH_LICENSE\" || -n \"$COCKROACH_LICENSE_FILE\" ]]",
                problem: "no CockroachDB license (COCKROACH_LICENSE or COCKROACH_LICENSE_FILE): since v24.3 a cluster without one is throttled after a 7-day grace period (https://www.cockroachlabs.com/docs/stable/licensing-faqs)",
                isWarning: true),
            PreflightCheck(
                condition: "[[ -z \"$COCKROACH_LICENSE_FILE\" || -r \"$COCKROACH_LICENSE_FILE\" ]]",
                problem: "the CockroachDB license file $COCKROACH_LICENSE_FILE cannot be read"),
            PreflightCheck(
                condition: "[[ -z \"$COCKROACH_LICENSE$COCKROACH_LICENSE_FILE\" || -n \"$COCKROACH_ORGANIZATION\" ]]",
                problem: "a CockroachDB license is issued to an organization: set COCKROACH_ORGANIZATION to its name exactly as on the license"),
        ]
    }

    func clusterFolderNotes() -> [String] {
        ["Apply it after \(CockroachCertsScript.path) (which creates the Secrets the StatefulSet mounts)."]
    }

    func setupSteps() -> [PhasedStep] {
        [
            PhasedStep(
                phase: .decommission,
                step: ScriptStep(
                    name: "decommission", title: "decommission the CockroachDB nodes the plan no longer has, before anything changes",
                    body: [.runScript(path: CockroachDecommissionScript.path, arguments: [])])),
        ] + [
            ScriptStep(name: "certificates", title: "CockroachDB certificates and secrets", body: [.runScript(path: CockroachCertsScript.path, arguments: [])]),
            ScriptStep(
                name: "cockroachdb", title: "the cluster folders, one region at a time; where CockroachDB runs, each region rolled out before the next",
                body: [.runScript(path: CockroachApplyScript.path, arguments: [])]),
            ScriptStep(name: "init", title: "cockroach init, once", body: [.runScript(path: CockroachInitScript.path, arguments: [])]),
            ScriptStep(name: "verify", title: "every CockroachDB node of every region is live", body: verify),
        ].map { PhasedStep(phase: .database, step: $0) }
    }

    var verify: [ScriptStatement] {
        var body: [ScriptStatement] = plan.regions.map { region in
            .waitUntil(
                "all \(cockroach[region].replicas) CockroachDB pods of \(region.key) are ready", timeout: 900,
                ScriptEnvironment.kubectl(region.cluster.contextWord, ["rollout", "status", .literal("statefulset/\(cockroach.names.statefulSet)")])
                    .option("--namespace", .literal(region.namespace)).option("--timeout=20s"))
        }
        body.append(.info("CockroachDB is up. To connect from this machine:"))
        body.append(.shell("info \"  \(portForward.oneLine.replacingEvery("\"", with: "\\\""))\""))
        body.append(.shell("info \"  cockroach sql --certs-dir \\\"$REGIONMESH_SECRETS_DIR/\(certsFolder)\\\" --host localhost:\(cockroach.port)\""))
        body.append(.info("  DB Console: https://localhost:\(cockroach.httpPort)"))
        return body
    }

    /// The folder of the CA and root client certificates inside the secrets folder.
    var certsFolder: String { CockroachCertsScript(plan: plan, cockroach: cockroach).certsFolder }

    /// `kubectl port-forward` of the first region's public service.
    var portForward: ShellCommand {
        let first = plan.regions[0]
        return ScriptEnvironment.kubectl(
            first.cluster.contextWord,
            ["port-forward", .literal("service/\(cockroach.names.publicService)"), .literal("\(cockroach.port)"), .literal("\(cockroach.httpPort)")]
        ).option("--namespace", .literal(first.namespace))
    }

    /// How the license reaches the cluster, and what happens without one.
    var licenseSection: String {
        """
        Since v24.3 CockroachDB needs a license key: a cluster without one has a 7-day grace period, then is \
        throttled (https://www.cockroachlabs.com/docs/stable/licensing-faqs). Give the key in `COCKROACH_LICENSE` or a \
        file named by `COCKROACH_LICENSE_FILE`, and the organization it is issued to in `COCKROACH_ORGANIZATION`. \
        After `cockroach init`, `\(CockroachInitScript.path)` sets `cluster.organization` and `enterprise.license` \
        once (setting them again changes nothing); the SQL reaches the pod on standard input, so the key is in no \
        command line, log or file of this folder. Without a key, `setup.sh` warns and asks before it creates \
        anything; add it later with `COCKROACH_LICENSE_FILE=… COCKROACH_ORGANIZATION=… ./\(CockroachInitScript.path) --only license`.
        """
    }

    var dayTwoDecommission: String {
        """
        **Database nodes first.** `\(CockroachDecommissionScript.path)` asks the running cluster which CockroachDB \
        nodes are not pods of the plan (a removed region, the pods a shrinking StatefulSet drops) and decommissions \
        them with `cockroach node decommission --wait=all`, which moves their replicas first and refuses (its \
        pre-flight checks) when the other nodes cannot take them. The script refuses first when a database still has a \
        region that goes (`ALTER DATABASE … DROP REGION` is your decision) or survives region failure with fewer than \
        three regions left. A StatefulSet then shrinks, highest ordinal first, and the claims of the pods it drops are \
        deleted: a decommissioned node's store must never start again. A pod of the plan on a machine the plan removes \
        is decommissioned and started again on a machine that stays, one at a time.
        """
    }

    var dayTwoRollout: String {
        """
        **One region at a time.** `\(CockroachApplyScript.path)` applies each cluster folder in turn; where CockroachDB \
        runs, a changed pod template (a new region's join addresses, an upgrade, CPU or memory) rolls through the \
        region's pods one by one, and the next region starts only when this one is rolled out and no range is \
        under-replicated. More storage re-creates the StatefulSet without its pods (`--cascade=orphan`, because a claim \
        template cannot change) and grows the claims where the storage class allows; k3s' local-path volumes are not \
        limited to their claims and grow with the data disks.
        """
    }

    func readme() -> ReadmeContribution {
        let secrets = ScriptEnvironment.secretsDirectory(plan)
        let first = plan.regions[0]
        var readme = ReadmeContribution()
        readme.overview = "CockroachDB runs \(cockroach.regions.map { "\($0.replicas)" }.joined(separator: "/")) nodes per region"
        readme.version = { "CockroachDB \(cockroach[$0].image)" }
        readme.gitOpsPrerequisites = [
            "the Secrets `\(cockroach.names.nodeSecret)` and `\(cockroach.names.clientSecret)` in each region's namespace, before its pods start: `./\(CockroachCertsScript.path)`;",
            "once every region's pods run, `cockroach init` and the license, once: `./\(CockroachInitScript.path)`.",
        ]
        readme.regionColumns = [
            ("CockroachDB", { cockroach[$0].version.text }),
            ("Database nodes", { "\(cockroach[$0].replicas)" }),
            ("CPU per node", { "\(cockroach[$0].cpu)" }),
            ("Memory per node", { "\(cockroach[$0].memory)" }),
            ("Storage per node", { "\(cockroach[$0].storage)" }),
        ]
        readme.afterSetup = [
            """
            To connect once it is up:

            ```sh
            kubectl --context \(first.cluster.context) --namespace \(first.namespace) port-forward service/\(cockroach.names.publicService) \(cockroach.port) \(cockroach.httpPort)
            cockroach sql --certs-dir "\(secrets.defaultValue)/\(certsFolder)" --host localhost:\(cockroach.port)
            ```
            """
        ]
        if let clients = plan.clientRegions.first, let access = clients.clientAccess {
            let names = plan.provider.facts.clientHostNames(ofRegion: clients.key)
            readme.afterSetup.append(
                """
                From the client access list, through the global name (the node certificates carry \(names.map { "`\($0)`" }.joined(separator: " and ")) \
                and each region's own front-end name, so TLS verifies against the CA):

                ```sh
                cockroach sql --certs-dir "\(secrets.defaultValue)/\(certsFolder)" --host \(names[0]):\(access.port(.sql).port)
                ```
                """)
        }
        readme.sections = [CockroachJoinList.readmeSection(cockroach), ("CockroachDB license", licenseSection)]
        readme.clusterFolderContents = ["the CockroachDB objects"]
        readme.secretItems = ["the CockroachDB CA, node and client certificates"]
        readme.secrets = [
            "the CockroachDB Secrets `\(cockroach.names.nodeSecret)` and `\(cockroach.names.clientSecret)` must exist in each region namespace before its pods start."
        ]
        readme.files = [
            ("`\(CockroachCertsScript.path)`, `\(CockroachInitScript.path)`", "CockroachDB certificates and secrets; `cockroach init`"),
            ("`\(CockroachApplyScript.path)`", "the cluster folders, one region at a time, each rolled out and healthy before the next"),
            ("`\(CockroachDecommissionScript.path)`", "CockroachDB nodes the plan no longer has, decommissioned before anything changes"),
        ]
        readme.dayTwo = [(.decommission, dayTwoDecommission), (.database, dayTwoRollout)]
        return readme
    }
}
