/// What changes in the CockroachDB StatefulSets of the regions both plans have, as setup.sh applies
/// it: one region at a time, each rolled out and healthy before the next.
extension CockroachDatabase {
    public static func changes(from previous: CockroachPlan, to next: CockroachPlan, context: ChangeContext) -> [Change] {
        var changes: [Change] = []
        for key in context.keptRegions {
            guard let old = previous.region(key), let new = next.region(key) else { continue }
            let statefulSet = "StatefulSet \(next.names.statefulSet) in \(key)"
            var reasons: [String] = []
            if previous.joinList != next.joinList { reasons.append("--join lists \(joinChange(previous.joinList, next.joinList))") }
            if old.version != new.version {
                if new.version < old.version {
                    changes.append(.impossible(
                        region: key, "CockroachDB version", changed(old.version, new.version)
                            + ": a cluster whose upgrade is finalized cannot go back",
                        remedy: "keep \(old.version), or restore a backup into a new deployment"))
                } else {
                    reasons.append("upgrade \(changed(old.version, new.version)) (a major upgrade finalizes itself once every node runs it)")
                }
            }
            if old.cpu != new.cpu { reasons.append("CPU \(changed(old.cpu, new.cpu))") }
            if old.memory.bytes != new.memory.bytes { reasons.append("memory \(changed(old.memory, new.memory))") }
            if old.nodeLocalities != new.nodeLocalities || old.locality != new.locality { reasons.append("localities change") }
            if old.certificateHosts != new.certificateHosts {
                reasons.append("node certificate names change (\(nameChange(old.certificateHosts, new.certificateHosts))): certs.sh issues the region's certificate again, and each pod reads it when it restarts")
            }
            if !reasons.isEmpty {
                changes.append(Change(
                    region: key, resource: statefulSet, kind: .rollingRestart,
                    detail: reasons.joined(separator: "; ") + "; one pod at a time, one region at a time, each region ready before the next",
                    restarts: [statefulSet]))
            }
            changes += storageChanges(old, new, statefulSet: statefulSet)
            changes += replicaChanges(old, new)
        }
        return changes
    }

    static func storageChanges(_ old: CockroachRegionPlan, _ new: CockroachRegionPlan, statefulSet: String) -> [Change] {
        let key = new.key
        if old.storageClass != new.storageClass {
            return [.impossible(
                region: key, "storage class", changed(old.storageClass ?? "default", new.storageClass ?? "default")
                    + ": a volume stays in the class it was created in",
                remedy: "keep the old class, or replace the region's nodes one at a time (lower the node count, then raise it)")]
        }
        if new.storage.bytes > old.storage.bytes {
            return [.inPlace(
                region: key, "storage", "\(changed(old.storage, new.storage)) per node: setup re-creates \(statefulSet) without "
                    + "its pods (--cascade=orphan), because a claim template cannot change, and grows each volume claim when "
                    + "the storage class allows expansion; the k3s local-path class does not enforce sizes, so its volumes grow with the disk")]
        }
        if new.storage.bytes < old.storage.bytes {
            return [.impossible(
                region: key, "storage", "\(changed(old.storage, new.storage)) per node: a volume cannot shrink",
                remedy: "keep the size, or replace the region's nodes one at a time (lower the node count, then raise it)")]
        }
        return []
    }

    static func replicaChanges(_ old: CockroachRegionPlan, _ new: CockroachRegionPlan) -> [Change] {
        let key = new.key
        var changes: [Change] = []
        for pod in new.podNames.dropFirst(old.podNames.count) {
            changes.append(Change(region: key, resource: "CockroachDB pod \(pod)", kind: .added, detail: "joins the cluster as a new node"))
        }
        for pod in old.podNames.dropFirst(new.podNames.count).reversed() {
            changes.append(Change(
                region: key, resource: "CockroachDB pod \(pod)", kind: .removed,
                detail: "decommissioned first (its replicas move to the other nodes), then the StatefulSet shrinks and its volume claim is deleted",
                deletesStorage: true))
        }
        return changes
    }

    /// "+a −b" for changed names.
    static func nameChange(_ old: [String], _ new: [String]) -> String {
        (new.filter { !old.contains($0) }.map { "+\($0)" } + old.filter { !new.contains($0) }.map { "−\($0)" }).joined(separator: " ")
    }

    /// "+n -m entries" for a changed join list.
    static func joinChange(_ old: [String], _ new: [String]) -> String {
        let added = new.filter { !old.contains($0) }.count
        let removed = old.filter { !new.contains($0) }.count
        return "change (+\(added) −\(removed) addresses)"
    }
}
