/// The model's stages, top to bottom:
///
/// ```
/// Topology ─gather─▶ GatheredTopology ─validate─▶ ValidatedTopology ─plan─▶ Plan
/// (as written)       (scopes, Defaults    (every field parsed,      (every name, address,
///                     per region)          every rule checked,        ID and port resolved)
///                                          no optionals)
/// ```
///
/// Every stage reports into one ``DiagnosticCollector``; validation runs every check on whatever
/// parsed, so one run reports every problem. Planning starts only from a ``ValidatedTopology``,
/// which exists only when no check found an error. The generator continues the pipeline:
/// `Plan → [Artifact] → ChangeSet → write` (`RegionMeshGenerator.GenerationPipeline`).
public enum Pipeline {
    /// Gathers and validates `topology`: every diagnostic, and the validated form when none is an error.
    public static func validate(_ topology: Topology) -> Validation {
        var diagnostics = DiagnosticCollector()
        let gathered = GatheredTopology(topology, diagnostics: &diagnostics)
        let core = CoreValidation.check(
            gathered, provider: ComponentRegistry.providerConventions, namePrefix: ComponentRegistry.namePrefix(of: gathered),
            adminPorts: ComponentRegistry.distributionConventions.adminPorts,
            nodePorts: ComponentRegistry.distributionConventions.nodePorts + ComponentRegistry.networkPluginConventions.nodePorts,
            clientPorts: ComponentRegistry.databaseConventions.clientPorts, diagnostics: &diagnostics)
        let components = ComponentRegistry.validate(gathered, core: core, diagnostics: &diagnostics)
        var validated: ValidatedTopology?
        if !diagnostics.hasErrors, let regions = core.validated, let components {
            validated = ValidatedTopology(topology: topology, namePrefix: core.namePrefix, regions: regions, components: components)
        }
        return Validation(diagnostics: diagnostics.diagnostics, topology: validated)
    }

    /// Validates `topology` and, when it has no error, resolves it into a ``Plan``.
    public static func compile(_ topology: Topology) -> Compilation {
        let validation = validate(topology)
        return Compilation(diagnostics: validation.diagnostics, plan: validation.topology.map(Planner.plan))
    }

    /// Validates the topologies of one repository: each on its own, and what they share, which
    /// each topology's diagnostics include.
    public static func validate(_ topologies: [Topology]) -> [Validation] {
        let shared = CrossTopologyRules.check(topologies)
        return topologies.enumerated().map { index, topology in
            let validation = validate(topology)
            return Validation(diagnostics: (validation.diagnostics + shared[index]).sortedByLocation(), topology: validation.topology)
        }
    }

    /// Compiles the topologies of one repository, with what they share checked.
    public static func compile(_ topologies: [Topology]) -> [Compilation] {
        validate(topologies).map { Compilation(diagnostics: $0.diagnostics, plan: $0.topology.map(Planner.plan)) }
    }
}

/// The result of validating a topology.
public struct Validation: Sendable {
    /// Every finding, sorted by location.
    public let diagnostics: [Diagnostic]
    /// The validated topology; nil when any diagnostic is an error.
    public let topology: ValidatedTopology?
}

/// The result of compiling a topology: every diagnostic, and the Plan when there is no error.
public struct Compilation: Sendable {
    /// Every finding, sorted by location.
    public let diagnostics: [Diagnostic]
    /// The resolved deployment; nil when any diagnostic is an error.
    public let plan: Plan?
}

/// A topology whose every declaration parsed and passed every rule: no optionals left.
public struct ValidatedTopology: Sendable {
    /// What the person wrote.
    public let topology: Topology
    /// The prefix of every derived name.
    public let namePrefix: String
    /// The regions' neutral settings.
    public let regions: [ValidatedRegion]
    /// Each component's settings.
    public let components: ValidatedComponents
}
