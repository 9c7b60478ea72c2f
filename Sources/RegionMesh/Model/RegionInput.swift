/// A region's declarations with the defaults applied: what the person wrote for this region, or
/// what `Defaults` says, or the built-in default. Nothing is parsed yet.
struct RegionInput {
    let region: Region
    let namePrefix: String
    var network: Network?
    var pods: Pods?
    var services: Services?
    var clusterName: ClusterName?
    var virtualMachines: VirtualMachines
    var k3s: K3s
    var cilium: Cilium
    var cockroachDB: CockroachDB
    var adminAccess: AdminAccess?
    var nodes: Nodes
    var nodePorts: NodePorts
    var inboundRules: [InboundRule]

    var key: String { region.key }
    var location: SourceLocation { region.sourceLocation }

    /// The cluster name: the override, or `<namePrefix>-<key>`.
    var effectiveClusterName: String { clusterName?.name ?? "\(namePrefix)-\(region.key)" }
    /// Where the cluster name comes from.
    var clusterNameLocation: SourceLocation { clusterName?.sourceLocation ?? region.sourceLocation }
}

/// The settings used when neither the region nor `Defaults` gives one.
enum BuiltInDefaults {
    static func virtualMachines(at location: SourceLocation) -> VirtualMachines {
        VirtualMachines(size: "Standard_D4s_v5", image: .ubuntu2404, adminUser: "azureuser", fileID: location.file, filePath: "", line: location.line)
    }
    static func k3s(at location: SourceLocation) -> K3s { K3s(version: "v1.33.5+k3s1", fileID: location.file, filePath: "", line: location.line) }
    static func cilium(at location: SourceLocation) -> Cilium { Cilium(version: "1.19.5", fileID: location.file, filePath: "", line: location.line) }
    static func cockroachDB(at location: SourceLocation) -> CockroachDB {
        CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 2, memory: "8Gi", fileID: location.file, filePath: "", line: location.line)
    }
    static func nodes(at location: SourceLocation) -> Nodes { Nodes(3, fileID: location.file, filePath: "", line: location.line) }
    static func nodePorts(at location: SourceLocation) -> NodePorts { NodePorts(fileID: location.file, filePath: "", line: location.line) }
}

/// The declarations of a topology gathered by scope, with duplicates reported.
struct TopologyInput {
    var azure: Azure?
    var regions: [RegionInput] = []

    init(_ topology: Topology, diagnostics: inout [Diagnostic]) {
        var defaults: [Setting] = []
        var declaredRegions: [Region] = []
        for element in topology.elements {
            switch element {
            case .azure(let azure):
                if let first = self.azure {
                    diagnostics.append(.duplicate("Azure", in: "the topology", at: azure.sourceLocation, first: first.sourceLocation))
                } else {
                    self.azure = azure
                }
            case .defaults(let block): defaults += block.settings
            case .region(let region): declaredRegions.append(region)
            }
        }
        if azure == nil {
            diagnostics.append(Diagnostic(.missingDeclaration, "topology '\(topology.name)' has no Azure(resourceGroup:location:) declaration", at: topology.location))
        }
        if declaredRegions.isEmpty {
            diagnostics.append(Diagnostic(.noRegions, "topology '\(topology.name)' declares no Region", at: topology.location))
        }
        let defaultSettings = SettingScope(defaults, scope: "Defaults", diagnostics: &diagnostics)
        let prefix = azure?.namePrefix ?? "crdb"
        regions = declaredRegions.map { RegionInput(region: $0, namePrefix: prefix, defaults: defaultSettings, diagnostics: &diagnostics) }
    }
}

/// The settings of one scope (`Defaults` or a region), one of each kind, extra inbound rules added up.
struct SettingScope {
    var virtualMachines: VirtualMachines?
    var k3s: K3s?
    var cilium: Cilium?
    var cockroachDB: CockroachDB?
    var adminAccess: AdminAccess?
    var nodes: Nodes?
    var nodePorts: NodePorts?
    var inboundRules: [InboundRule] = []

    init() {}

    init(_ settings: [Setting], scope: String, diagnostics: inout [Diagnostic]) {
        for setting in settings { add(setting, scope: scope, diagnostics: &diagnostics) }
    }

    mutating func add(_ setting: Setting, scope: String, diagnostics: inout [Diagnostic]) {
        func set<T>(_ slot: inout T?, _ value: T, _ name: String, _ location: (T) -> SourceLocation) {
            if let first = slot {
                diagnostics.append(.duplicate(name, in: scope, at: location(value), first: location(first)))
            } else {
                slot = value
            }
        }
        switch setting {
        case .virtualMachines(let value): set(&virtualMachines, value, "VirtualMachines", \.sourceLocation)
        case .k3s(let value): set(&k3s, value, "K3s", \.sourceLocation)
        case .cilium(let value): set(&cilium, value, "Cilium", \.sourceLocation)
        case .cockroachDB(let value): set(&cockroachDB, value, "CockroachDB", \.sourceLocation)
        case .adminAccess(let value): set(&adminAccess, value, "AdminAccess", \.sourceLocation)
        case .nodes(let value): set(&nodes, value, "Nodes", \.sourceLocation)
        case .nodePorts(let value): set(&nodePorts, value, "NodePorts", \.sourceLocation)
        case .inboundRule(let value): inboundRules.append(value)
        }
    }
}

extension RegionInput {
    init(region: Region, namePrefix: String, defaults: SettingScope, diagnostics: inout [Diagnostic]) {
        let scope = "region '\(region.key)'"
        var own = SettingScope()
        var network: Network?, pods: Pods?, services: Services?, clusterName: ClusterName?
        func set<T>(_ slot: inout T?, _ value: T, _ name: String, _ location: SourceLocation, _ first: (T) -> SourceLocation) {
            if let existing = slot {
                diagnostics.append(.duplicate(name, in: scope, at: location, first: first(existing)))
            } else {
                slot = value
            }
        }
        for element in region.elements {
            switch element {
            case .network(let value): set(&network, value, "Network", value.sourceLocation, \.sourceLocation)
            case .pods(let value): set(&pods, value, "Pods", value.sourceLocation, \.sourceLocation)
            case .services(let value): set(&services, value, "Services", value.sourceLocation, \.sourceLocation)
            case .clusterName(let value): set(&clusterName, value, "ClusterName", value.sourceLocation, \.sourceLocation)
            case .setting(let setting): own.add(setting, scope: scope, diagnostics: &diagnostics)
            }
        }
        for (missing, example) in [(network == nil, "Network(vnet:subnet:)"), (pods == nil, "Pods(_:)"), (services == nil, "Services(_:)")]
        where missing {
            diagnostics.append(Diagnostic(.missingDeclaration, "region '\(region.key)' has no \(example) declaration", at: region.sourceLocation))
        }
        let at = region.sourceLocation
        self.init(
            region: region, namePrefix: namePrefix, network: network, pods: pods, services: services, clusterName: clusterName,
            virtualMachines: own.virtualMachines ?? defaults.virtualMachines ?? BuiltInDefaults.virtualMachines(at: at),
            k3s: own.k3s ?? defaults.k3s ?? BuiltInDefaults.k3s(at: at),
            cilium: own.cilium ?? defaults.cilium ?? BuiltInDefaults.cilium(at: at),
            cockroachDB: own.cockroachDB ?? defaults.cockroachDB ?? BuiltInDefaults.cockroachDB(at: at),
            adminAccess: own.adminAccess ?? defaults.adminAccess,
            nodes: own.nodes ?? defaults.nodes ?? BuiltInDefaults.nodes(at: at),
            nodePorts: own.nodePorts ?? defaults.nodePorts ?? BuiltInDefaults.nodePorts(at: at),
            inboundRules: defaults.inboundRules + own.inboundRules
        )
    }
}

extension Diagnostic {
    static func duplicate(_ name: String, in scope: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.duplicateDeclaration, "\(name) is declared twice in \(scope); the first declaration is kept", at: location, related: first)
    }
}
