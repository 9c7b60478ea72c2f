import Foundation
import RegionMesh

/// Turns a Plan into every artifact of `out/<topology>/`, sorted by path: each component's
/// scripts and files, the cluster manifests (one stage for all components' objects), `setup.sh`
/// and `teardown.sh` composed from the components' steps, `plan.json`, and the README.
public enum Generator {
    /// Every artifact for `plan`, sorted by path, recording `lastChange` (none: a first generation);
    /// `context` is what the files say about the command that regenerates them and where they lie.
    /// Throws only on an internal encoding failure.
    public static func artifacts(
        for plan: Plan, lastChange: ChangePlan? = nil, context: GenerationContext = GenerationContext()
    ) throws -> [Artifact] {
        try artifacts(for: plan, context: context) { _ in lastChange ?? ChangePlan(topology: plan.name, baseline: .none, changes: []) }
    }

    /// Every artifact for `plan`, sorted by path; `changeToRecord` gives the change plan to record
    /// from the new plan.json (for comparing it with the recorded one), once that is made.
    public static func artifacts(
        for plan: Plan, context: GenerationContext = GenerationContext(), changeToRecord: (Artifact) throws -> ChangePlan
    ) throws -> [Artifact] {
        let header = FileHeader(plan, context: context)
        let components = GeneratorRegistry.components(of: plan, context: context)
        // plan.json, what each component contributes, and its files (which the GitOps objects
        // embed), gathered on every core.
        var gathering: [@Sendable () throws -> Gathered] = [{ .planFile(try planFile(plan)) }]
        gathering += components.map { component in { .parts(ComponentParts(component)) } }
        for job in components.flatMap({ $0.fileJobs() }) { gathering.append { .files(try job()) } }
        let gathered = try Parallel.map(gathering) { try $0() }
        guard case .planFile(let planFile) = gathered[0] else { preconditionFailure("plan.json is gathered first") }
        let parts = gathered.compactMap { if case .parts(let part) = $0 { part } else { nil } }
        let files = gathered.flatMap { gathered -> [Artifact] in if case .files(let some) = gathered { some } else { [] } }
        let scripts = scripts(of: parts, plan: plan)
        // The change plan to record (and so the README) follows from plan.json.
        let lastChange = try changeToRecord(planFile)
        // Independent pieces, rendered on every core; the result is sorted by path below.
        var jobs: [@Sendable () throws -> [Artifact]] = [
            { [planFile, Artifact(path: ArtifactPaths.changePlanJSON, contents: try JSON.encode(lastChange))] },
            { [DeploymentReadme.artifact(plan, lastChange: lastChange, contributions: parts.map(\.readme), scripts: scripts, context: context)] },
        ]
        jobs += scripts.map { script in
            { [Artifact(path: script.path, contents: try ScriptRenderer.render(script, plan: plan, header: header), isExecutable: true)] }
        }
        jobs.append { files }
        jobs += ClusterManifests.jobs(plan, objects: parts.flatMap(\.clusterObjects), notes: parts.flatMap(\.clusterFolderNotes), header: header)
        // The setup steps a controller cannot replace: machines, clusters, what its own pods need, and what
        // clients connect through.
        let steps = { (phases: [PhasedStep.Phase]) in
            ordered(parts.map { $0.setupSteps.filter { phases.contains($0.phase) } }).map(\.name)
        }
        let releases = parts.flatMap(\.helmReleases)
        let valuesPaths = Set(releases.map(\.valuesPath))
        let valuesFiles = Dictionary(
            files.filter { valuesPaths.contains($0.path) }.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let firstSteps = GitOpsReadme.FirstSteps(
            machines: steps([.infrastructure, .cluster]), bootstrap: steps([.podNetwork, .serviceDiscovery]),
            prerequisites: parts.flatMap(\.readme.gitOpsPrerequisites), clientEntry: steps([.clientEntry]))
        jobs += GitOpsArtifacts.jobs(plan, releases: releases, valuesFiles: valuesFiles, firstSteps: firstSteps, context: context, header: header)
        let artifacts = try Parallel.map(jobs) { try $0() }.flatMap { $0 }
        var seen = Set<String>()
        if let duplicate = artifacts.first(where: { !seen.insert($0.path).inserted }) {
            throw GeneratorError("two components write \(duplicate.path) for topology \(plan.name)")
        }
        return artifacts.sorted { $0.path < $1.path }
    }

    /// plan.json: the record of `plan`.
    public static func planFile(_ plan: Plan) throws -> Artifact {
        Artifact(path: ArtifactPaths.planJSON, contents: try JSON.encode(plan))
    }

    /// The components' scripts, then `setup.sh` and `teardown.sh` composed from their steps.
    static func scripts(of components: [any ComponentGenerator], plan: Plan) -> [Script] {
        composed(
            components.flatMap { $0.scripts() }, setup: components.map { $0.setupSteps() }, teardown: components.map { $0.teardownSteps() },
            checks: components.flatMap { $0.preflightChecks() }, summary: components.flatMap { $0.summary() }, plan: plan)
    }

    private static func scripts(of parts: [ComponentParts], plan: Plan) -> [Script] {
        composed(
            parts.flatMap(\.scripts), setup: parts.map(\.setupSteps), teardown: parts.map(\.teardownSteps),
            checks: parts.flatMap(\.preflightChecks), summary: parts.flatMap(\.summary), plan: plan)
    }

    /// `componentScripts`, then `setup.sh` and `teardown.sh` from each component's steps.
    private static func composed(
        _ componentScripts: [Script], setup: [[PhasedStep]], teardown: [[PhasedStep]], checks: [PreflightCheck], summary: [String], plan: Plan
    ) -> [Script] {
        var environment: [ScriptEnvironment.Variable] = []
        for variable in componentScripts.flatMap(\.environment) where !environment.contains(variable) { environment.append(variable) }
        return componentScripts + [
            SetupScript.make(plan, steps: ordered(setup), environment: environment, checks: checks, summary: summary),
            TeardownScript.make(plan, steps: ordered(teardown)),
        ]
    }

    /// What gathering gives: plan.json, a component's parts, or some of its files.
    private enum Gathered: Sendable {
        case planFile(Artifact)
        case parts(ComponentParts)
        case files([Artifact])
    }

    /// What one component contributes but its files, gathered once.
    private struct ComponentParts: Sendable {
        let scripts: [Script]
        let clusterObjects: [ClusterObject]
        let clusterFolderNotes: [String]
        let helmReleases: [ClusterHelmRelease]
        let setupSteps: [PhasedStep]
        let teardownSteps: [PhasedStep]
        let preflightChecks: [PreflightCheck]
        let summary: [String]
        let readme: ReadmeContribution

        init(_ component: any ComponentGenerator) {
            scripts = component.scripts()
            clusterObjects = component.clusterObjects()
            clusterFolderNotes = component.clusterFolderNotes()
            helmReleases = component.helmReleases()
            setupSteps = component.setupSteps()
            teardownSteps = component.teardownSteps()
            preflightChecks = component.preflightChecks()
            summary = component.summary()
            readme = component.readme()
        }
    }

    /// The components' steps ordered by phase; within a phase, by component, then as listed.
    static func ordered(_ perComponent: [[PhasedStep]]) -> [ScriptStep] {
        perComponent.enumerated()
            .flatMap { component, steps in steps.enumerated().map { (step: $0.element, component: component, index: $0.offset) } }
            .sorted { ($0.step.phase.rawValue, $0.component, $0.index) < ($1.step.phase.rawValue, $1.component, $1.index) }
            .map(\.step.step)
    }
}

/// A generator or writer problem, said in one line: what and where.
public struct GeneratorError: Error, CustomStringConvertible, Equatable {
    /// The message.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
