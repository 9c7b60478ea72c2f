/// Something a person writes in the DSL, together with where it was written.
///
/// The DSL is open: the neutral core declares ``Topology``, ``Defaults``, ``Region`` and the
/// address plan, and each component (a provider, a distribution, a network plugin, a database)
/// declares its own statements in its folder. Stages find declarations by type.
public protocol Declaration: Sendable {
    /// Where the declaration was written.
    var sourceLocation: SourceLocation { get }
    /// Whether one scope may hold several of it (`InboundRule`); otherwise a second one is a
    /// `duplicate-declaration` error and the first is kept.
    static var isRepeatable: Bool { get }
    /// The name messages use for it, e.g. `CockroachDB`.
    static var declarationName: String { get }
}

extension Declaration {
    public static var isRepeatable: Bool { false }
    public static var declarationName: String { String(describing: Self.self) }
}

/// A declaration allowed at the top level of a ``Topology``: ``Defaults``, ``Region``, and the
/// provider's placement of the whole deployment.
public protocol TopologyStatement: Declaration {}

/// A declaration allowed inside a ``Region``.
public protocol RegionStatement: Declaration {}

/// A setting: allowed inside ``Defaults``, which every region inherits, and inside a ``Region``,
/// where it overrides the defaults field by field (what the region's declaration leaves out comes
/// from `Defaults`, then from the built-in default).
public protocol SettingStatement: RegionStatement {}
