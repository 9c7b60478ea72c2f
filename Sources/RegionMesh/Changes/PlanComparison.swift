/// Compares the plan a topology was last generated with against its new plan, and says what
/// setup.sh will do about each difference.
public enum PlanComparison {
    /// The changes from `previous` to `next`: the core's (regions, clusters, addresses, nodes,
    /// access), then each component's for the regions both plans have.
    public static func changes(from previous: PreviousPlan, to next: Plan) -> ChangePlan {
        switch previous {
        case .none:
            return ChangePlan(topology: next.name, baseline: .none, changes: [])
        case .core(let record):
            return ChangePlan(topology: next.name, baseline: .corePlan, changes: CoreChanges.between(record, CorePlanRecord(next)))
        case .plan(let plan):
            var changes = CoreChanges.between(CorePlanRecord(plan), CorePlanRecord(next))
            changes += CoreChanges.access(from: plan, to: next)
            changes += ComponentRegistry.changes(from: plan, to: next)
            return ChangePlan(topology: next.name, baseline: .plan, changes: changes)
        }
    }
}

/// The core's changes: regions added and removed, what cannot change in a kept region's cluster and
/// addresses, nodes added and removed, admin access, NodePorts and DNS forwarders.
enum CoreChanges {
    static func between(_ previous: CorePlanRecord, _ next: CorePlanRecord) -> [Change] {
        let previousKeys = Set(previous.regions.map(\.key))
        let nextKeys = Set(next.regions.map(\.key))
        var changes: [Change] = []
        for region in next.regions where !previousKeys.contains(region.key) {
            changes.append(Change(
                region: region.key, resource: "region \(region.key)", kind: .added,
                detail: "cluster \(region.cluster.name) (ID \(region.cluster.id)), \(region.nodes.count) nodes in \(region.addresses.subnet); "
                    + "every other cluster gains it as a mesh peer and a DNS forwarder"))
        }
        for region in previous.regions where !nextKeys.contains(region.key) {
            changes.append(Change(
                region: region.key, resource: "region \(region.key)", kind: .removed,
                detail: "its database nodes are decommissioned first (setup stops if the other regions cannot hold their replicas); "
                    + "then it leaves every other cluster's mesh and DNS; then its \(region.nodes.count) machines, network and "
                    + "kube context \(region.cluster.name) are deleted",
                deletesStorage: true))
        }
        for region in next.regions {
            guard let old = previous.regions.first(where: { $0.key == region.key }) else { continue }
            changes += kept(old, region)
        }
        return changes
    }

    /// What changes in a region both plans have.
    static func kept(_ old: CorePlanRecord.Region, _ new: CorePlanRecord.Region) -> [Change] {
        let key = new.key
        let rebuild = "remove region \(key) (one change, applied), then add it back with the new value (a second change)"
        var changes: [Change] = []
        if old.cluster.name != new.cluster.name {
            changes.append(.impossible(
                region: key, "cluster name", changed(old.cluster.name, new.cluster.name)
                    + ": the name is the kube context and every peer's mesh configuration, and a cluster cannot be renamed",
                remedy: rebuild))
        }
        if old.cluster.id != new.cluster.id {
            changes.append(.impossible(
                region: key, "cluster ID", changed(old.cluster.id, new.cluster.id)
                    + ": the ID is in every pod's security identity, and changing it breaks every connection of the cluster",
                remedy: rebuild))
        }
        let ranges: [(String, IPv4Network, IPv4Network, String)] = [
            ("network range", old.addresses.network, new.addresses.network, "the network holds the subnet and its NICs"),
            ("subnet", old.addresses.subnet, new.addresses.subnet, "every node's address is in the subnet"),
            ("pod range", old.addresses.pods, new.addresses.pods, "every running pod has an address from it"),
            ("service range", old.addresses.services, new.addresses.services, "every service, DNS included, has an address from it"),
        ]
        for (name, before, after, reason) in ranges where before != after {
            changes.append(.impossible(region: key, name, "\(changed(before, after)): \(reason)", remedy: rebuild))
        }
        for node in new.nodes.dropFirst(old.nodes.count) {
            changes.append(Change(
                region: key, resource: "node \(node.name)", kind: .added,
                detail: "\(node.privateIP); joins cluster \(new.cluster.name) and the database"))
        }
        for node in old.nodes.dropFirst(new.nodes.count).reversed() {
            changes.append(Change(
                region: key, resource: "node \(node.name)", kind: .removed,
                detail: "the database nodes on it are decommissioned first, then it leaves cluster \(new.cluster.name), then its machine is deleted",
                deletesStorage: true))
        }
        return changes
    }

    /// Admin access, NodePorts and DNS forwarders of the regions both plans have.
    static func access(from previous: Plan, to next: Plan) -> [Change] {
        var changes: [Change] = []
        for region in next.regions {
            guard let old = previous.region(region.key) else { continue }
            if old.adminAccess != region.adminAccess {
                let before = old.adminAccess.sources.map(\.description).joined(separator: ", ")
                let after = region.adminAccess.sources.map(\.description).joined(separator: ", ")
                changes.append(.inPlace(
                    region: region.key, "admin access",
                    before == after ? "admin ports change" : "sources \(changed(before, after))"))
            }
            if old.clientAccess != region.clientAccess {
                changes.append(clientAccess(old.clientAccess, region.clientAccess, region: region.key))
            }
            if old.nodePorts != region.nodePorts {
                let ports = Set(old.nodePorts.keys).union(region.nodePorts.keys).sorted()
                    .filter { old.nodePorts[$0] != region.nodePorts[$0] }
                    .map { "\($0) \(changed(old.nodePorts[$0].map(String.init) ?? "default", region.nodePorts[$0].map(String.init) ?? "default"))" }
                changes.append(.inPlace(
                    region: region.key, "NodePorts",
                    ports.joined(separator: ", ") + "; every other cluster's mesh and DNS configuration follows"))
            }
            if old.dnsForwarders != region.dnsForwarders {
                let before = Set(old.dnsForwarders.map(\.zone))
                let after = Set(region.dnsForwarders.map(\.zone))
                let zones = after.subtracting(before).sorted().map { "+\($0)" } + before.subtracting(after).sorted().map { "-\($0)" }
                changes.append(.inPlace(
                    region: region.key, "DNS forwarders",
                    (zones.isEmpty ? "forwarder addresses change" : zones.joined(separator: " ")) + "; the DNS server reloads them without a restart"))
            }
        }
        return changes
    }
}

extension CoreChanges {
    /// A region opened to clients, closed, or opened to other sources.
    static func clientAccess(_ old: ClientAccessPlan?, _ new: ClientAccessPlan?, region: String) -> Change {
        let sources = { (plan: ClientAccessPlan) in plan.sources.map(\.description).joined(separator: ", ") }
        switch (old, new) {
        case (nil, .some(let plan)):
            let ports = plan.ports.map { "\($0.title) on NodePort \($0.nodePort)" }.joined(separator: ", ")
            return .inPlace(region: region, "client access", "opened to \(sources(plan)): every node exposes \(ports); the provider's front end carries them")
        case (.some, nil):
            return .inPlace(region: region, "client access", "closed: clients reach the database through the other regions; the region's front end goes")
        case (.some(let before), .some(let after)):
            let detail = sources(before) == sources(after) ? "client ports change" : "sources \(changed(sources(before), sources(after)))"
            return .inPlace(region: region, "client access", detail + "; the firewall rules follow")
        case (nil, nil):
            preconditionFailure("unchanged client access is no change")
        }
    }
}

/// What a component compares: both whole plans, and the regions both have.
public struct ChangeContext: Sendable {
    public let previous: Plan
    public let next: Plan

    /// The keys of the regions both plans have, in the new plan's order.
    public var keptRegions: [String] {
        next.regions.map(\.key).filter { previous.region($0) != nil }
    }

    /// The keys of the regions only the new plan has.
    public var addedRegions: [String] {
        next.regions.map(\.key).filter { previous.region($0) == nil }
    }

    /// Whether region `key`'s address ranges differ between the plans: the core reports that as a
    /// change that cannot be made in place, so components need not report what follows from it.
    public func addressesChanged(_ key: String) -> Bool {
        previous.region(key)?.addresses != next.region(key)?.addresses
    }

    /// The keys of the regions only the previous plan has.
    public var removedRegions: [String] {
        previous.regions.map(\.key).filter { next.region($0) == nil }
    }
}
