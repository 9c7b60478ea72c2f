import Foundation
import RegionMesh

/// Turns a Plan into every artifact of `out/<topology>/`, sorted by path: each component's
/// scripts and files, the cluster manifests (one stage for all components' objects), `setup.sh`
/// and `teardown.sh` composed from the components' steps, `plan.json`, and the README.
public enum Generator {
    /// Every artifact for `plan`, sorted by path; `context` is what the files say about the command
    /// that regenerates them and where they lie. Throws only on an internal encoding failure.
    public static func artifacts(
        for plan: Plan, lastChange: ChangePlan? = nil, context: GenerationContext = GenerationContext()
    ) throws -> [Artifact] {
        let lastChange = lastChange ?? ChangePlan(topology: plan.name, baseline: .none, changes: [])
        let header = FileHeader(plan, context: context)
        let components = GeneratorRegistry.components(of: plan, context: context)
        let scripts = scripts(of: components, plan: plan)
        var artifacts = try scripts.map {
            Artifact(path: $0.path, contents: try ScriptRenderer.render($0, plan: plan, header: header), isExecutable: true)
        }
        artifacts += try components.flatMap { try $0.files() }
        artifacts += try ClusterManifests.artifacts(
            plan, objects: components.flatMap { $0.clusterObjects() }, notes: components.flatMap { $0.clusterFolderNotes() }, header: header)
        artifacts += try GitOpsArtifacts.artifacts(
            plan, releases: components.flatMap { $0.helmReleases() }, prerequisites: components.flatMap { $0.readme().gitOpsPrerequisites },
            context: context, header: header)
        artifacts.append(Artifact(path: ArtifactPaths.planJSON, contents: try JSON.encode(plan)))
        artifacts.append(Artifact(path: ArtifactPaths.changePlanJSON, contents: try JSON.encode(lastChange)))
        artifacts.append(DeploymentReadme.artifact(
            plan, lastChange: lastChange, contributions: components.map { $0.readme() }, scripts: scripts, context: context))
        var seen = Set<String>()
        if let duplicate = artifacts.first(where: { !seen.insert($0.path).inserted }) {
            throw GeneratorError("two components write \(duplicate.path) for topology \(plan.name)")
        }
        return artifacts.sorted { $0.path < $1.path }
    }

    /// The components' steps ordered by phase; within a phase, by component, then as listed.
    /// The components' scripts, then `setup.sh` and `teardown.sh` composed from their steps.
    static func scripts(of components: [any ComponentGenerator], plan: Plan) -> [Script] {
        let componentScripts = components.flatMap { $0.scripts() }
        var environment: [ScriptEnvironment.Variable] = []
        for variable in componentScripts.flatMap(\.environment) where !environment.contains(variable) { environment.append(variable) }
        return componentScripts + [
            SetupScript.make(
                plan, steps: ordered(components.map { $0.setupSteps() }), environment: environment,
                checks: components.flatMap { $0.preflightChecks() }, summary: components.flatMap { $0.summary() }),
            TeardownScript.make(plan, steps: ordered(components.map { $0.teardownSteps() })),
        ]
    }

    static func ordered(_ perComponent: [[PhasedStep]]) -> [ScriptStep] {
        perComponent.enumerated()
            .flatMap { component, steps in steps.enumerated().map { (step: $0.element, component: component, index: $0.offset) } }
            .sorted { ($0.step.phase.rawValue, $0.component, $0.index) < ($1.step.phase.rawValue, $1.component, $1.index) }
            .map(\.step.step)
    }
}

/// Stable, readable JSON: sorted keys, two-space indentation, no escaped slashes. The one JSON
/// encoding of the generator and the CLI.
public enum JSON {
    /// The JSON text of `value`.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A generator or writer problem, said in one line: what and where.
public struct GeneratorError: Error, CustomStringConvertible, Equatable {
    /// The message.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
