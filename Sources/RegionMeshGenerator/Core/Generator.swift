import RegionMesh

/// Turns a Plan into every artifact of `out/<topology>/`, sorted by path.
public enum Generator {
    /// An emitter: the artifact family it writes and the function that writes it from the Plan.
    public struct Emitter: Sendable {
        /// The artifact family, e.g. `azure`.
        public let family: String
        /// Writes the family's artifacts.
        public let emit: @Sendable (Plan) throws -> [Artifact]
    }

    /// The emitters, one per artifact family. Each reads only the Plan.
    public static let emitters: [Emitter] = [
        Emitter(family: "azure", emit: AzureEmitter.artifacts),
        Emitter(family: "k3s", emit: K3sEmitter.artifacts),
        Emitter(family: "cilium", emit: CiliumEmitter.artifacts),
        Emitter(family: "dns", emit: DNSEmitter.artifacts),
        Emitter(family: "cockroachdb", emit: CockroachEmitter.artifacts),
        Emitter(family: "kustomization", emit: ClusterKustomizationEmitter.artifacts),
        Emitter(family: "plan.json", emit: PlanJSONEmitter.artifacts),
        Emitter(family: "scripts", emit: ScriptsEmitter.artifacts),
        Emitter(family: "readme", emit: DeploymentReadme.artifacts),
    ]

    /// Every artifact for `plan`, sorted by path. Throws only on an internal encoding failure.
    public static func artifacts(for plan: Plan) throws -> [Artifact] {
        var artifacts: [Artifact] = []
        for emitter in emitters { artifacts += try emitter.emit(plan) }
        var seen = Set<String>()
        if let duplicate = artifacts.first(where: { !seen.insert($0.path).inserted }) {
            throw GeneratorError(message: "two emitters write \(duplicate.path) for topology \(plan.name)")
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
