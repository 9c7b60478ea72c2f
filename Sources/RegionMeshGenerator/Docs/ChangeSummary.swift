import RegionMesh

/// The change plan as people read it: lines for the terminal, a section for the generated README.
public enum ChangeSummary {
    /// The terminal summary of `changes` for the plan `plan`, region by region, resource by resource.
    public static func lines(_ changes: ChangePlan, plan: Plan, recordPath: String) -> [String] {
        switch changes.baseline {
        case .none:
            return ["\(changes.topology): first generation (no \(recordPath)): setup.sh creates everything"]
        case .plan, .corePlan:
            break
        }
        var lines = ["\(changes.topology): \(changes.isEmpty ? "no change" : headline(changes)) against \(recordPath)"]
        if changes.baseline == .corePlan {
            lines.append("  (\(recordPath) is in another format than this RegionMesh writes: only regions, clusters, address ranges and nodes were compared)")
        }
        for group in changes.grouped(regionOrder: plan.regions.map(\.key)) {
            lines.append("  " + (group.region.map { "region \($0)" } ?? "deployment"))
            let width = group.changes.map { $0.resource.count }.max() ?? 0
            for change in group.changes {
                let kind = "\(symbol(change.kind)) \(change.kind.title)".padded(to: 22)
                lines.append("    \(kind)\(change.resource.padded(to: width))  \(change.detail)")
                if !change.restarts.isEmpty && change.restarts != [change.resource] {
                    lines.append("      restarts: \(change.restarts.joined(separator: ", "))")
                }
                if let remedy = change.remedy { lines.append("      instead: \(remedy)") }
            }
        }
        return lines
    }

    /// "5 changes (1 added, 1 removed, …)".
    public static func headline(_ changes: ChangePlan) -> String {
        let counts = changes.counts.map { "\($0.count) \($0.kind.title)" }.joined(separator: ", ")
        return "\(changes.changes.count) change\(changes.changes.count == 1 ? "" : "s") (\(counts))"
    }

    /// The README section: the last change of the plan, so a pull request shows what applying it does.
    static func markdown(_ changes: ChangePlan, plan: Plan, command: String = GenerationContext().generateCommand) -> String {
        switch changes.baseline {
        case .none:
            return "First generation: `setup.sh` creates everything below.\n"
        case .plan, .corePlan:
            break
        }
        let compared = changes.baseline == .corePlan
            ? " (it was in another format, so only regions, clusters, address ranges and nodes were compared)" : ""
        guard !changes.isEmpty else { return "No change against the plan generated before\(compared).\n" }
        var text = "Against the plan generated before\(compared) (\(headline(changes))), applying this folder with `setup.sh` does:\n\n"
        let rows = changes.grouped(regionOrder: plan.regions.map(\.key)).flatMap { group in
            group.changes.map { change in
                var what = change.detail
                if !change.restarts.isEmpty && change.restarts != [change.resource] {
                    what += ". Restarts: \(change.restarts.joined(separator: ", "))"
                }
                if let remedy = change.remedy { what += ". Instead: \(remedy)" }
                return [group.region ?? "all", change.kind.title, change.resource, what]
            }
        }
        text += TextTable(header: ["Region", "Change", "Resource", "What happens"], rows: rows).markdown
        if !changes.needingAcknowledgement.isEmpty {
            text += "\n\(changes.needingAcknowledgement.count) of these cannot be made in place or delete storage; they were "
                + "acknowledged with `\(command) --allow-destructive-changes`.\n"
        }
        return text
    }

    static func symbol(_ kind: Change.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .inPlace: "~"
        case .rollingRestart: "↻"
        case .recreate: "-/+"
        case .impossible: "!"
        }
    }
}
