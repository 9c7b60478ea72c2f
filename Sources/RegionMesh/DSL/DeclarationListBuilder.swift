/// The shared shape of RegionMesh's result builders. Each builder collects the declarations of one
/// scope into an array; the default implementations below give every builder the same syntax:
public protocol DeclarationListBuilder {
    /// What the scope collects.
    associatedtype Element
}

extension DeclarationListBuilder {
    /// Declarations listed one after another.
    public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }

    /// A helper function that returns several declarations at once: `standardRegions()`.
    public static func buildExpression(_ elements: [Element]) -> [Element] { elements }

    /// `if condition { … }` without an `else`.
    public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }

    /// The first branch of `if … else` or `switch`.
    public static func buildEither(first part: [Element]) -> [Element] { part }

    /// The second branch of `if … else` or `switch`.
    public static func buildEither(second part: [Element]) -> [Element] { part }

    /// `for item in items { … }`.
    public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }

    /// `if #available(…) { … }`.
    public static func buildLimitedAvailability(_ part: [Element]) -> [Element] { part }
}

/// Collects the top level of a ``Topology``: the provider's placement, ``Defaults`` and ``Region``s.
@resultBuilder
public enum TopologyBuilder: DeclarationListBuilder {
    public typealias Element = any TopologyStatement

    /// A single declaration.
    public static func buildExpression(_ statement: some TopologyStatement) -> [Element] { [statement] }

    /// A helper function that returns several declarations of one type: `standardRegions() -> [Region]`.
    public static func buildExpression<Statement: TopologyStatement>(_ statements: [Statement]) -> [Element] {
        statements.map { $0 }
    }
}

/// Collects the settings inside ``Defaults``.
@resultBuilder
public enum SettingsBuilder: DeclarationListBuilder {
    public typealias Element = any SettingStatement

    /// A single setting.
    public static func buildExpression(_ statement: some SettingStatement) -> [Element] { [statement] }

    /// A helper function that returns several settings of one type: `standardRules() -> [InboundRule]`.
    public static func buildExpression<Statement: SettingStatement>(_ statements: [Statement]) -> [Element] {
        statements.map { $0 }
    }
}

/// Collects the declarations inside a ``Region``: its address plan and any setting that overrides
/// a default.
@resultBuilder
public enum RegionBuilder: DeclarationListBuilder {
    public typealias Element = any RegionStatement

    /// A single declaration.
    public static func buildExpression(_ statement: some RegionStatement) -> [Element] { [statement] }

    /// A helper function that returns several declarations of one type: `sqlRules() -> [InboundRule]`.
    public static func buildExpression<Statement: RegionStatement>(_ statements: [Statement]) -> [Element] {
        statements.map { $0 }
    }
}
