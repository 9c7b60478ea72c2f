import RegionMesh
import RegionMeshTestSupport
import Testing

/// What Azure refuses or would surprise with, checked before `az` sees it: admin users, VM sizes,
/// region keys that misspell their location, zones and disk sizes.
@Suite("Azure machine rules")
struct AzureMachineRuleTests {
    @Test(
        "admin users the Azure CLI refuses for Linux",
        arguments: [
            ("root", "is a name Azure reserves"), ("admin", "is a name Azure reserves"), ("Administrator", "is a name Azure reserves"),
            ("guest", "is a name Azure reserves"), ("Ops", "has upper-case letters, which Azure refuses for Linux; write 'ops'"),
            ("ops@home", "contains '@'"), ("my ops", "contains ' '"), ("ops#1", "contains '#'"), ("öps", "contains 'ö'"),
            ("-ops", "starts with '-'"), ("$ops", "starts with '$'"), ("", "has 0 characters; Azure allows 1 to 64"),
            (String(repeating: "u", count: 65), "has 65 characters; Azure allows 1 to 64"),
        ])
    func refusedAdminUsers(user: String, problem: String) {
        let (machines, line) = (VirtualMachines(adminUser: user), #line)
        let topology = Fixture.withSecondRegion { machines }
        let findings = topology.findings(.invalidAdminUser)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.hasPrefix("VM admin user '\(user)' \(problem)") == true, "\(findings)")
        #expect(topology.rulesReported == [.invalidAdminUser])
    }

    @Test("an upper-case name whose lower case Azure refuses too gets no lower-case hint")
    func noHintThatFails() {
        let findings = Fixture.withSecondRegion { VirtualMachines(adminUser: "Ops@Home") }.findings(.invalidAdminUser)
        #expect(findings.first?.message == "VM admin user 'Ops@Home' has upper-case letters, which Azure refuses for Linux")
    }

    @Test("admin users Azure takes", arguments: ["ops", "azureuser", "crdb_ops", "ops.1", "a1", String(repeating: "u", count: 64)])
    func acceptedAdminUsers(user: String) throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { VirtualMachines(adminUser: user) })
        #expect(plan.azure[plan.regions[1]].virtualMachine.adminUser == user)
    }

    @Test(
        "a malformed VM size is an error with the nearest known size",
        arguments: [
            ("Standard_D8sv5", "'Standard_D8s_v5'"), ("standard_d4s_v5", "'Standard_D4s_v5'"), ("Standard_D4S_v5", "'Standard_D4s_v5'"),
            ("Standard-D4s-v5", "'Standard_D4s_v5'"), ("Standard_D4s_v5 ", "'Standard_D4s_v5'"),
        ])
    func malformedVMSize(size: String, suggestion: String) {
        let (machines, line) = (VirtualMachines(size: size), #line)
        let findings = Fixture.withSecondRegion { machines }.findings(.invalidVMSize)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message == "VM size '\(size)' is not an Azure size name; did you mean \(suggestion)?", "\(findings)")
    }

    @Test("a malformed VM size far from every known one shows the shape instead")
    func malformedVMSizeWithoutSuggestion() {
        for size in ["large", "D4s_v5"] {
            let findings = Fixture.withSecondRegion { VirtualMachines(size: size) }.findings(.invalidVMSize)
            #expect(findings.first?.message == "VM size '\(size)' is not an Azure size name; Azure sizes look like 'Standard_D4s_v5'")
        }
    }

    @Test("a well-formed size RegionMesh does not know warns, and the Plan keeps it", arguments: ["Standard_D9s_v5", "Standard_NC24ads_A100_v4"])
    func unknownVMSize(size: String) throws {
        let topology = Fixture.withSecondRegion { VirtualMachines(size: size) }
        let findings = topology.findings(.unknownVMSize)
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("check that your locations offer it: az vm list-sizes --location <location>") == true)
        #expect(topology.rulesReported == [.unknownVMSize])
        let plan = try Fixture.plan(topology)
        #expect(plan.azure[plan.regions[1]].virtualMachine.size == size)
    }

    @Test("sizes RegionMesh knows pass without a word", arguments: ["Standard_D4s_v5", "Standard_B2ms", "Standard_E8ds_v5", "Standard_D16as_v6", "Standard_F8s_v2"])
    func knownVMSize(size: String) {
        #expect(Fixture.withSecondRegion { VirtualMachines(size: size) }.diagnostics == [])
    }

    @Test(
        "a region key a letter or two from its location's name warns; a key that is a location's name does not",
        arguments: [
            ("eastsu", AzureLocation.eastus, 2), ("uksout", .uksouth, 1), ("westu", .westus, 1), ("eastus", .eastus, 0), ("eastus2", .eastus, 0),
            ("westus", .eastus, 0), ("westus3", .westus2, 0), ("primary", .eastus, 0), ("r1", .eastus, 0),
        ])
    func regionKeyResemblesLocation(key: String, location: AzureLocation, distance: Int) {
        let (region, line) = (Fixture.region(1, key: key, location: location), #line)
        let topology = Fixture.topology {
            region
            Fixture.region(2)
            Fixture.region(3)
        }
        let findings = topology.findings(.regionKeyResemblesLocation)
        #expect(findings.map(\.location.line) == (distance == 0 ? [] : [line]), "\(findings)")
        if distance > 0 {
            let letters = distance == 1 ? "1 letter" : "\(distance) letters"
            #expect(findings.first?.message.contains("region key '\(key)' is \(letters) away from its location '\(location.name)'; if you meant '\(location.name)', use it") == true)
            #expect(findings.first?.severity == .warning)
        }
    }

    @Test("a zone outside 1–3 is an error where Zones is written, in Defaults once", arguments: [0, 1, 2])
    func zoneNumbers(example: Int) {
        let (declared, bad): (Zones, String) = switch example {
        case 0: (Zones(4), "4")
        case 1: (Zones(0, 2), "0")
        default: (Zones(1, 2, 3, 7, -1), "7, -1")
        }
        let findings = Fixture.topology(regions: 3, defaults: [declared]).findings(.zonesUnavailable)
        #expect(findings.map(\.location) == [declared.sourceLocation])
        #expect(findings.first?.message == "zone \(bad) is not an Azure availability zone; they are 1, 2 and 3")
    }

    @Test("Zones() is fine where the location has no zones, and pinned zones in such a location are an error")
    func zonesAndLocations() {
        // Fixture region 2 is in westus.
        #expect(Fixture.withSecondRegion { Zones() }.diagnostics == [])
        let (zones, line) = (Zones(1), #line)
        let findings = Fixture.topology(regions: 3, defaults: [zones]).findings(.zonesUnavailable)
        #expect(findings.map(\.location.line) == [line], "reported once, at Defaults")
        #expect(findings.first?.message == "region 'r2' pins zones 1 but its location 'westus' has no availability zones; write Zones() to place its nodes in none")
    }

    @Test("data disks: 4–32767 GiB; OS disks: 30–4095 GiB", arguments: [(4, 30, 0), (3, 30, 1), (32767, 4095, 0), (32768, 4095, 1), (64, 29, 1), (0, 4096, 2)])
    func diskSizes(data: Int, os: Int, errors: Int) {
        let topology = Fixture.withSecondRegion {
            DataDisks(sizeGiB: data)
            VirtualMachines(osDiskGiB: os)
        }
        #expect(topology.findings(.invalidDiskSize).count == errors, "\(topology.diagnostics)")
    }

    @Test("a data disk must hold the database volume: 64 GiB hold 64Gi, not 65Gi", arguments: [("64Gi", false), ("65Gi", true), ("60G", false), ("100Gi", true)])
    func dataDiskTooSmall(storage: String, tooSmall: Bool) {
        let (disks, line) = (DataDisks(sizeGiB: 64), #line)
        let topology = Fixture.withSecondRegion {
            disks
            CockroachDB(storage: storage)
        }
        let findings = topology.findings(.dataDiskTooSmall)
        #expect(findings.map(\.location.line) == (tooSmall ? [line] : []), "\(findings)")
    }

    @Test("data disks in Defaults too small for one region's storage are reported at Defaults for that region")
    func dataDiskInDefaults() {
        let (disks, line) = (DataDisks(sizeGiB: 64), #line)
        let topology = Fixture.topology(regions: 3, defaults: [disks]) { n in
            if n != 1 { CockroachDB(storage: "200Gi") }
        }
        let findings = topology.findings(.dataDiskTooSmall)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.hasPrefix("the 64 GiB data disks of regions 'r2', 'r3' cannot hold the database's 200Gi volume; give them at least 200 GiB") == true)
    }
}
