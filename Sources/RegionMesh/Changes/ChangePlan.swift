/// The change plan: what changes when the plan last generated for a topology is replaced by a new
/// one, and how setup.sh carries out each change.
public struct ChangePlan: Sendable, Codable, Equatable {
    /// What the new plan was compared with.
    public enum Baseline: String, Sendable, Codable {
        /// Nothing: the topology is generated for the first time.
        case none
        /// The plan.json last generated.
        case plan
        /// A plan.json from another RegionMesh version: only regions, clusters, addresses and
        /// nodes were compared.
        case corePlan = "core-plan"
    }

    public let topology: String
    public let baseline: Baseline
    public let changes: [Change]

    public init(topology: String, baseline: Baseline, changes: [Change]) {
        self.topology = topology
        self.baseline = baseline
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The changes a generation refuses unless they are acknowledged.
    public var needingAcknowledgement: [Change] { changes.filter(\.needsAcknowledgement) }

    /// The changes of the deployment as a whole, then of each region in the new plan's order, then
    /// of removed regions.
    public func grouped(regionOrder: [String]) -> [(region: String?, changes: [Change])] {
        let deploymentWide = changes.filter { $0.region == nil }
        let regions = regionOrder + changes.compactMap(\.region).filter { !regionOrder.contains($0) }.uniqued()
        let perRegion = regions.map { key in (region: Optional(key), changes: changes.filter { $0.region == key }) }
        return ([(region: nil, changes: deploymentWide)] + perRegion).filter { !$0.changes.isEmpty }
    }

    /// How many changes there are of each kind, in the order of `Change.Kind.allCases`.
    public var counts: [(kind: Change.Kind, count: Int)] {
        Change.Kind.allCases.map { kind in (kind, changes.count { $0.kind == kind }) }.filter { $0.count > 0 }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
