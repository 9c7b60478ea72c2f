import RegionMesh

/// Turns a Plan into every artifact of `out/<topology>/`, sorted by path.
public enum Generator {
    /// The emitters, one per artifact family. Each reads only the Plan.
    static let emitters: [@Sendable (Plan) throws -> [Artifact]] = [
        AzureEmitter.artifacts,
        K3sEmitter.artifacts,
        CiliumEmitter.artifacts,
        DNSEmitter.artifacts,
        CockroachEmitter.artifacts,
        ClusterKustomizationEmitter.artifacts,
        PlanJSONEmitter.artifacts,
        ScriptsEmitter.artifacts,
        DeploymentReadme.artifacts,
    ]

    /// Every artifact for `plan`, sorted by path. Throws only on an internal encoding failure.
    public static func artifacts(for plan: Plan) throws -> [Artifact] {
        var artifacts: [Artifact] = []
        for emit in emitters { artifacts += try emit(plan) }
        let paths = artifacts.map(\.path)
        if let duplicate = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            throw GeneratorError(message: "two emitters write \(duplicate) for topology \(plan.name)")
        }
        return artifacts.sorted { $0.path < $1.path }
    }
}

/// An emitter produced something the writer cannot take (a programming error, reported, not crashed on).
public struct GeneratorError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
