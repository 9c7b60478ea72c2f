import RegionMesh
import Testing

/// The one builder of test topologies: small valid topologies that a test varies in one place.
///
/// Fixture region `n` has key `r<n>`, cluster ID `n` and the address plan of ``addressPlan(_:)``;
/// the defaults pin every version, limit administrative access and give every region 3 nodes
/// (``standardDefaults(nodes:k3s:cilium:)``). Three fixture regions validate without a single
/// diagnostic (`RuleCoverageTests` checks that), so whatever a test sees comes from the one thing
/// it changed. The knobs: the number of regions, nodes per region, the k3s release, the Cilium
/// version, settings that replace the standard defaults, extra declarations per region, and
/// whether the topology has an `Azure` placement at all.
///
/// The topology and its regions record the caller's file and line (as a person's helper may pass
/// them on), so a test can assert where a diagnostic points. The standard declarations record this
/// file; a test that wants to assert the location of a setting writes that setting itself.
public enum Fixture {
    /// The four ranges of a region, as written in the DSL.
    public struct AddressPlan: Sendable {
        public let vnet: String
        public let subnet: String
        public let pods: String
        public let services: String
    }

    /// The address plan of fixture region `n` (1…50): VNet `10.n.0.0/16`, subnet `10.n.1.0/24`,
    /// pods `10.(100+n).0.0/16`, services `10.(200+n).0.0/16`.
    public static func addressPlan(_ n: Int) -> AddressPlan {
        precondition((1...50).contains(n), "fixture regions are numbered 1...50")
        return AddressPlan(vnet: "10.\(n).0.0/16", subnet: "10.\(n).1.0/24", pods: "10.\(100 + n).0.0/16", services: "10.\(200 + n).0.0/16")
    }

    /// The resource group of every fixture topology.
    public static let resourceGroup = "rg-fixture"

    /// The Azure placement of every fixture topology (declared here).
    public static let azure = Azure(resourceGroup: resourceGroup, location: .eastus)

    /// The Azure locations of fixture regions 1, 2, 3, …, in turn.
    public static let locations: [AzureLocation] = [.eastus, .westus, .northeurope, .westeurope, .southeastasia]

    /// The standard release and chart of every fixture topology.
    public static let k3sRelease = "v1.33.5+k3s1"
    public static let ciliumVersion = "1.19.5"

    /// The default settings of a fixture topology, declared in this file: VMs, k3s, Cilium,
    /// CockroachDB, administrative access from 145.40.0.0/24, and `nodes` nodes per region.
    public static func standardDefaults(nodes: Int = 3, k3s: K3s? = nil, cilium: String = ciliumVersion) -> [any SettingStatement] {
        [
            VirtualMachines(size: "Standard_D2s_v5", image: .ubuntu2404, adminUser: "ops"),
            k3s ?? K3s(version: k3sRelease),
            Cilium(version: cilium),
            CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi"),
            AdminAccess(from: "145.40.0.0/24"),
            Nodes(nodes),
        ]
    }

    /// Where the standard `Cilium` of ``standardDefaults(nodes:k3s:cilium:)`` is declared (the related
    /// location of a version mix).
    public static var standardCiliumLocation: RegionMesh.SourceLocation {
        standardDefaults().first { $0 is Cilium }!.sourceLocation
    }

    /// A topology with the standard defaults and the declarations of `content` (usually
    /// ``region(_:key:location:clusterID:fileID:filePath:line:_:)``s). Each setting in `defaults`
    /// replaces the standard one of its kind (`InboundRule`s are added). `azure: nil` leaves the
    /// `Azure` placement out. The topology's location is the caller's.
    public static func topology(
        _ name: String = "fixture", summary: String = "", azure: Azure? = Fixture.azure, nodes: Int = 3, k3s: K3s? = nil,
        cilium: String = ciliumVersion, defaults overrides: [any SettingStatement] = [],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @TopologyBuilder _ content: () -> [any TopologyStatement]
    ) -> Topology {
        let replaced = Set(overrides.filter { !type(of: $0).isRepeatable }.map { ObjectIdentifier(type(of: $0)) })
        let settings = standardDefaults(nodes: nodes, k3s: k3s, cilium: cilium).filter { !replaced.contains(ObjectIdentifier(type(of: $0))) }
            + overrides
        let declared = content()
        return Topology(name, summary: summary, fileID: fileID, filePath: filePath, line: line) {
            if let azure { azure }
            Defaults { settings }
            declared
        }
    }

    /// A topology of fixture regions `1...regions`, each with the declarations `extra(n)` gives
    /// (a `Network`, `Pods` or `Services` among them replaces the standard one). The other knobs are
    /// those of ``topology(_:summary:azure:nodes:k3s:cilium:defaults:fileID:filePath:line:_:)``;
    /// the topology and every region record the caller's location.
    public static func topology(
        _ name: String = "fixture", summary: String = "", regions count: Int, azure: Azure? = Fixture.azure, nodes: Int = 3,
        k3s: K3s? = nil, cilium: String = ciliumVersion, defaults overrides: [any SettingStatement] = [],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder extra: (Int) -> [any RegionStatement] = { _ in [] }
    ) -> Topology {
        let regions = (0..<count).map { index in
            region(index + 1, fileID: fileID, filePath: filePath, line: line) { extra(index + 1) }
        }
        return topology(
            name, summary: summary, azure: azure, nodes: nodes, k3s: k3s, cilium: cilium, defaults: overrides,
            fileID: fileID, filePath: filePath, line: line
        ) { regions }
    }

    /// The three standard regions with region `r2` changed by `content`; the topology and its
    /// regions record the caller's location.
    public static func withSecondRegion(
        defaults overrides: [any SettingStatement] = [], fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [any RegionStatement]
    ) -> Topology {
        let second = content()
        return topology(regions: 3, defaults: overrides, fileID: fileID, filePath: filePath, line: line) { n in
            if n == 2 { second }
        }
    }

    /// Fixture region `n`: key `r<n>`, cluster ID `n`, the location `locations` gives it, unless
    /// given. A `Network`, `Pods` or `Services` in `content` replaces the standard one; anything else
    /// is added. The region's location is the caller's.
    public static func region(
        _ n: Int, key: String? = nil, location: AzureLocation? = nil, clusterID: Int? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [any RegionStatement] = { [] }
    ) -> Region {
        let plan = addressPlan(n)
        return region(
            key: key ?? "r\(n)", location: location ?? locations[(n - 1) % locations.count], clusterID: clusterID ?? n, plan: plan,
            fileID: fileID, filePath: filePath, line: line, content())
    }

    /// The standard fixture regions `r1`…`r<count>`, declared at the caller's location.
    public static func regions(_ count: Int, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> [Region] {
        (1...count).map { region($0, fileID: fileID, filePath: filePath, line: line) }
    }

    /// A valid topology of three fixture regions.
    public static func valid(fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> Topology {
        topology(regions: 3, fileID: fileID, filePath: filePath, line: line)
    }

    // MARK: Clients and registry

    /// The global endpoint's name of ``withGlobalEndpoint(_:regions:routing:serves:registry:clients:fileID:filePath:line:extra:)``.
    public static let globalName = "fixture-global"
    /// Its registry's name.
    public static let registryName = "fixtureimages"
    /// Where its clients connect from.
    public static let clientRange = "151.101.0.0/24"

    /// Fixture regions `1...regions` behind a global endpoint (``globalName``), with clients from
    /// ``clientRange`` in `Defaults` and, when `registry`, the registry ``registryName``. A region
    /// closes itself with `ClientAccess()` in `extra`. The topology and its regions record the caller's location.
    public static func withGlobalEndpoint(
        _ name: String = "fixture", regions count: Int = 3, routing: TrafficRouting = .performance, serves: [ClientService] = [.sql, .console],
        registry: Bool = true, clients: [String] = [clientRange], fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder extra: (Int) -> [any RegionStatement] = { _ in [] }
    ) -> Topology {
        let regions = (1...count).map { n in region(n, fileID: fileID, filePath: filePath, line: line) { extra(n) } }
        let access = ClientAccess(from: clients, fileID: fileID, filePath: filePath, line: line)
        return topology(name, defaults: [access], fileID: fileID, filePath: filePath, line: line) {
            GlobalEndpoint(trafficManager: globalName, routing: routing, serves: serves, fileID: fileID, filePath: filePath, line: line)
            if registry { ImageRegistry(acr: registryName, fileID: fileID, filePath: filePath, line: line) }
            regions
        }
    }

    /// The Plan of a small fixture topology, for snippet and snapshot tests of the generator:
    /// `regions` regions of `nodes` nodes (2 and 2 unless given), named `name`, declared at the caller.
    public static func smallPlan(
        _ name: String = "fixture", regions: Int = 2, nodes: Int = 2, k3s: K3s? = nil, cilium: String = ciliumVersion,
        defaults overrides: [any SettingStatement] = [],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Plan {
        try plan(
            topology(
                name, summary: "Small fixture for snippet tests", regions: regions, nodes: nodes, k3s: k3s, cilium: cilium,
                defaults: overrides, fileID: fileID, filePath: filePath, line: line),
            sourceLocation: sourceLocation)
    }

    // MARK: Large topologies

    /// The address plan of generated region `i` (1…2047), for topologies too large for the
    /// hand-written numbering: VNet = block `i` of the /20s of 10.0.0.0/9, subnet = that VNet's
    /// first /24, pods = block `i` of the /22s of 10.128.0.0/10, services = block `i` of the /24s
    /// of 10.192.0.0/10. No two ever overlap.
    public static func generatedAddressPlan(_ i: Int) -> AddressPlan {
        precondition((1...2047).contains(i), "generated regions are numbered 1...2047")
        let index = UInt32(i)
        let vnet = 0x0A00_0000 + index << 12
        let pods = 0x0A80_0000 + index << 10
        let services = 0x0AC0_0000 + index << 8
        return AddressPlan(vnet: "\(dotted(vnet))/20", subnet: "\(dotted(vnet))/24", pods: "\(dotted(pods))/22", services: "\(dotted(services))/24")
    }

    /// Generated region `i`: key `g<i>`, cluster ID `i` unless given, the address plan of
    /// ``generatedAddressPlan(_:)``; `content` as for ``region(_:key:location:clusterID:fileID:filePath:line:_:)``.
    public static func generatedRegion(
        _ i: Int, clusterID: Int? = nil, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [any RegionStatement] = { [] }
    ) -> Region {
        region(
            key: "g\(i)", location: AzureLocation.allCases[i % AzureLocation.allCases.count], clusterID: clusterID ?? i,
            plan: generatedAddressPlan(i), fileID: fileID, filePath: filePath, line: line, content())
    }

    private static func region(
        key: String, location: AzureLocation, clusterID: Int, plan: AddressPlan, fileID: String, filePath: String, line: Int,
        _ extra: [any RegionStatement]
    ) -> Region {
        let replaceable: [any RegionStatement.Type] = [Network.self, Pods.self, Services.self]
        let replaced = Set(extra.map { ObjectIdentifier(type(of: $0)) }).intersection(replaceable.map { ObjectIdentifier($0) })
        let standard: [any RegionStatement] = [
            Network(vnet: plan.vnet, subnet: plan.subnet), Pods(plan.pods), Services(plan.services),
        ]
        let elements = standard.filter { !replaced.contains(ObjectIdentifier(type(of: $0))) } + extra
        return Region(key, location: location, clusterID: clusterID, fileID: fileID, filePath: filePath, line: line) { elements }
    }

    // MARK: Compiling

    /// The Plan of a topology that must have no error. Records an issue naming the diagnostics (at
    /// the caller) and throws when it has one.
    public static func plan(_ topology: Topology, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
        let compilation = Pipeline.compile(topology)
        guard let plan = compilation.plan else {
            let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
            Issue.record("fixture '\(topology.name)' does not compile:\n\(errors)", sourceLocation: sourceLocation)
            throw FixtureError(message: "fixture '\(topology.name)' does not compile")
        }
        return plan
    }
}

/// A fixture that does not compile.
public struct FixtureError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Dotted-quad text of a 32-bit value, written independently of `IPv4Address.description`.
public func dotted(_ value: UInt32) -> String {
    "\(value >> 24 & 0xFF).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
}
