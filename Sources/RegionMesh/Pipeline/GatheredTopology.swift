/// The first stage of the pipeline: a topology's declarations gathered by scope, each region with
/// the `Defaults` it inherits. Nothing is parsed yet; a declaration that may appear once but
/// appears twice in a scope is reported, and the first one is kept.
public struct GatheredTopology: Sendable {
    /// What the person wrote.
    public let topology: Topology
    /// The top-level declarations other than `Defaults` and the regions (the provider's placement).
    public let declarations: DeclarationList
    /// The settings of every `Defaults` block, in order.
    public let defaults: DeclarationList
    /// The regions, in declaration order.
    public let regions: [GatheredRegion]

    /// Gathers `topology`, reporting duplicates into `diagnostics`.
    public init(_ topology: Topology, diagnostics: inout DiagnosticCollector) {
        self.topology = topology
        var topLevel: [any Declaration] = []
        var settings: [any Declaration] = []
        var declaredRegions: [Region] = []
        for element in topology.elements {
            switch element {
            case let block as Defaults: settings += block.settings
            case let region as Region: declaredRegions.append(region)
            default: topLevel.append(element)
            }
        }
        declarations = DeclarationList(topLevel, scope: "the topology", diagnostics: &diagnostics)
        defaults = DeclarationList(settings, scope: "Defaults", diagnostics: &diagnostics)
        regions = declaredRegions.map { region in
            GatheredRegion(
                region: region,
                own: DeclarationList(region.elements, scope: "region '\(region.key)'", diagnostics: &diagnostics))
        }
        if declaredRegions.isEmpty {
            diagnostics.add(.noRegions, "topology '\(topology.name)' declares no Region", at: topology.location)
        }
    }
}

/// One region's own declarations.
public struct GatheredRegion: Sendable {
    /// The region as written.
    public let region: Region
    /// The declarations inside the region.
    public let own: DeclarationList

    /// The region key.
    public var key: String { region.key }
    /// Where the region was declared.
    public var location: SourceLocation { region.sourceLocation }
}

/// The declarations of one scope, found by type.
public struct DeclarationList: Sendable {
    /// The declarations, in the order they were written; of a kind that may appear once, only the first.
    public let all: [any Declaration]

    /// Gathers `declarations`, reporting each second declaration of a kind that may appear once.
    init(_ declarations: [any Declaration], scope: String, diagnostics: inout DiagnosticCollector) {
        var kept: [any Declaration] = []
        var firstOfKind: [ObjectIdentifier: SourceLocation] = [:]
        for declaration in declarations {
            let kind = type(of: declaration)
            if !kind.isRepeatable {
                if let first = firstOfKind[ObjectIdentifier(kind)] {
                    diagnostics.add(
                        .duplicateDeclaration, "\(kind.declarationName) is declared twice in \(scope); the first declaration is kept",
                        at: declaration.sourceLocation, related: first)
                    continue
                }
                firstOfKind[ObjectIdentifier(kind)] = declaration.sourceLocation
            }
            kept.append(declaration)
        }
        all = kept
    }

    /// The declaration of type `D`, if any.
    public func first<D: Declaration>(_ type: D.Type) -> D? {
        for declaration in all { if let match = declaration as? D { return match } }
        return nil
    }

    /// Every declaration of type `D`, in order.
    public func every<D: Declaration>(_ type: D.Type) -> [D] {
        all.compactMap { $0 as? D }
    }
}
