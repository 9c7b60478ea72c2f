import RegionMesh

/// Turns a Plan into every artifact of `out/<topology>/`, sorted by path.
public enum Generator {
    /// The emitters, one per artifact family. Each reads only the Plan.
    static let emitters: [@Sendable (Plan) throws -> [Artifact]] = [
        AzureEmitter.artifacts,
        DNSEmitter.artifacts,
        CockroachEmitter.artifacts,
        ClusterKustomizationEmitter.artifacts,
    ]

    /// Every artifact for `plan`, sorted by path. Throws only on an internal encoding failure.
    public static func artifacts(for plan: Plan) throws -> [Artifact] {
        var artifacts: [Artifact] = []
        for emit in emitters { artifacts += try emit(plan) }
        let paths = artifacts.map(\.path)
        precondition(Set(paths).count == paths.count, "two emitters wrote the same path")
        return artifacts.sorted { $0.path < $1.path }
    }
}
