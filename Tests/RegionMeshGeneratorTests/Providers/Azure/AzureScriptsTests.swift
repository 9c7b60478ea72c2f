import RegionMesh
import RegionMeshTestSupport
import Testing
import Yams

@testable import RegionMeshGenerator

/// `azure/infrastructure.sh` and `azure/teardown.sh`, read as Script models.
@Suite struct AzureScriptsTests {
    static func infrastructure(_ plan: Plan) -> Script {
        AzureInfrastructureScript(plan: plan, azure: plan.azure).script
    }

    static func teardown(_ plan: Plan) -> Script {
        AzureTeardownScript(plan: plan, azure: plan.azure).script
    }

    /// The commands a first run executes to create what does not exist: those of the create branch
    /// of every `ensure` and `converge` (a `converge`'s other branch brings an existing resource to the plan).
    static func firstRunCreates(_ script: Script) -> [ShellCommand] {
        script.allStatements.flatMap { statement -> [ShellCommand] in
            switch statement {
            case .ensure(_, _, let create), .converge(_, _, let create, _): create.flatMap(\.commands).filter { $0.name.hasSuffix(" create") }
            default: []
            }
        }
    }

    @Test func theSeedTopologyCreatesExactlyTheSeedsResources() throws {
        let plan = try examplePlan("crdb-three-region")
        let script = Self.infrastructure(plan)
        let creates = Self.firstRunCreates(script)
        func count(_ name: String) -> Int { creates.filter { $0.name == name }.count }
        #expect(count("az group create") == 1)
        #expect(count("az network vnet create") == 3)
        // Peerings are a table: one look-up per VNet, a line per peering, created by the helper.
        #expect(script.commands(ofStep: "peerings").filter { $0.name.hasPrefix("ensure_peering ") }.count == 6)
        #expect(script.commands(ofStep: "peerings").filter { $0.name.hasPrefix("load_peerings ") }.count == 3)
        #expect(count("az network nsg create") == 3)
        #expect(count("az network nsg rule create") == 9)
        #expect(count("az network public-ip create") == 9)
        #expect(count("az network nic create") == 9)
        #expect(count("az vm create") == 9)
        #expect(creates.count == 43)
        // The others: the peering helper's (absent; disconnected, made again), a VM in state Failed made again.
        #expect(script.commands.filter { $0.name.hasSuffix(" create") }.count == 43 + 2 + 9)
        // VMs are created without waiting, then each is waited for.
        #expect(script.commands(named: "az vm create").allSatisfy { $0.has("--no-wait") })
        #expect(script.commands.filter { $0.name.hasPrefix("wait_for_vm ") }.map(\.name) == plan.azure.regions.flatMap { $0.nodes.map { "wait_for_vm \($0.vmName) 1800" } })
        let privateIPs = script.commands(named: "az network nic create").compactMap { $0.value(of: "--private-ip-address") }
        #expect(privateIPs == ["10.1.1.4", "10.1.1.5", "10.1.1.6", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.3.1.4", "10.3.1.5", "10.3.1.6"])
        #expect(script.steps.map(\.name) == [
            "capacity", "drift", "resource-group", "networks", "peerings", "security-groups", "public-ips", "nics", "vms", "data-disks",
        ])
    }

    @Test func theDataDiskStepGrowsOnlyADiskSmallerThanThePlanThenItsFileSystemInsideTheVM() throws {
        let plan = try Fixture.smallPlan(defaults: [DataDisks(sizeGiB: 256, sku: .premiumSSD)])
        let script = Self.infrastructure(plan)
        let step = try #require(script.step("data-disks"))
        // It runs after the VMs exist.
        #expect(script.steps.last?.name == "data-disks")
        let vms = plan.azure.regions.flatMap { $0.nodes.map(\.vmName) }
        // Per VM: the size of its data disk is read, and only when it is smaller than the plan is it grown.
        let growths = step.body.compactMap { statement -> (String, [ScriptStatement])? in
            if case .when(let condition, let body, _) = statement { (condition, body) } else { nil }
        }
        #expect(growths.count == vms.count)
        for ((condition, body), vm) in zip(growths, vms) {
            #expect(condition == "[[ \"$current\" =~ ^[0-9]+$ ]] && ((current < 256))")
            let commands = body.flatMap(\.commands)
            // The run command is printed under --dry-run; otherwise it runs in the condition that checks its output.
            #expect(commands.map(\.name) == ["az vm show", "az disk update", "az vm run-command invoke"])
            let checked = body.compactMap { statement -> String? in
                guard case .when(_, _, let otherwise) = statement, case .when(let condition, _, _)? = otherwise.first else { return nil }
                return condition
            }
            #expect(checked.count == 1 && checked[0].contains("az vm run-command invoke") && checked[0].contains("--query 'value[0].message'"), "\(checked)")
            #expect(commands[0].value(of: "--name") == vm && commands[0].value(of: "--query") == "storageProfile.dataDisks[0].managedDisk.id")
            let update = commands[1]
            #expect(update.value(of: "--ids") == "\"$disk\"")
            #expect(update.value(of: "--size-gb") == "256")
            // The disk grows while its VM runs: nothing deallocates or restarts it.
            let invoke = commands[2]
            #expect(invoke.value(of: "--name") == vm)
            #expect(invoke.value(of: "--command-id") == "RunShellScript")
            #expect(invoke.value(of: "--scripts") == "@\"$TOPOLOGY_DIR/azure/grow-data-disk.sh\"")
        }
        let sizes = step.body.compactMap { statement -> ShellCommand? in
            if case .capture("current", _, let command) = statement { command } else { nil }
        }
        #expect(sizes.map { $0.value(of: "--name") ?? "" } == vms)
        #expect(sizes.allSatisfy { $0.value(of: "--query") == "storageProfile.dataDisks[0].diskSizeGb" })
        #expect(!script.commands.contains { ["az vm deallocate", "az vm restart", "az vm stop"].contains($0.name) })
        #expect(!step.body.flatMap(\.commands).contains { $0.name == "az disk update" && $0.has("--sku") }, "a SKU change is refused, not applied")
    }

    @Test func theGrowthScriptGrowsThePartitionAndFileSystemOfTheDataDiskOnline() throws {
        let plan = try Fixture.smallPlan()
        let file = try #require(try Generator.artifacts(for: plan).first { $0.path == "azure/grow-data-disk.sh" })
        #expect(!file.isExecutable)
        let lines = file.contents.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        #expect(lines == [
            "set -eu",
            "disk=\"$(readlink -f /dev/disk/azure/scsi1/lun0)\"",
            "echo 1 >\"/sys/class/block/${disk##*/}/device/rescan\"",
            "growpart \"$disk\" 1 || [ \"$?\" -eq 1 ]",
            "resize2fs \"$(readlink -f /dev/disk/azure/scsi1/lun0-part1)\"",
            "df -h /var/lib/regionmesh/data",
            "echo '\(AzureDiskGrowth.doneLine)'",
        ])
    }

    @Test func everyCreateIsGuardedByALookupOfTheSameResource() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        var guarded = 0
        for statement in script.allStatements {
            let (lookup, create): (ShellCommand, [ScriptStatement])
            switch statement {
            case .ensure(_, let found, let body), .converge(_, let found, let body, _): (lookup, create) = (found, body)
            default: continue
            }
            let creates = create.flatMap(\.commands).filter { $0.name.hasSuffix(" create") }
            #expect(creates.count == 1, "one create per guard: \(creates.map(\.oneLine))")
            for command in creates {
                #expect(lookup.name == command.name.replacingOccurrences(of: " create", with: " show"))
                #expect(lookup.value(of: "--name") == command.value(of: "--name"))
                #expect(lookup.value(of: "--resource-group") == command.value(of: "--resource-group"))
                guarded += 1
            }
        }
        #expect(guarded == 43, "every resource but the peerings, which the peering helper creates from one list per VNet")
    }

    @Test func anExistingResourceIsBroughtToThePlanWithTheSameSettings() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        var converged: [String: Int] = [:]
        for statement in script.allStatements {
            guard case .converge(_, let lookup, let create, let update) = statement else { continue }
            let created = try #require(create.flatMap(\.commands).first)
            let commands = update.flatMap(\.commands)
            converged[created.name, default: 0] += 1
            for command in commands where command.name.hasSuffix(" update") {
                // The update carries every setting of the create, for the same resource.
                #expect(command.value(of: "--name") == lookup.value(of: "--name"))
                #expect(command.value(of: "--resource-group") == created.value(of: "--resource-group"))
                if created.name == "az network nsg rule create" {
                    #expect(command.oneLine == created.oneLine.replacingOccurrences(of: " rule create ", with: " rule update "))
                }
            }
            // What is made again is deleted first, then created exactly as the first time.
            let remade = commands.filter { $0.name.hasSuffix(" create") }
            for again in remade {
                #expect(again.oneLine == created.oneLine)
                let delete = try #require(commands.first { $0.name.hasSuffix(" delete") })
                #expect(delete.value(of: "--name") == created.value(of: "--name"))
            }
        }
        #expect(converged == [
            "az group create": 1, "az network nsg rule create": 9, "az vm create": 9,
        ])
        #expect(script.commands(named: "az group update").first?.list(of: "--set") == ["tags.regionmesh-topology=crdb-three-region", "tags.managed-by=regionmesh"])
        #expect(script.commands(named: "az network vnet peering update").count == 1, "in the peering helper, when the flags differ")
        #expect(script.commands(named: "az network vnet peering update").allSatisfy { $0.value(of: "--allow-vnet-access") == "true" && $0.value(of: "--allow-forwarded-traffic") == "true" })
        #expect(script.commands(named: "az vm delete").allSatisfy { $0.has("--yes") })
    }

    @Test func aFailedVMIsRecreatedOnlyAfterAQuestion() throws {
        let script = Self.infrastructure(try Fixture.smallPlan())
        let step = try #require(script.step("vms"))
        let text = step.rendered(number: 9)
        #expect(text.contains("if [[ \"$state\" == Failed ]]; then\n"))
        #expect(text.contains("confirm 'VM crdb-r1-node1 is in state Failed. Delete it and create it again? Its disks go with it; its NIC and public IP stay.' || die"))
        let waiter = try #require(script.helpers.first { $0.name == "wait_for_vm" })
        var out = ShellScript()
        ScriptRenderer.function(waiter.name, doc: waiter.doc, waiter.body, in: &out)
        #expect(out.text.contains("az vm get-instance-view --resource-group rg-fixture --name \"$name\" --query \"instanceView.statuses[?level=='Error'].message | join(' ', @)\""))
        #expect(out.text.contains("die \"VM $name failed to provision: ${message:-"))
    }

    @Test func theDriftStepComparesWhatCannotChangeInPlace() throws {
        let plan = try Fixture.smallPlan()
        let script = Self.infrastructure(plan)
        let drifts = try #require(script.step("drift")).body.compactMap { statement -> (String, String, String)? in
            if case .drift(let what, _, let current, let planned, _) = statement { (what, current.value(of: "--query") ?? "", planned) } else { nil }
        }
        // Per region its VNet and subnet; per node its NIC's address, its public IP's zone, its VM's size and zone.
        #expect(drifts.count == plan.regions.count * 2 + plan.nodeCount * 4)
        #expect(drifts.contains { $0 == ("the address space of VNet crdb-r1-vnet", "join(' ', addressSpace.addressPrefixes)", "10.1.0.0/16") })
        #expect(drifts.contains { $0 == ("subnet crdb-r2-subnet of VNet crdb-r2-vnet", "addressPrefix", "10.2.1.0/24") })
        #expect(drifts.contains { $0 == ("the private IP of NIC crdb-r2-node2-nic", "ipConfigurations[0].privateIPAddress", "10.2.1.5") })
        #expect(drifts.contains { $0 == ("the size of VM crdb-r1-node2", "hardwareProfile.vmSize", "Standard_D2s_v5") })
        #expect(drifts.contains { $0 == ("the zone of VM crdb-r1-node2", "join(',', zones || [''])", "2") })
        #expect(drifts.contains { $0 == ("the zone of public IP crdb-r2-node1-ip", "join(',', zones || [''])", "") }, "westus has no zones")
    }

    @Test func theCapacityStepChecksEverySizeWhereItsNodesGoAndEveryQuota() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        let step = try #require(script.step("capacity"))
        let checks = step.body.compactMap { statement -> String? in
            if case .shell(let text) = statement, text.hasPrefix("check_vm_size ") { text } else { nil }
        }
        #expect(checks.count == 3)
        #expect(checks[0].hasPrefix("check_vm_size eastus Standard_D4s_v5 \"$(count_missing \"$vms\" crdb-eastus-node1 crdb-eastus-node2 crdb-eastus-node3)\" 1,2,3"))
        #expect(checks[1].hasSuffix(" ''"), "westus: no zones to check")
        let quotas = step.body.compactMap { statement -> String? in
            if case .shell(let text) = statement, text.hasPrefix("NEEDED[") { text } else { nil }
        }
        #expect(quotas.count == 9, "three public IP quotas in each of three locations")
        #expect(script.helpers.map(\.name) == ["count_missing", "check_vm_size", "check_quotas", "load_peerings", "ensure_peering", "wait_for_vm"])
    }

    @Test func aVMHasAZoneWhereItsLocationHasThemAndAPublicIPInTheSameZone() throws {
        // r1 is in eastus (zones), r2 in westus (none).
        let script = Self.infrastructure(try Fixture.smallPlan())
        let vms = script.commands(named: "az vm create")
        let ips = script.commands(named: "az network public-ip create")
        func zones(_ commands: [ShellCommand]) -> [String: String] {
            Dictionary(commands.map { ($0.value(of: "--name") ?? "?", $0.value(of: "--zone") ?? "none") }) { first, _ in first }
        }
        #expect(zones(vms) == ["crdb-r1-node1": "1", "crdb-r1-node2": "2", "crdb-r2-node1": "none", "crdb-r2-node2": "none"])
        #expect(zones(ips) == ["crdb-r1-node1-ip": "1", "crdb-r1-node2-ip": "2", "crdb-r2-node1-ip": "none", "crdb-r2-node2-ip": "none"])
        let pinned = Self.infrastructure(try Fixture.smallPlan(regions: 1, defaults: [Zones(3)]))
        #expect(pinned.commands(named: "az vm create").compactMap { $0.value(of: "--zone") }.allSatisfy { $0 == "3" })
        let none = Self.infrastructure(try Fixture.smallPlan(regions: 1, defaults: [Zones()]))
        #expect(!none.commands.contains { $0.has("--zone") })
    }

    @Test func everyVMHasItsDataDiskAndTheCloudInitThatMountsIt() throws {
        let plan = try Fixture.smallPlan(defaults: [CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 1, memory: "4Gi")])
        let vm = try #require(Self.infrastructure(plan).commands(named: "az vm create").first)
        #expect(vm.value(of: "--data-disk-sizes-gb") == "128", "the smallest Premium SSD that holds 100Gi")
        #expect(vm.list(of: "--storage-sku") == ["os=Premium_LRS", "0=Premium_LRS"])
        #expect(vm.value(of: "--os-disk-size-gb") == "64")
        #expect(vm.value(of: "--data-disk-caching") == "None")
        #expect(vm.value(of: "--custom-data") == "\"$TOPOLOGY_DIR/azure/cloud-init.yaml\"")
        let declared = try Fixture.smallPlan(defaults: [DataDisks(sizeGiB: 256, sku: .standardSSD), VirtualMachines(osDiskGiB: 100)])
        let other = try #require(Self.infrastructure(declared).commands(named: "az vm create").first)
        #expect(other.value(of: "--data-disk-sizes-gb") == "256")
        #expect(other.list(of: "--storage-sku") == ["os=Premium_LRS", "0=StandardSSD_LRS"])
        #expect(other.value(of: "--os-disk-size-gb") == "100")
    }

    @Test func theCloudInitFormatsTheDataDiskOnceAndMountsItWhereK3sKeepsItsVolumes() throws {
        let plan = try Fixture.smallPlan()
        let file = try #require(try Generator.artifacts(for: plan).first { $0.path == "azure/cloud-init.yaml" })
        #expect(file.contents.hasPrefix("#cloud-config\n"))
        let root = try #require(try Yams.compose(yaml: file.contents))
        let device = "/dev/disk/azure/scsi1/lun0"
        #expect(root["disk_setup"]?[Node(device)]?["overwrite"]?.bool == false)
        #expect(root["disk_setup"]?[Node(device)]?["table_type"]?.string == "gpt")
        let fs = try #require(root["fs_setup"]?.sequence?.first)
        #expect(fs["device"]?.string == device && fs["filesystem"]?.string == "ext4" && fs["overwrite"]?.bool == false)
        #expect(root["mounts"]?.sequence?.first?.sequence?.compactMap(\.string) == ["LABEL=regionmesh-data", "/var/lib/regionmesh/data", "ext4", "defaults,nofail,discard", "0", "2"])
        #expect(root["runcmd"]?.sequence?.first?.sequence?.compactMap(\.string) == ["mkdir", "-p", "/var/lib/regionmesh/data/local-path"])
        let k3s = plan.k3s[plan.regions[0]].clusterFlags
        #expect(k3s.contains("--default-local-storage-path=/var/lib/regionmesh/data/local-path"))
    }

    @Test func peeringsAllowVNetAccessAndNoGatewayFlags() throws {
        let script = Self.infrastructure(try examplePlan("crdb-three-region"))
        let creates = script.commands(named: "az network vnet peering create")
        #expect(creates.count == 2, "absent, and disconnected")
        for peering in creates {
            #expect(peering.has("--allow-vnet-access") && peering.has("--allow-forwarded-traffic"))
            #expect(!peering.words.contains { $0.contains("gateway") })
            #expect(peering.value(of: "--vnet-name") == "\"$vnet\"" && peering.value(of: "--remote-vnet") == "\"$remote\"")
        }
        // ensure_peering VNET NAME REMOTE, after load_peerings VNET.
        let table = script.commands(ofStep: "peerings").map(\.words)
        #expect(table.prefix(3) == [["load_peerings", "crdb-eastus-vnet"], ["ensure_peering", "crdb-eastus-vnet", "crdb-eastus-to-westus", "crdb-westus-vnet"], ["ensure_peering", "crdb-eastus-vnet", "crdb-eastus-to-northeurope", "crdb-northeurope-vnet"]])
        let pairs = Set(table.filter { $0[0] == "ensure_peering" }.map { "\($0[1])>\($0[3])" })
        #expect(pairs.count == 6)
        #expect(pairs.contains("crdb-westus-vnet>crdb-northeurope-vnet"))
    }

    @Test func theNICStep() throws {
        let step = try #require(Self.infrastructure(try Fixture.smallPlan()).step("nics"))
        assertSnapshot(of: step.rendered(number: 6), named: "nics.bash")
    }

    @Test func aVMUsesAFullImageURNAndTheSSHKeyVariable() throws {
        let vm = try #require(Self.infrastructure(try Fixture.smallPlan()).commands(named: "az vm create").first)
        #expect(
            vm.oneLine
                == "az vm create --resource-group rg-fixture --name crdb-r1-node1 --location eastus --zone 1 --image Canonical:ubuntu-24_04-lts:server:latest --size Standard_D2s_v5 --nics crdb-r1-node1-nic --admin-username ops --authentication-type ssh --ssh-key-values \"$SSH_PUBLIC_KEY_FILE\" --os-disk-size-gb 64 --storage-sku os=Premium_LRS 0=Premium_LRS --data-disk-sizes-gb 64 --data-disk-caching None --os-disk-delete-option Delete --data-disk-delete-option Delete --custom-data \"$TOPOLOGY_DIR/azure/cloud-init.yaml\" --no-wait"
        )
    }

    @Test func nsgRulesAreLimitedToTheAdminSources() throws {
        let rules = Self.infrastructure(try Fixture.smallPlan()).commands(named: "az network nsg rule create")
        #expect(rules.count == 6)
        #expect(rules.allSatisfy { $0.list(of: "--source-address-prefixes") == ["145.40.0.0/24"] })
        #expect(rules.compactMap { $0.value(of: "--destination-port-ranges") } == ["22", "6443", "30000-32767", "22", "6443", "30000-32767"])
        #expect(rules.compactMap { $0.value(of: "--priority") } == ["100", "110", "120", "100", "110", "120"])
    }

    @Test func anExtraRuleWithSeveralPortsAndSourcesPassesThemAsLists() throws {
        let plan = try Fixture.smallPlan(
            regions: 1, defaults: [InboundRule("AllowSQL", priority: 200, ports: ["26257", "8080"], protocol: .any, from: ["145.40.0.0/24", "151.101.0.0/24"])])
        let rule = try #require(Self.infrastructure(plan).commands(named: "az network nsg rule create").first { $0.value(of: "--name") == "AllowSQL" })
        #expect(rule.list(of: "--destination-port-ranges") == ["26257", "8080"])
        #expect(rule.list(of: "--source-address-prefixes") == ["145.40.0.0/24", "151.101.0.0/24"])
        #expect(rule.value(of: "--protocol") == "*")
        #expect(rule.oneLine.contains("--protocol '*'"))
    }

    @Test func teardownDeletesOnlyTheTaggedResourceGroupAfterConfirmation() throws {
        let script = Self.teardown(try Fixture.smallPlan())
        let deletes = script.commands.filter { $0.words.contains { $0 == "delete" } }
        #expect(deletes.map(\.oneLine) == ["az group delete --name rg-fixture --yes"])
        #expect(script.steps.map(\.name) == ["resource-group"])
        let step = try #require(script.step("resource-group"))
        assertSnapshot(of: step.rendered(number: 1), named: "teardown-resource-group.bash")
    }
}
