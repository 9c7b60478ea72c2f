/// What changes in the k3s clusters of the regions both plans have, as setup.sh applies it.
extension K3sDistribution {
    public static func changes(from previous: K3sPlan, to next: K3sPlan, context: ChangeContext) -> [Change] {
        var changes: [Change] = []
        if previous.apiPort != next.apiPort {
            changes.append(.impossible(
                region: nil, "API port", changed(previous.apiPort, next.apiPort) + ": every server and kubeconfig uses it",
                remedy: "keep the old port"))
        }
        if previous.dnsImage != next.dnsImage, !context.keptRegions.isEmpty {
            changes.append(Change(
                region: nil, resource: "DNS image", kind: .rollingRestart,
                detail: changed(previous.dnsImage, next.dnsImage) + "; a new replica is ready before an old one stops, so names keep resolving",
                restarts: context.keptRegions.map { "Deployment coredns of \(context.next.region($0)?.cluster.name ?? $0)" }))
        }
        if previous.registryMirror != next.registryMirror, !context.keptRegions.isEmpty {
            changes.append(registryChange(previous.registryMirror, next.registryMirror))
        }
        for key in context.keptRegions {
            guard let old = previous.region(key), let new = next.region(key) else { continue }
            if old.release != new.release {
                changes.append(.impossible(
                    region: key, "k3s release", changed(old.release, new.release) + ": setup.sh installs k3s only on servers that do not have it",
                    remedy: "upgrade the existing servers one at a time first (https://docs.k3s.io/upgrades/manual), then apply"))
            }
            // The pod and service ranges and the node addresses are in the flags; their change is the core's.
            guard !context.addressesChanged(key) else { continue }
            if old.clusterFlags != new.clusterFlags {
                changes.append(.impossible(
                    region: key, "k3s server flags", flagChanges(old.clusterFlags, new.clusterFlags)
                        + ": servers keep the flags they were installed with, and k3s refuses a server whose critical flags differ",
                    remedy: "keep the old settings, or remove the region and add it back"))
            }
            for (index, (before, after)) in zip(old.nodeFlags, new.nodeFlags).enumerated() where before != after {
                let name = context.next.region(key)?.nodes[safe: index]?.name ?? "node \(index + 1)"
                changes.append(.impossible(
                    region: key, "k3s flags of \(name)", flagChanges(before, after) + ": a server keeps the flags it was installed with",
                    remedy: "remove the node (lower the node count, applied), then add it back (a second change)"))
            }
        }
        return changes
    }

    /// "adds --a; drops --b" for the flags added and removed.
    static func flagChanges(_ old: [String], _ new: [String]) -> String {
        let added = new.filter { !old.contains($0) }
        let dropped = old.filter { !new.contains($0) }
        return [added.isEmpty ? nil : "adds " + added.joined(separator: " "), dropped.isEmpty ? nil : "drops " + dropped.joined(separator: " ")]
            .compactMap { $0 }.joined(separator: "; ")
    }
}

extension Array {
    /// The element at `index`, or nil past the end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension K3sDistribution {
    /// What the nodes of the kept clusters do when the registry they pull through changes.
    static func registryChange(_ old: ImageMirror?, _ new: ImageMirror?) -> Change {
        let file = K3sRegistryConfiguration.path
        switch (old, new) {
        case (nil, .some(let mirror)):
            return Change(
                region: nil, resource: "registry mirror", kind: .inPlace,
                detail: "every node pulls \(mirror.upstreams.joined(separator: ", ")) images through \(mirror.host): \(file) is written on each node and k3s restarts there, one node at a time (its pods keep running)")
        case (.some(let mirror), nil):
            return Change(
                region: nil, resource: "registry mirror", kind: .inPlace,
                detail: "the nodes keep \(file) naming \(mirror.host); once that registry is gone they pull from \(mirror.upstreams.joined(separator: ", ")) again (containerd falls back to the default endpoint); delete the file and restart k3s on each node to stop trying it")
        default:
            return Change(
                region: nil, resource: "registry mirror", kind: .inPlace,
                detail: "\(old?.host ?? "") → \(new?.host ?? ""): \(file) is rewritten on each node and k3s restarts there, one node at a time (its pods keep running)")
        }
    }
}
