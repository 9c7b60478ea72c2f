/// The registration point of the model: which implementation each axis has, how each component's
/// part appears in the Plan, and the order components are validated and planned in. Adding a
/// provider, a distribution, a network plugin or a database means a folder of its own plus a case
/// here.
enum ComponentRegistry {
    /// Every rule: the core's and each component's.
    static var rules: [Rule] {
        CoreRules.all + AzureProvider.rules + K3sDistribution.rules + CiliumNetworkPlugin.rules + CockroachDatabase.rules
    }

    /// Every tool the scripts call, in the order the components need them, each once.
    static var tools: [ToolRequirement] {
        var seen = Set<String>()
        return (CoreTools.all + AzureProvider.tools + K3sDistribution.tools + CiliumNetworkPlugin.tools + CockroachDatabase.tools)
            .filter { seen.insert($0.name).inserted }
    }

    static var providerConventions: ProviderConventions { AzureProvider.conventions }
    static var distributionConventions: DistributionConventions { K3sDistribution.conventions }
    static var networkPluginConventions: NetworkPluginConventions { CiliumNetworkPlugin.conventions }
    static var databaseConventions: DatabaseConventions { CockroachDatabase.conventions }

    static func namePrefix(of topology: GatheredTopology) -> String { AzureProvider.namePrefix(of: topology) }

    /// Every component's validation, provider first. Returns the validated parts when none has an error.
    static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> ValidatedComponents? {
        let provider = AzureProvider.validate(topology, core: core, diagnostics: &diagnostics)
        let distribution = K3sDistribution.validate(topology, core: core, diagnostics: &diagnostics)
        let networkPlugin = CiliumNetworkPlugin.validate(topology, core: core, diagnostics: &diagnostics)
        let database = CockroachDatabase.validate(topology, core: core, diagnostics: &diagnostics)
        if let provider, let database {
            AzureProvider.checkStorage(provider, needs: CockroachDatabase.storagePerNode(database), diagnostics: &diagnostics)
        }
        guard let provider, let distribution, let networkPlugin, let database, !diagnostics.hasErrors else { return nil }
        return ValidatedComponents(provider: .azure(provider), distribution: .k3s(distribution), networkPlugin: .cilium(networkPlugin), database: .cockroachDB(database))
    }

    /// Every component's part of the Plan: the provider first, whose facts the others may read.
    static func plan(_ components: ValidatedComponents, context: PlanningContext) -> (ProviderPlan, DistributionPlan, NetworkPluginPlan, DatabasePlan) {
        let storage: [String: Quantity] = switch components.database { case .cockroachDB(let validated): CockroachDatabase.storagePerNode(validated) }
        let context = context.with(storagePerNode: storage)
        let provider: ProviderPlan = switch components.provider { case .azure(let validated): .azure(AzureProvider.plan(validated, context: context)) }
        let informed = context.with(provider: provider.facts)
        let distribution: DistributionPlan = switch components.distribution { case .k3s(let validated): .k3s(K3sDistribution.plan(validated, context: informed)) }
        let networkPlugin: NetworkPluginPlan = switch components.networkPlugin {
        case .cilium(let validated): .cilium(CiliumNetworkPlugin.plan(validated, context: informed))
        }
        let database: DatabasePlan = switch components.database {
        case .cockroachDB(let validated): .cockroachDB(CockroachDatabase.plan(validated, context: informed))
        }
        return (provider, distribution, networkPlugin, database)
    }

    /// The images the components' parts of `plan` name, each once, in the components' order.
    static func images(of plan: Plan) -> [String] {
        var images: [String] = []
        switch plan.distribution { case .k3s(let part): images += K3sDistribution.images(part) }
        switch plan.networkPlugin { case .cilium(let part): images += CiliumNetworkPlugin.images(part) }
        switch plan.database { case .cockroachDB(let part): images += CockroachDatabase.images(part) }
        var seen = Set<String>()
        return images.filter { seen.insert($0).inserted }
    }

    /// Each component's changes from one plan to the next.
    static func changes(from previous: Plan, to next: Plan) -> [Change] {
        let context = ChangeContext(previous: previous, next: next)
        var changes: [Change] = []
        switch (previous.provider, next.provider) {
        case (.azure(let old), .azure(let new)): changes += AzureProvider.changes(from: old, to: new, context: context)
        }
        switch (previous.distribution, next.distribution) {
        case (.k3s(let old), .k3s(let new)): changes += K3sDistribution.changes(from: old, to: new, context: context)
        }
        switch (previous.networkPlugin, next.networkPlugin) {
        case (.cilium(let old), .cilium(let new)): changes += CiliumNetworkPlugin.changes(from: old, to: new, context: context)
        }
        switch (previous.database, next.database) {
        case (.cockroachDB(let old), .cockroachDB(let new)): changes += CockroachDatabase.changes(from: old, to: new, context: context)
        }
        return changes
    }
}

/// Each component's validated part.
public struct ValidatedComponents: Sendable {
    enum Provider: Sendable { case azure(AzureProvider.Validated) }
    enum Distribution: Sendable { case k3s(K3sDistribution.Validated) }
    enum NetworkPlugin: Sendable { case cilium(CiliumNetworkPlugin.Validated) }
    enum Database: Sendable { case cockroachDB(CockroachDatabase.Validated) }

    let provider: Provider
    let distribution: Distribution
    let networkPlugin: NetworkPlugin
    let database: Database
}

/// The infrastructure provider's part of the Plan.
public enum ProviderPlan: Sendable, Equatable, Codable {
    case azure(AzurePlan)

    /// What the other components may ask of it.
    public var facts: any ProviderFacts {
        switch self { case .azure(let plan): plan }
    }

    private enum CodingKeys: String, CodingKey { case azure }

    public init(from decoder: any Decoder) throws {
        self = .azure(try decoder.container(keyedBy: CodingKeys.self).decode(AzurePlan.self, forKey: .azure))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self { case .azure(let plan): try container.encode(plan, forKey: .azure) }
    }
}

/// The Kubernetes distribution's part of the Plan.
public enum DistributionPlan: Sendable, Equatable, Codable {
    case k3s(K3sPlan)

    private enum CodingKeys: String, CodingKey { case k3s }

    public init(from decoder: any Decoder) throws {
        self = .k3s(try decoder.container(keyedBy: CodingKeys.self).decode(K3sPlan.self, forKey: .k3s))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self { case .k3s(let plan): try container.encode(plan, forKey: .k3s) }
    }
}

/// The network plugin's part of the Plan.
public enum NetworkPluginPlan: Sendable, Equatable, Codable {
    case cilium(CiliumPlan)

    /// The same part with what joins each cluster to the others (mesh peers) derived from
    /// `regions`; `plan.json` leaves that out.
    func meshed(_ regions: [RegionPlan]) -> NetworkPluginPlan {
        switch self { case .cilium(let plan): .cilium(plan.meshed(regions)) }
    }

    private enum CodingKeys: String, CodingKey { case cilium }

    public init(from decoder: any Decoder) throws {
        self = .cilium(try decoder.container(keyedBy: CodingKeys.self).decode(CiliumPlan.self, forKey: .cilium))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self { case .cilium(let plan): try container.encode(plan, forKey: .cilium) }
    }
}

/// The database's part of the Plan.
public enum DatabasePlan: Sendable, Equatable, Codable {
    case cockroachDB(CockroachPlan)

    private enum CodingKeys: String, CodingKey { case cockroachDB }

    public init(from decoder: any Decoder) throws {
        self = .cockroachDB(try decoder.container(keyedBy: CodingKeys.self).decode(CockroachPlan.self, forKey: .cockroachDB))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self { case .cockroachDB(let plan): try container.encode(plan, forKey: .cockroachDB) }
    }
}
