import Foundation
import RegionMesh

/// `README.md` of a deployment: what it is, its address plan, clusters and nodes, how the regions
/// reach each other, what each component adds, the order to run things, how GitOps applies it,
/// and where the secrets are. Written from the Plan and the components' contributions only, so a
/// reviewer reads a pull request's effect from this file's diff.
enum DeploymentReadme {
    static func artifact(
        _ plan: Plan, lastChange: ChangePlan, contributions: [ReadmeContribution], scripts: [Script], context: GenerationContext
    ) -> Artifact {
        Artifact(
            path: ArtifactPaths.readme,
            contents: render(plan, lastChange: lastChange, contributions: contributions, scripts: scripts, context: context))
    }

    static func render(
        _ plan: Plan, lastChange: ChangePlan, contributions: [ReadmeContribution], scripts: [Script],
        context: GenerationContext = GenerationContext()
    ) -> String {
        let provider = plan.provider.facts.conventions
        let phrases = contributions.compactMap(\.overview)
        let overview = phrases.count > 1 ? phrases.dropLast().joined(separator: ", ") + "; " + phrases[phrases.count - 1] : phrases.joined()
        let admin = Set(plan.regions.flatMap { $0.adminAccess.sources.map(\.description) }).sorted().joined(separator: ", ")
        let adminPorts = plan.regions.first.map { ports(of: $0) } ?? ""
        let setup = scripts.first { $0.path == ArtifactPaths.setup }
        let stepScripts = (setup?.steps ?? []).flatMap(\.body).compactMap { statement -> String? in
            if case .runScript(let path, _) = statement { path } else { nil }
        }
        let secretsFolder = ScriptEnvironment.secretsDirectory(plan)
        var text = """
            \(FileHeader(plan, context: context).markdown)
            # \(plan.name)

            \(plan.summary.isEmpty ? "A multi-region CockroachDB deployment." : plan.summary + ".")

            \(overview). \(versionsSentence(plan, contributions))

            \(TopologyDiagram.markdown(plan, links: contributions.flatMap(\.diagramLinks)))
            ## Last change

            \(ChangeSummary.markdown(lastChange, plan: plan, command: context.generateCommand))
            ## Regions

            \(regionsTable(plan, contributions).markdown)
            ## Address plan

            \(PlanTables.addressPlan(plan).markdown)
            Every \(provider.networkTerm), pod and service range is disjoint from every other. Node private IPs are pinned, \
            so the mesh peers and the DNS forwarders below are known before anything runs.

            ## Nodes

            \(nodesTable(plan, contributions).markdown)
            ## Cross-region traffic

            \(trafficTable(plan, contributions).markdown)
            \((contributions.flatMap(\.trafficNotes) + ["From the Internet, \(adminPorts) are open to: \(admin)."]).joined(separator: " "))

            """
        for (title, markdown) in contributions.flatMap(\.sections) {
            text += "\n## \(title)\n\n\(markdown.trimmingLineBreaks())\n\n"
        }
        text += """
            ## Run it

            You need \(toolList(plan)). \(contributions.flatMap(\.prerequisites).joined(separator: " "))

            ```sh
            ./setup.sh --dry-run     # print every command, run none
            ./setup.sh               # stand everything up; safe to run again after a failure
            ./setup.sh --from k3s    # resume at a step
            ./teardown.sh            # delete everything setup.sh created (asks first)
            ```

            `setup.sh` runs, in order:

            """
        for (index, step) in (setup?.steps ?? []).enumerated() {
            text += "\(index + 1). `\(step.name)`: \(step.title)\n"
        }
        text += """

            Each step is one of the scripts in this folder (\(stepScripts.map { "`\($0)`" }.joined(separator: ", "))) or a \
            `kubectl apply` of a cluster folder; each can run on its own (`--help` lists its steps and options), and each \
            prints its commands instead of running them with `--dry-run`. \(contributions.flatMap(\.runNotes).joined(separator: " "))

            \(contributions.flatMap(\.afterSetup).joined(separator: "\n\n"))

            ## Changing a running deployment

            Change the topology and run `\(context.generateCommand)`: it compares the new plan with `plan.json` and prints the \
            change plan (kept in `change-plan.json` and under "Last change" above, so the pull request shows it): what \
            `setup.sh` will add, remove, change in place, restart, or cannot change in place, with what to do instead. A \
            change that cannot be made in place or deletes machines or volumes is refused unless acknowledged with \
            `\(context.generateCommand) --allow-destructive-changes`. Then run `./setup.sh` again (`--dry-run` first): every step \
            brings what exists to the plan, and what the plan no longer has is found in the running deployment rather than \
            in an earlier plan, so a run converges from whatever state it starts in, in this order:

            \(dayTwo(contributions))

            ## Environment variables

            Every script reads these; `setup.sh` passes them on to the scripts it runs.

            \(environmentTable(plan, scripts: scripts).markdown)
            ## GitOps

            Each `clusters/<cluster>/` folder is a Kustomization: `kubectl apply -k clusters/<cluster>`, a Flux \
            `Kustomization` with `path: ./\(context.repositoryPath(of: "clusters", in: plan))/<cluster>`, or an Argo CD `Application` with that \
            path can take it as it is. It holds \(list(contributions.flatMap(\.clusterFolderContents))). \
            \(contributions.flatMap(\.gitOps).joined(separator: " "))

            `\(GitOpsArtifacts.folder)/` holds those controller objects, ready to apply: for Flux, a folder per cluster to \
            bootstrap it with (a `Kustomization` of its cluster folder and a `HelmRelease` per chart with its \
            `HelmRepository` and the cluster's values); for Argo CD, ApplicationSets with one Application per cluster. \
            `\(GitOpsArtifacts.folder)/README.md` says what must exist in the clusters before a controller applies them.

            ## Secrets

            Nothing secret is in this folder. At apply time the scripts create \(list(contributions.flatMap(\.secretItems))) in \
            `\(secretsFolder.defaultValue)` (set `\(secretsFolder.name)` to move it), outside any git repository, and load them \
            into the clusters as Secrets. \(contributions.flatMap(\.secrets).joined(separator: " ")) `teardown.sh` keeps the \
            secrets unless given `--delete-secrets`.

            ## Files

            | File | Purpose |
            | --- | --- |
            | `plan.json` | every resolved name, address, ID and port |
            | `change-plan.json` | the last change plan: what changed against the plan generated before, and how `setup.sh` applies it |
            | `setup.sh`, `teardown.sh` | the whole deployment, and its removal |

            """
        for (path, purpose) in contributions.flatMap(\.files) {
            text += "| \(path) | \(purpose) |\n"
        }
        text += """
            | `\(GitOpsArtifacts.folder)/` | Flux and Argo CD objects that apply the cluster folders and charts from git; what must exist first |
            | `clusters/<cluster>/` | per-cluster Kustomization and \(list(contributions.flatMap(\.clusterFolderFiles))) |
            | `.regionmesh-manifest.json` | what regionmesh wrote, with hashes (hand edits are detected) |
            """
        return text
    }

    /// The components' day-two paragraphs in the order `setup.sh` gets to them.
    static func dayTwo(_ contributions: [ReadmeContribution]) -> String {
        contributions.enumerated()
            .flatMap { component, contribution in contribution.dayTwo.map { (phase: $0.phase, component: component, text: $0.markdown) } }
            .sorted { ($0.phase.rawValue, $0.component) < ($1.phase.rawValue, $1.component) }
            .map { $0.text.trimmingLineBreaks() }
            .joined(separator: "\n\n")
    }

    /// "SSH (22), the Kubernetes API (6443) and the NodePorts (30000–32767)".
    static func ports(of region: RegionPlan) -> String {
        list(region.adminAccess.ports.map { "\($0.title) (\($0.ports.description.replacingEvery("-", with: "–")))" })
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count > 1 ? items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1] : items.joined()
    }

    /// The required tools, "`a`, `b` and `c`", and the optional ones.
    static func toolList(_ plan: Plan) -> String {
        let required = plan.tools.filter { !$0.optional }.map { "`\($0.name)`" }
        let optional = plan.tools.filter(\.optional).map { "`\($0.name)`" }
        return list(required) + (optional.isEmpty ? "" : " (\(optional.joined(separator: ", ")) is optional: it adds checks)")
    }

    /// Every variable any script reads, with its default.
    static func environmentTable(_ plan: Plan, scripts: [Script]) -> TextTable {
        var variables: [ScriptEnvironment.Variable] = []
        for variable in scripts.flatMap(\.environment) + ScriptEnvironment.runtime where !variables.contains(variable) {
            variables.append(variable)
        }
        return TextTable(
            header: ["Variable", "Default", "What it is"],
            rows: variables.map { ["`\($0.name)`", $0.defaultValue.isEmpty ? "—" : "`\($0.defaultValue)`", $0.doc] })
    }

    /// "Versions: k3s …, Cilium …, CockroachDB …." when every region runs the same, else each
    /// region's versions.
    static func versionsSentence(_ plan: Plan, _ contributions: [ReadmeContribution]) -> String {
        let perRegion = plan.regions.map { region in (region.key, contributions.compactMap { $0.version?(region) }.joined(separator: ", ")) }
        if Set(perRegion.map(\.1)).count <= 1 { return "Versions: \(perRegion.first?.1 ?? "")." }
        return "Versions differ between regions: " + perRegion.map { "\($0.0) runs \($0.1)" }.joined(separator: "; ") + "."
    }

    /// Per region: its nodes, and the components' columns (machine size and image, versions, the
    /// database's CPU, memory and storage).
    static func regionsTable(_ plan: Plan, _ contributions: [ReadmeContribution]) -> TextTable {
        let columns = contributions.flatMap(\.regionColumns)
        return TextTable(
            header: ["Region", "Nodes"] + columns.map(\.header),
            rows: plan.regions.map { region in [region.key, "\(region.nodes.count)"] + columns.map { $0.value(region) } })
    }

    static func nodesTable(_ plan: Plan, _ contributions: [ReadmeContribution]) -> TextTable {
        let columns = contributions.flatMap(\.nodeColumns)
        return TextTable(
            header: ["Node", "Region", "Private IP"] + columns.map(\.header),
            rows: plan.regions.flatMap { region in
                region.nodes.map { node in [node.name, region.key, "\(node.privateIP)"] + columns.map { $0.value(region, node) } }
            })
    }

    static func trafficTable(_ plan: Plan, _ contributions: [ReadmeContribution]) -> TextTable {
        let columns = contributions.flatMap(\.trafficColumns)
        return TextTable(
            header: ["Cluster"] + columns.map(\.header) + ["DNS (NodePort, UDP and TCP)", "Forwards DNS zones of"],
            rows: plan.regions.map { region in
                [region.cluster.name] + columns.map { $0.value(region) } + ["\(region.nodePort(.dns))", forwardedZones(region, in: plan)]
            })
    }

    /// The most zones a cell of the traffic table lists; past that (the list grows with the square
    /// of the region count) it says whose zones they are.
    static let zonesListed = 8

    /// The zones `region` forwards, as a table cell.
    static func forwardedZones(_ region: RegionPlan, in plan: Plan) -> String {
        let forwarders = region.dnsForwarders
        if forwarders.isEmpty { return "—" }
        if forwarders.count > zonesListed, forwarders.count == plan.regions.count - 1 {
            return "every other region's (\(forwarders.count)): `<region>.svc.\(plan.clusterDomain)`"
        }
        return forwarders.map { "`\($0.zone)`" }.joined(separator: ", ")
    }
}
