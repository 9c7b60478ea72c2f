/// What changes in the Azure resources of the regions both plans have, as setup.sh applies it.
/// Regions and nodes added and removed are the core's; this says what happens to what stays.
extension AzureProvider {
    public static func changes(from previous: AzurePlan, to next: AzurePlan, context: ChangeContext) -> [Change] {
        var changes: [Change] = []
        if previous.resourceGroup != next.resourceGroup {
            changes.append(.impossible(
                region: nil, "resource group", changed(previous.resourceGroup, next.resourceGroup) + ": every resource lives in it",
                remedy: "keep the old name, or tear the deployment down with teardown.sh and set it up again"))
        }
        for key in context.keptRegions {
            guard let old = previous.region(key), let new = next.region(key) else { continue }
            changes += regionChanges(old, new)
        }
        return changes + clientChanges(from: previous, to: next, context: context)
    }

    static func regionChanges(_ old: AzureRegionPlan, _ new: AzureRegionPlan) -> [Change] {
        let key = new.key
        var changes: [Change] = []
        if old.location != new.location {
            changes.append(.impossible(
                region: key, "location", changed(old.location.name, new.location.name) + ": Azure resources cannot move between locations",
                remedy: "remove region \(key) (one change, applied), then add a region for \(new.location.name) (a second change)"))
        }
        let machine = (old.virtualMachine, new.virtualMachine)
        if machine.0.size != machine.1.size {
            changes.append(.impossible(
                region: key, "VM size", changed(machine.0.size, machine.1.size) + ": resizing restarts each VM, which setup.sh does not do to a running database",
                remedy: "per node, one at a time: cockroach node drain, az vm resize --size \(machine.1.size), then wait until the node is live again"))
        }
        if machine.0.imageURN != machine.1.imageURN {
            changes.append(.inPlace(
                region: key, "VM image", changed(machine.0.imageURN, machine.1.imageURN) + ": new VMs use it; existing VMs keep theirs"))
        }
        if machine.0.adminUser != machine.1.adminUser {
            changes.append(.impossible(
                region: key, "admin user", changed(machine.0.adminUser, machine.1.adminUser) + ": a VM's admin user is set when it is created",
                remedy: "keep the old admin user, or remove and re-add the region's nodes"))
        }
        if machine.0.osDiskGiB != machine.1.osDiskGiB {
            changes.append(.impossible(
                region: key, "OS disk", "\(machine.0.osDiskGiB) → \(machine.1.osDiskGiB) GiB: an OS disk is sized when its VM is created (growing it needs the VM deallocated)",
                remedy: "keep the old size; new VMs can only differ after the region's nodes are replaced one at a time"))
        }
        changes += diskChanges(old, new)
        for (before, after) in zip(old.nodes, new.nodes) where before.zone != after.zone {
            changes.append(.impossible(
                region: key, "VM \(after.vmName)", "zone \(changed(before.zone.map(String.init) ?? "none", after.zone.map(String.init) ?? "none")): a VM stays in its zone",
                remedy: "remove the node (lower the node count, applied), then add it back (a second change)"))
        }
        if old.securityRules != new.securityRules {
            changes.append(.inPlace(region: key, "NSG \(new.nsgName)", ruleChanges(old.securityRules, new.securityRules)))
        }
        return changes
    }

    static func diskChanges(_ old: AzureRegionPlan, _ new: AzureRegionPlan) -> [Change] {
        let key = new.key
        let (before, after) = (old.dataDisk, new.dataDisk)
        var changes: [Change] = []
        if after.sizeGiB > before.sizeGiB {
            changes.append(.inPlace(
                region: key, "data disks", "\(before.sizeGiB) → \(after.sizeGiB) GiB: setup grows each VM's data disk while it runs (az disk update) and then its partition and file system"))
        } else if after.sizeGiB < before.sizeGiB {
            changes.append(.impossible(
                region: key, "data disks", "\(before.sizeGiB) → \(after.sizeGiB) GiB: an Azure disk cannot shrink",
                remedy: "keep the size; to use smaller disks, replace the region's nodes one at a time (lower the node count, then raise it)"))
        }
        if before.sku != after.sku {
            changes.append(.impossible(
                region: key, "data disk SKU", changed(before.sku.rawValue, after.sku.rawValue) + ": changing a disk's SKU needs its VM deallocated",
                remedy: "per node, one at a time: cockroach node drain, az vm deallocate, az disk update --sku \(after.sku.rawValue), az vm start"))
        }
        return changes
    }

    /// "+name -name ~name" for the rules added, removed and changed.
    static func ruleChanges(_ old: [NSGRule], _ new: [NSGRule]) -> String {
        let oldNames = Set(old.map(\.name))
        let newNames = Set(new.map(\.name))
        let added = new.filter { !oldNames.contains($0.name) }.map { "+\($0.name)" }
        let removed = old.filter { !newNames.contains($0.name) }.map { "-\($0.name)" }
        let updated = new.filter { rule in old.contains { $0.name == rule.name && $0 != rule } }.map { "~\($0.name)" }
        return "inbound rules " + (added + removed + updated).joined(separator: " ") + "; setup brings the NSG to the plan"
    }
}
