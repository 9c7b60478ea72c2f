import RegionMesh
import RegionMeshTestSupport
import Testing

/// Validation runs every check on whatever parsed: a value that does not parse is reported, and
/// every check that does not need it still runs, so one run reports every problem. A mistake in
/// `Defaults` is reported once, where it was written.
@Suite("Every check runs on whatever parsed")
struct EveryCheckRunsTests {
    @Test("a region with a bad memory quantity still reports its NSG priority clash and its unsupported Cilium")
    func badQuantityHidesNothing() {
        let (crdb, crdbLine) = (CockroachDB(memory: "8GB"), #line)
        let (rule, ruleLine) = (InboundRule("AllowSQL", priority: 100, ports: ["26257"], from: ["145.40.0.0/24"]), #line)
        let (cilium, ciliumLine) = (Cilium(version: "1.17.4"), #line)
        let topology = Fixture.withSecondRegion {
            crdb
            rule
            cilium
        }
        #expect(topology.rulesReported == [.invalidQuantity, .duplicateNSGPriority, .unsupportedCiliumVersion], "\(topology.diagnostics)")
        #expect(topology.findings(.invalidQuantity).map(\.location.line) == [crdbLine])
        #expect(topology.findings(.duplicateNSGPriority).map(\.location.line) == [ruleLine])
        #expect(topology.findings(.duplicateNSGPriority).first?.message.contains("priority 100, already used by rule 'AllowSSH'") == true)
        #expect(topology.findings(.unsupportedCiliumVersion).map(\.location.line) == [ciliumLine])
        #expect(Pipeline.compile(topology).plan == nil)
    }

    @Test("a malformed pod range still lets an identical VNet and a subnet outside its VNet be reported")
    func badPodRangeHidesNothing() {
        let (pods, podsLine) = (Pods("10.102.0.0"), #line)
        let (network, networkLine) = (Network(vnet: "10.1.0.0/16", subnet: "10.22.1.0/24"), #line)
        let topology = Fixture.withSecondRegion {
            pods
            network
        }
        #expect(topology.rulesReported == [.invalidCIDR, .overlappingCIDR, .subnetOutsideVNet], "\(topology.diagnostics)")
        #expect(topology.findings(.invalidCIDR).map(\.location.line) == [podsLine])
        // The overlap is reported at the later of the two declarations (by file and line), with the other as related.
        let overlaps = topology.findings(.overlappingCIDR)
        #expect(overlaps.count == 1)
        #expect(overlaps.first.map { [$0.location.line, $0.relatedLocation?.line] }?.contains(networkLine) == true, "\(overlaps)")
        #expect(overlaps.first.map { $0.message.contains("VNet 10.1.0.0/16 of region 'r1'") && $0.message.contains("VNet 10.1.0.0/16 of region 'r2'") } == true)
        #expect(topology.findings(.subnetOutsideVNet).map(\.location.line) == [networkLine])
    }

    @Test("a bad value in one region is reported there; the other regions' own problems are reported too")
    func problemsInSeveralRegions() {
        let topology = Fixture.topology(regions: 3) { n in
            switch n {
            case 1: VirtualMachines(adminUser: "root")
            case 2: Zones(1)
            default: DataDisks(sizeGiB: 1)
            }
        }
        #expect(topology.rulesReported == [.invalidAdminUser, .zonesUnavailable, .invalidDiskSize], "\(topology.diagnostics)")
    }

    /// A setting written in `Defaults` with one mistake, the rule it breaks, and whether the finding
    /// is about regions (then it names each of them).
    struct DefaultsMistake: Sendable, CustomTestStringConvertible {
        let setting: any SettingStatement
        let rule: Rule
        let namesRegions: Bool
        var testDescription: String { "\(type(of: setting).declarationName) → \(rule.id)" }
    }

    static let mistakes: [DefaultsMistake] = [
        DefaultsMistake(setting: CockroachDB(memory: "8GB"), rule: .invalidQuantity, namesRegions: false),
        DefaultsMistake(setting: CockroachDB(version: "26.2.1"), rule: .invalidVersion, namesRegions: false),
        DefaultsMistake(setting: CockroachDB(storageClass: "Fast_Disks"), rule: .invalidStorageClass, namesRegions: false),
        DefaultsMistake(setting: VirtualMachines(adminUser: "Admin"), rule: .invalidAdminUser, namesRegions: false),
        DefaultsMistake(setting: VirtualMachines(size: "Standard_D8sv5"), rule: .invalidVMSize, namesRegions: false),
        DefaultsMistake(setting: VirtualMachines(size: "Standard_D9s_v5"), rule: .unknownVMSize, namesRegions: false),
        DefaultsMistake(setting: VirtualMachines(osDiskGiB: 10), rule: .invalidDiskSize, namesRegions: false),
        DefaultsMistake(setting: DataDisks(sizeGiB: 50_000), rule: .invalidDiskSize, namesRegions: false),
        DefaultsMistake(setting: DataDisks(sizeGiB: 8), rule: .dataDiskTooSmall, namesRegions: true),
        DefaultsMistake(setting: Zones(4), rule: .zonesUnavailable, namesRegions: false),
        DefaultsMistake(setting: K3s(version: "v1.35"), rule: .invalidVersion, namesRegions: false),
        DefaultsMistake(setting: K3s(channel: "latest"), rule: .unpinnedK3sVersion, namesRegions: true),
        DefaultsMistake(setting: Cilium(version: "1.17.4"), rule: .unsupportedCiliumVersion, namesRegions: false),
        DefaultsMistake(setting: AdminAccess(from: "192.0.2.0/24"), rule: .unroutableSource, namesRegions: true),
        DefaultsMistake(setting: AdminAccess(from: "0.0.0.0/0"), rule: .adminOpenToInternet, namesRegions: true),
        DefaultsMistake(setting: AdminAccess(from: "145.40.0.0"), rule: .invalidCIDR, namesRegions: false),
        DefaultsMistake(
            setting: InboundRule("AllowSSH", priority: 200, ports: ["2222"], from: ["145.40.0.0/24"]), rule: .duplicateNSGRuleName, namesRegions: true),
        DefaultsMistake(
            setting: InboundRule("AllowSQL", priority: 110, ports: ["26257"], from: ["145.40.0.0/24"]), rule: .duplicateNSGPriority, namesRegions: true),
        DefaultsMistake(setting: InboundRule("AllowSQL", priority: 50, ports: ["26257"], from: ["145.40.0.0/24"]), rule: .invalidNSGPriority, namesRegions: false),
        DefaultsMistake(setting: NodePorts(dns: 53), rule: .nodePortOutOfRange, namesRegions: false),
        DefaultsMistake(setting: NodePorts(clusterMesh: 31000, dns: 31000), rule: .nodePortCollision, namesRegions: true),
        DefaultsMistake(setting: Nodes(0), rule: .invalidNodeCount, namesRegions: false),
    ]

    @Test("a mistake in Defaults is reported once, at the Defaults declaration, for five regions", arguments: mistakes)
    func defaultsMistakeOnce(mistake: DefaultsMistake) {
        let topology = Fixture.topology(regions: 5, defaults: [mistake.setting])
        let findings = topology.findings(mistake.rule)
        #expect(findings.map(\.location) == [mistake.setting.sourceLocation], "\(topology.diagnostics)")
        #expect(topology.rulesReported == [mistake.rule], "\(topology.diagnostics)")
        if mistake.namesRegions {
            // Zones(4) aside, every region inherits the mistake; the finding names them all.
            #expect(findings.first?.message.contains("regions 'r1', 'r2', 'r3', 'r4', 'r5'") == true, "\(findings)")
        } else {
            #expect(findings.first?.message.contains("'r2'") == false, "a mistake in a declaration is not about a region: \(findings)")
        }
    }
}
