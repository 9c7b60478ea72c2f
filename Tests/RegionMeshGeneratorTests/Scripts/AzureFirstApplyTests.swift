import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing
import Topologies

@testable import RegionMeshGenerator

/// The first apply on Azure (#11), run for real against the stand-ins (``ScriptWorld``) while
/// Azure answers what a real subscription may: a quota that is used up, a size that is not offered,
/// a VM that fails to provision, a machine outside AdminAccess, a topology changed between runs.
@Suite(.serialized) struct AzureFirstApplyTests {
    static let topology = TopologyRegistry.named("crdb-three-region")!
    static let resourceGroup = "crdb-cilium-multi-region"

    static func creates(_ calls: [String]) -> [String] {
        calls.filter { $0.hasPrefix("az ") && $0.contains(" create ") }
    }

    /// The rows of the capacity table: location, size or quota, problem, what to do.
    static func capacityRows(_ stderr: String) -> [[String]] {
        let lines = stderr.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("LOCATION ") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.hasPrefix("error: ") }.map { line in
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test func aMissingQuotaStopsTheRunBeforeAnythingIsCreated() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        // Three nodes of Standard_D4s_v5 need 12 vCPUs and 3 Standard public IPs per location.
        try world.setQuota("cores", in: "westus", current: 95, limit: 100)
        try world.setQuota("standardDSv5Family", in: "eastus", current: 100, limit: 100)
        try world.setQuota("StandardSkuPublicIpAddresses", in: "northeurope", current: 19, limit: 20)
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(Self.creates(run.calls).isEmpty, "nothing was created: \(Self.creates(run.calls))")
        #expect(run.stderr.contains("error: Azure cannot hold the deployment as planned (see the table above); nothing was created"))
        #expect(run.stderr.contains("error: azure/infrastructure.sh stopped in step capacity;"))
        let rows = Set(Self.capacityRows(run.stderr).map { $0.prefix(3).joined(separator: " | ") })
        #expect(rows == [
            "westus | total regional vCPUs | 5 free of 100, 12 needed",
            "eastus | standardDSv5Family vCPUs | 0 free of 100, 12 needed",
            "northeurope | Standard public IP addresses | 1 free of 20, 3 needed",
        ], "\(run.stderr.suffix(1500))")

        // With the quotas raised, the same run goes through.
        for (name, location) in [("cores", "westus"), ("standardDSv5Family", "eastus"), ("StandardSkuPublicIpAddresses", "northeurope")] {
            try world.setQuota(name, in: location, current: 0, limit: 1000)
        }
        let again = try world.run("azure/infrastructure.sh")
        #expect(again.status == 0, "\(again.stderr.suffix(1500))")
        #expect(Self.creates(again.calls).count == 49)
    }

    @Test func aResourceGroupMadeOutsideRegionMeshIsUsedOnlyWhenTheOperatorSaysSo() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        try world.makeResourceGroup(Self.resourceGroup, location: "eastus", tags: ["cost-center=platform"])
        // teardown.sh deletes the group a topology owns, with everything in it: no silent adoption.
        let refused = try world.run("azure/infrastructure.sh", answeringYes: false)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Resource group crdb-cilium-multi-region exists and no topology owns it (no tag regionmesh-topology)"))
        #expect(refused.stderr.contains("teardown.sh would then delete it with everything in it Not confirmed"))
        #expect(Self.creates(refused.calls).isEmpty && !refused.calls.contains { $0.hasPrefix("az group update ") })

        let adopted = try world.run("azure/infrastructure.sh")
        #expect(adopted.status == 0, "\(adopted.stderr.suffix(1500))")
        // The tags are added with --set; --tags would replace the group's own (cost-center).
        let update = try #require(adopted.calls.first { $0.hasPrefix("az group update ") })
        #expect(update.contains("--set tags.regionmesh-topology=crdb-three-region tags.managed-by=regionmesh"))
        #expect(!update.contains("--tags"))
        #expect(!adopted.calls.contains { $0.hasPrefix("az group create ") })

        // Owned now: the next run asks nothing and updates nothing.
        let again = try world.run("azure/infrastructure.sh", answeringYes: false)
        #expect(again.status == 0, "\(again.stderr.suffix(1500))")
        #expect(!again.calls.contains { $0.hasPrefix("az group update ") })
    }

    @Test func aSizeTheLocationsDoNotOfferStopsTheRunBeforeAnythingIsCreated() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        try world.setSKU("Standard_D4s_v5", in: "westus", row: nil)
        try world.setSKU("Standard_D4s_v5", in: "northeurope", row: ["standardDSv5Family", "4", "NotAvailableForSubscription", "1,2,3", ""])
        try world.setSKU("Standard_D4s_v5", in: "eastus", row: ["standardDSv5Family", "4", "", "1,2,3", "3"])
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(Self.creates(run.calls).isEmpty)
        let rows = Self.capacityRows(run.stderr)
        #expect(Set(rows.map { $0.prefix(3).joined(separator: " | ") }) == [
            "westus | Standard_D4s_v5 | not offered in this location",
            "northeurope | Standard_D4s_v5 | restricted for this subscription (NotAvailableForSubscription)",
            "eastus | Standard_D4s_v5 | not offered in zone 3",
        ], "\(run.stderr.suffix(1500))")
        #expect(rows.allSatisfy { $0.count == 4 }, "every problem says what to do")
    }

    @Test func anAdminRangeWithoutThisMachinesAddressStopsThePreflight() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        try world.setPublicAddress("198.51.100.23")
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains(
            "error: this machine's public address 198.51.100.23 is not in AdminAccess (203.0.113.0/24) of regions 'eastus', 'westus', 'northeurope': SSH and the Kubernetes API would refuse it. Put '198.51.100.23/32' (or your network's range) into AdminAccess(from:), generate again, and rerun"
        ), "\(run.stderr.suffix(1500))")
        #expect(run.stderr.contains("error: preflight failed; nothing was created"))
        #expect(run.calls.contains("curl -fsS --max-time 10 https://api.ipify.org"))
        #expect(run.calls.allSatisfy { $0.hasPrefix("az account show") || $0.hasPrefix("curl ") }, "only look-ups: \(run.calls)")
        #expect(!run.stderr.contains("==> setup.sh "))

        // No answer at all is a problem of its own.
        try world.setPublicAddress("")
        let silent = try world.run("setup.sh")
        #expect(silent.status != 0)
        #expect(silent.stderr.contains("cannot find this machine's public address (https://api.ipify.org did not answer); set REGIONMESH_ADMIN_IP to it"))

        // REGIONMESH_ADMIN_IP is believed without asking.
        let told = try world.run("setup.sh", ["--only", "azure"], environment: ["REGIONMESH_ADMIN_IP": "203.0.113.200"])
        #expect(told.status == 0, "\(told.stderr.suffix(1500))")
        #expect(!told.calls.contains { $0.hasPrefix("curl ") })
        #expect(Self.creates(told.calls).count == 49)
    }

    @Test func aChangedAdminAccessIsUpdatedInPlaceOnTheNextRun() throws {
        let before = Fixture.topology(regions: 3, defaults: [AdminAccess(from: "145.40.0.0/24")])
        let after = Fixture.topology(regions: 3, defaults: [AdminAccess(from: "151.101.0.0/24")])
        let world = try ScriptWorld(before)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(2000))")
        #expect(world.azureResource("network-nsg-rule--crdb-r1-nsg--AllowSSH")?.contains("145.40.0.0/24") == true)

        try world.regenerate(after)
        // This machine is still in the old range: the preflight says so, and nothing changes.
        let refused = try world.run("setup.sh")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("this machine's public address 145.40.0.7 is not in AdminAccess (151.101.0.0/24) of regions 'r1', 'r2', 'r3'"))
        #expect(!refused.calls.contains { $0.hasPrefix("az network nsg rule ") })

        try world.setPublicAddress("151.101.0.9")
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "\(second.stderr.suffix(2000))")
        #expect(Self.creates(second.calls).isEmpty)
        let updates = second.calls.filter { $0.hasPrefix("az network nsg rule update ") }
        #expect(updates.count == 9, "3 administrative rules in each of 3 NSGs")
        #expect(updates.allSatisfy { $0.contains(" --source-address-prefixes 151.101.0.0/24 ") })
        for nsg in ["crdb-r1-nsg", "crdb-r2-nsg", "crdb-r3-nsg"] {
            for rule in ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts"] {
                let record = try #require(world.azureResource("network-nsg-rule--\(nsg)--\(rule)"))
                #expect(record.contains("151.101.0.0/24") && !record.contains("145.40.0.0/24"), "\(nsg) \(rule)")
            }
        }
        #expect(!second.calls.contains { $0.hasPrefix("k3sup ") }, "the clusters stay as they are")
    }

    @Test func aVMThatFailsToProvisionIsReportedWithAzuresMessageAndRecreatedWhenConfirmed() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let vm = "crdb-westus-node2"
        let reason = "Allocation failed. We do not have sufficient capacity for the requested VM size in this region"
        try world.failVMCreation(vm, message: reason)
        let first = try world.run("azure/infrastructure.sh")
        #expect(first.status != 0)
        #expect(first.stderr.contains("error: VM \(vm) failed to provision: \(reason). After fixing the cause, run this script again: it offers to recreate the VM"),
            "\(first.stderr.suffix(1500))")
        #expect(first.stderr.contains("error: azure/infrastructure.sh stopped in step vms;"))
        #expect(first.calls.contains("az vm get-instance-view --resource-group \(Self.resourceGroup) --name \(vm) --query instanceView.statuses[?level=='Error'].message | join(' ', @) --output tsv"))
        #expect(first.calls.filter { $0.hasPrefix("az vm create ") }.count == 9, "every VM was created before any was waited for")

        // Without a terminal and without --yes, the Failed VM is not touched.
        let unconfirmed = try world.run("azure/infrastructure.sh", answeringYes: false)
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stderr.contains(
            "VM \(vm) is in state Failed. Delete it and create it again? Its disks go with it; its NIC and public IP stay. Not confirmed: run with --yes"))
        #expect(!unconfirmed.calls.contains { $0.hasPrefix("az vm delete ") })
        #expect(Self.creates(unconfirmed.calls).isEmpty)

        // After the cause is fixed, --yes deletes and creates exactly that VM again.
        try world.failVMCreation(vm, message: nil)
        let fixed = try world.run("azure/infrastructure.sh", ["--yes"])
        #expect(fixed.status == 0, "\(fixed.stderr.suffix(1500))")
        let delete = try #require(fixed.calls.firstIndex(of: "az vm delete --resource-group \(Self.resourceGroup) --name \(vm) --yes"))
        let creates = Self.creates(fixed.calls)
        #expect(creates.count == 1 && creates.first?.hasPrefix("az vm create --resource-group \(Self.resourceGroup) --name \(vm) ") == true, "\(creates)")
        #expect(try #require(fixed.calls.firstIndex { $0.hasPrefix("az vm create ") }) > delete)
        #expect(fixed.calls.filter { $0.hasPrefix("az vm delete ") }.count == 1)
        #expect(fixed.stderr.contains("Azure infrastructure of crdb-three-region is in place"))

        // And a run after that changes nothing.
        let quiet = try world.run("azure/infrastructure.sh")
        #expect(quiet.status == 0)
        #expect(Self.creates(quiet.calls).isEmpty && !quiet.calls.contains { $0.contains(" delete ") })
    }

    @Test func aDisconnectedPeeringIsMadeAgain() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        #expect(try world.run("azure/infrastructure.sh").status == 0)
        try world.setPeeringState("crdb-eastus-to-westus", "Disconnected")
        try world.setPeeringFlags("crdb-westus-to-northeurope", vnetAccess: true, forwardedTraffic: false)
        let run = try world.run("azure/infrastructure.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(1500))")
        #expect(run.calls.filter { $0.contains(" delete ") } == [
            "az network vnet peering delete --resource-group \(Self.resourceGroup) --vnet-name crdb-eastus-vnet --name crdb-eastus-to-westus"
        ])
        #expect(Self.creates(run.calls).map { $0.split(separator: " ").prefix(9).joined(separator: " ") } == [
            "az network vnet peering create --resource-group \(Self.resourceGroup) --name crdb-eastus-to-westus"
        ])
        // One list per VNet, and only the peering whose flags differ is updated.
        #expect(run.calls.filter { $0.hasPrefix("az network vnet peering list ") }.count == 3)
        #expect(run.calls.filter { $0.hasPrefix("az network vnet peering update ") }.map { $0.split(separator: " ").prefix(9).joined(separator: " ") } == [
            "az network vnet peering update --resource-group \(Self.resourceGroup) --name crdb-westus-to-northeurope"
        ])
        #expect(!run.calls.contains { $0.hasPrefix("az network vnet peering show ") })
    }

    @Test func whatCannotChangeInPlaceIsListedAndNothingIsChanged() throws {
        let world = try ScriptWorld(Fixture.valid())
        defer { world.remove() }
        #expect(try world.run("azure/infrastructure.sh").status == 0)
        // A larger VM size and another address plan for r3 cannot be applied to what exists.
        let changed = Fixture.topology(regions: 3, defaults: [VirtualMachines(size: "Standard_D8s_v5", image: .ubuntu2404, adminUser: "ops")]) { n in
            if n == 3 { Network(vnet: "10.33.0.0/16", subnet: "10.33.1.0/24") }
        }
        // The change plan refuses both unless acknowledged; acknowledged, the scripts still stop.
        let refused = try world.regenerate(changed)
        #expect(!refused.wrote)
        #expect(refused.changePlans.first?.needingAcknowledgement.map { "\($0.region ?? "") \($0.resource)" } == [
            "r3 network range", "r3 subnet", "r1 VM size", "r2 VM size", "r3 VM size",
        ])
        #expect(try world.regenerate(changed, allowDestructiveChanges: true).wrote)
        let run = try world.run("azure/infrastructure.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains(
            "error: the size of VM crdb-r1-node1 is 'Standard_D2s_v5'; the plan says 'Standard_D8s_v5': resize it, which restarts it (one node of a region at a time): az vm resize --resource-group rg-fixture --name crdb-r1-node1 --size Standard_D8s_v5"))
        #expect(run.stderr.components(separatedBy: "error: the size of VM ").count - 1 == 9)
        #expect(run.stderr.contains("error: the address space of VNet crdb-r3-vnet is '10.3.0.0/16'; the plan says '10.33.0.0/16'"))
        #expect(run.stderr.contains("error: subnet crdb-r3-subnet of VNet crdb-r3-vnet is '10.3.1.0/24'; the plan says '10.33.1.0/24'"))
        #expect(run.stderr.contains("error: the private IP of NIC crdb-r3-node1-nic is '10.3.1.4'; the plan says '10.33.1.4'"))
        #expect(run.stderr.contains("what exists differs from the plan where it cannot change in place (above); nothing was changed"))
        #expect(!run.calls.contains { $0.hasPrefix("az ") && ($0.contains(" create ") || $0.contains(" update ") || $0.contains(" delete ")) })
    }
}
