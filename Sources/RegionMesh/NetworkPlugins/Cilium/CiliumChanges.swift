/// What changes in the Cilium releases of the regions both plans have, as setup.sh applies it.
extension CiliumNetworkPlugin {
    public static func changes(from previous: CiliumPlan, to next: CiliumPlan, context: ChangeContext) -> [Change] {
        var changes: [Change] = []
        if previous.certificateRenewal != next.certificateRenewal {
            changes.append(.inPlace(region: nil, "certificate renewal", changed(previous.certificateRenewal, next.certificateRenewal)))
        }
        for key in context.keptRegions {
            guard let old = previous.region(key), let new = next.region(key) else { continue }
            if old.version != new.version {
                changes.append(Change(
                    region: key, resource: "Cilium release", kind: .rollingRestart,
                    detail: changed(old.version, new.version) + " (helm upgrade); pods keep their connections while an agent restarts",
                    restarts: ["DaemonSet cilium", "Deployment cilium-operator", "Deployment clustermesh-apiserver"]))
            }
            if old.routingMode != new.routingMode || old.tunnelProtocol != new.tunnelProtocol {
                changes.append(.impossible(
                    region: key, "pod routing",
                    "\(old.routingMode.rawValue)/\(old.tunnelProtocol.rawValue) → \(new.routingMode.rawValue)/\(new.tunnelProtocol.rawValue): "
                        + "every connection between pods breaks while the agents switch",
                    remedy: "keep the old routing, or remove the region and add it back"))
            }
            if old.peers != new.peers || old.meshPort != new.meshPort {
                let before = Set(old.peers.map(\.name))
                let after = Set(new.peers.map(\.name))
                let names = after.subtracting(before).sorted().map { "+\($0)" } + before.subtracting(after).sorted().map { "-\($0)" }
                changes.append(.inPlace(
                    region: key, "ClusterMesh peers",
                    (names.isEmpty ? "peer addresses change" : names.joined(separator: " ")) + " (helm upgrade); the agents follow without a restart"))
            }
        }
        return changes
    }
}
