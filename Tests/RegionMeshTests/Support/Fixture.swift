import RegionMesh
import Testing

/// A small valid topology that a test varies in one place.
///
/// Region `n` gets the address plan of ``addressPlan(_:)``; the defaults pin every version, limit
/// admin access and give every region 3 nodes. Three fixture regions validate without a single
/// diagnostic (``RuleCoverageTests`` checks that), so whatever a test sees comes from the one thing
/// it changed.
enum Fixture {
    /// The address plan of fixture region `n`: VNet `10.n.0.0/16`, subnet `10.n.1.0/24`,
    /// pods `10.(100+n).0.0/16`, services `10.(200+n).0.0/16`.
    static func addressPlan(_ n: Int) -> (vnet: String, subnet: String, pods: String, services: String) {
        precondition((1...50).contains(n), "fixture regions are numbered 1...50")
        return ("10.\(n).0.0/16", "10.\(n).1.0/24", "10.\(100 + n).0.0/16", "10.\(200 + n).0.0/16")
    }

    /// The Cilium setting of every fixture topology (its location is the related one of version conflicts).
    static let standardCilium = Cilium(version: "1.19.5")

    /// The default settings of every fixture topology.
    static var standardDefaults: [Setting] {
        [
            VirtualMachines(size: "Standard_D2s_v5", image: .ubuntu2404, adminUser: "ops").setting,
            K3s(version: "v1.33.5+k3s1").setting,
            standardCilium.setting,
            CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi").setting,
            AdminAccess(from: "192.0.2.0/24").setting,
            Nodes(3).setting,
        ]
    }

    /// A topology with the standard defaults, where each setting in `defaults` replaces the
    /// standard one of its kind, and the given regions. `azure: nil` leaves out the `Azure` line.
    /// The topology's own location is the caller's.
    static func topology(
        _ name: String = "fixture",
        azure: Azure? = Azure(resourceGroup: "rg-fixture", location: .eastus),
        defaults overrides: [Setting] = [],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @TopologyBuilder regions: () -> [TopologyElement]
    ) -> Topology {
        let replaced = Set(overrides.map(kind))
        let settings = standardDefaults.filter { !replaced.contains(kind($0)) } + overrides
        let declared = regions()
        return Topology(name, fileID: fileID, filePath: filePath, line: line) {
            if let azure { azure }
            Defaults { settings }
            declared
        }
    }

    /// Fixture region `n` with key `r<n>` and cluster ID `n` unless given. Any `Network`, `Pods` or
    /// `Services` in `content` replaces the region's standard one; anything else is added. The
    /// region's location is the caller's.
    static func region(
        _ n: Int, key: String? = nil, location: AzureLocation = .eastus, clusterID: Int? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [RegionElement] = { [] }
    ) -> Region {
        let plan = addressPlan(n)
        let extra = content()
        let replaced = Set(extra.map(kind))
        let standard: [RegionElement] = [
            .network(Network(vnet: plan.vnet, subnet: plan.subnet)),
            .pods(Pods(plan.pods)),
            .services(Services(plan.services)),
        ]
        let elements = standard.filter { !replaced.contains(kind($0)) } + extra
        return Region(key ?? "r\(n)", location: location, clusterID: clusterID ?? n, fileID: fileID, filePath: filePath, line: line) {
            elements
        }
    }

    /// The three standard fixture regions, `r1`…`r3`.
    static func standardRegions() -> [TopologyElement] {
        (1...3).map { region($0).topologyElement }
    }

    /// A valid topology of three fixture regions.
    static func valid(fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> Topology {
        topology(fileID: fileID, filePath: filePath, line: line) { standardRegions() }
    }

    /// The kind of a setting: two settings of one kind in one scope are a duplicate.
    static func kind(_ setting: Setting) -> String {
        switch setting {
        case .virtualMachines: "VirtualMachines"
        case .k3s: "K3s"
        case .cilium: "Cilium"
        case .cockroachDB: "CockroachDB"
        case .adminAccess: "AdminAccess"
        case .nodes: "Nodes"
        case .nodePorts: "NodePorts"
        case .inboundRule(let rule): "InboundRule \(rule.name)"
        }
    }

    /// The kind of a region declaration.
    static func kind(_ element: RegionElement) -> String {
        switch element {
        case .network: "Network"
        case .pods: "Pods"
        case .services: "Services"
        case .clusterName: "ClusterName"
        case .setting(let setting): kind(setting)
        }
    }

    /// Compiles a topology that must have no error and returns its Plan.
    static func plan(_ topology: Topology, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
        let compilation = Planner.compile(topology)
        #expect(!compilation.diagnostics.containsErrors, "\(compilation.diagnostics)", sourceLocation: sourceLocation)
        return try #require(compilation.plan, sourceLocation: sourceLocation)
    }
}

/// Dotted-quad text of a 32-bit value, written independently of `IPv4Address.description`.
func dotted(_ value: UInt32) -> String {
    "\(value >> 24 & 0xFF).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
}
