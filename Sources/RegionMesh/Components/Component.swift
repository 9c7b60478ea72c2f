/// The four axes along which deployments differ. Each is a protocol with one implementation per
/// folder (`Providers/<name>/`, `Distributions/<name>/`, `NetworkPlugins/<name>/`,
/// `Databases/<name>/`), and ``ComponentRegistry`` names the implementations. A component
/// supplies its DSL declarations, its rules, its validation and its part of the Plan; what one
/// component needs from another it reads from the other's conventions (below) or from the Plan,
/// never by calling it.
public protocol Component {
    /// The component's part of the validated topology: its settings parsed, with no optionals.
    associatedtype Validated: Sendable
    /// The component's part of the Plan.
    associatedtype Part: Sendable & Codable & Equatable

    /// The component's rules, for the catalogue.
    static var rules: [Rule] { get }
    /// The command-line tools its scripts call.
    static var tools: [ToolRequirement] { get }

    /// Checks the component's declarations (and how they fit the core's facts), reporting every
    /// problem; returns its validated part when nothing it checks is an error.
    static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> Validated?

    /// Resolves the validated part into the component's part of the Plan.
    static func plan(_ validated: Validated, context: PlanningContext) -> Part

    /// What changes in this component's resources of the regions both plans have, as setup.sh
    /// applies it (regions and nodes added and removed are the core's).
    static func changes(from previous: Part, to next: Part, context: ChangeContext) -> [Change]

    /// The container images its part of the Plan names, which every node pulls.
    static func images(_ part: Part) -> [String]
}

extension Component {
    /// None, unless the component pins images in its part of the Plan.
    public static func images(_ part: Part) -> [String] { [] }
}

/// The machines and private networks a deployment runs on.
public protocol InfrastructureProvider: Component where Part: ProviderFacts {
    /// What the provider tells the core and the other components.
    static var conventions: ProviderConventions { get }
    /// The prefix of every derived name (`crdb` gives cluster `crdb-eastus`).
    static func namePrefix(of topology: GatheredTopology) -> String
    /// Checks that the nodes' storage holds what the database puts on each node.
    static func checkStorage(_ validated: Validated, needs: [String: Quantity], diagnostics: inout DiagnosticCollector)
}

/// How each cluster's Kubernetes is installed.
public protocol KubernetesDistribution: Component {
    /// What the distribution tells the core and the other components.
    static var conventions: DistributionConventions { get }
}

/// The pod network of each cluster and how the clusters' pod networks are joined.
public protocol NetworkPlugin: Component {
    /// What the network plugin tells the core and the other components.
    static var conventions: NetworkPluginConventions { get }
}

/// The database that runs across the regions.
public protocol Database: Component {
    /// What the database tells the core and the other components.
    static var conventions: DatabaseConventions { get }
    /// The persistent storage each node of each region must hold, by region key.
    static func storagePerNode(_ validated: Validated) -> [String: Quantity]
}

/// What an infrastructure provider tells the core and the other components.
public struct ProviderConventions: Sendable {
    /// The provider's name, as messages and documents say it.
    public let name: String
    /// What it calls a region's private network.
    public let networkTerm: String
    /// How the regions' private networks reach each other.
    public let interconnect: String
    /// How a topology declares a region's network in this provider's spelling, for hints.
    public let networkDeclaration: String
    /// The rule that a node subnet lies inside its network (its ID names the provider's network term).
    public let subnetOutsideNetwork: Rule
    /// Address ranges the provider reserves for itself, with why.
    public let reservedRanges: [(IPv4Network, String)]
    /// How many addresses of each subnet the provider keeps, and the offset of the first it hands out.
    public let subnetReservation: SubnetReservation
    /// The prefix of derived names when the topology gives none.
    public let defaultNamePrefix: String
    /// The name of node `index` (1-based) of a region: machine, host and Kubernetes node name.
    public let nodeName: @Sendable (_ prefix: String, _ region: String, _ index: Int) -> String

    /// Declares a provider's conventions.
    public init(
        name: String, networkTerm: String, interconnect: String, networkDeclaration: String, subnetOutsideNetwork: Rule,
        reservedRanges: [(IPv4Network, String)], subnetReservation: SubnetReservation,
        defaultNamePrefix: String, nodeName: @escaping @Sendable (String, String, Int) -> String
    ) {
        self.name = name
        self.networkTerm = networkTerm
        self.interconnect = interconnect
        self.networkDeclaration = networkDeclaration
        self.subnetOutsideNetwork = subnetOutsideNetwork
        self.reservedRanges = reservedRanges
        self.subnetReservation = subnetReservation
        self.defaultNamePrefix = defaultNamePrefix
        self.nodeName = nodeName
    }
}

/// The addresses of a subnet a provider keeps for itself.
public struct SubnetReservation: Sendable {
    /// How many addresses of each subnet the provider keeps.
    public let reservedCount: Int
    /// The offset of the first address a node may use.
    public let firstUsableOffset: UInt64

    /// Declares a reservation.
    public init(reservedCount: Int, firstUsableOffset: UInt64) {
        self.reservedCount = reservedCount
        self.firstUsableOffset = firstUsableOffset
    }
}

/// What a Kubernetes distribution tells the core and the other components.
public struct DistributionConventions: Sendable {
    /// The distribution's name, as messages and documents say it.
    public let name: String
    /// The ports administrators and the installer must reach on every node from outside.
    public let adminPorts: [AdminPort]
    /// The fixed NodePorts the distribution's own services use.
    public let nodePorts: [NodePortPurpose]

    /// Declares a distribution's conventions.
    public init(name: String, adminPorts: [AdminPort], nodePorts: [NodePortPurpose]) {
        self.name = name
        self.adminPorts = adminPorts
        self.nodePorts = nodePorts
    }
}

/// What a network plugin tells the core and the other components.
public struct NetworkPluginConventions: Sendable {
    /// The plugin's name, as messages and documents say it.
    public let name: String
    /// What the distribution must leave out for the plugin to take over.
    public let distributionRequirements: Set<DistributionRequirement>
    /// The fixed NodePorts the plugin's own services use.
    public let nodePorts: [NodePortPurpose]

    /// Declares a network plugin's conventions.
    public init(name: String, distributionRequirements: Set<DistributionRequirement>, nodePorts: [NodePortPurpose]) {
        self.name = name
        self.distributionRequirements = distributionRequirements
        self.nodePorts = nodePorts
    }
}

/// Something the distribution must leave out because the network plugin brings its own.
public enum DistributionRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// No built-in pod network (k3s: `--flannel-backend=none`).
    case noBuiltInPodNetwork
    /// No built-in network policy controller (k3s: `--disable-network-policy`).
    case noBuiltInNetworkPolicy
}

/// What the provider's part of the Plan answers for the other components.
public protocol ProviderFacts: Sendable {
    /// The provider's name for the place region `key` runs in: `eastus`.
    func placement(ofRegion key: String) -> String
    /// The provider's conventions.
    var conventions: ProviderConventions { get }
    /// The failure domain (availability zone) of node `index` of region `key`, as Kubernetes names
    /// it in `topology.kubernetes.io/zone`; nil when the node is in none.
    func zone(ofNode index: Int, inRegion key: String) -> String?
    /// Where the nodes of region `key` keep persistent data (a mounted data disk), if not on the OS disk.
    func dataPath(ofRegion key: String) -> String?
    /// The DNS names clients outside the private networks reach region `key`'s database by (a
    /// global name first, then the region's own front end); empty when they do not. The database
    /// puts them into the region's certificates.
    func clientHostNames(ofRegion key: String) -> [String]
    /// The registry every node pulls its images through, when the provider runs one.
    var imageMirror: ImageMirror? { get }
}

/// What a component's planning may read: the neutral plan, and the provider's facts.
public struct PlanningContext: Sendable {
    /// The topology's name.
    public let topologyName: String
    /// The regions' neutral plans, in declaration order.
    public let regions: [RegionPlan]
    /// The cluster domain.
    public let clusterDomain: String
    /// The provider's facts (set once the provider is planned).
    public let provider: (any ProviderFacts)?
    /// What the network plugin asks of the distribution.
    public let distributionRequirements: Set<DistributionRequirement>
    /// The persistent storage each node of a region must hold for the database.
    public let storagePerNode: [String: Quantity]

    /// The regions other than `region`, in declaration order.
    public func remoteRegions(of region: RegionPlan) -> [RegionPlan] {
        regions.filter { $0.key != region.key }
    }
}

extension PlanningContext {
    /// The same context, with the provider's facts.
    func with(provider: any ProviderFacts) -> PlanningContext {
        PlanningContext(
            topologyName: topologyName, regions: regions, clusterDomain: clusterDomain, provider: provider,
            distributionRequirements: distributionRequirements, storagePerNode: storagePerNode)
    }
}

extension PlanningContext {
    /// The same context, with the database's storage per node.
    func with(storagePerNode: [String: Quantity]) -> PlanningContext {
        PlanningContext(
            topologyName: topologyName, regions: regions, clusterDomain: clusterDomain, provider: provider,
            distributionRequirements: distributionRequirements, storagePerNode: storagePerNode)
    }
}
