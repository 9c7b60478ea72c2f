import RegionMesh

/// What generated files say beyond the Plan: the command that regenerates them, where the output
/// folder lies in the repository, and the repository GitOps controllers fetch it from. The
/// command-line tool fills it from the app that runs it; the defaults are this repository's tool
/// writing into `out/`.
public struct GenerationContext: Sendable, Equatable {
    /// How a person runs the tool in the repository: `swift run regionmesh`, `swift run acme`.
    public var command: String
    /// The output root relative to the repository root, without `./`: `out`.
    public var outputPath: String
    /// The repository GitOps controllers fetch the output from; Argo CD objects are generated only
    /// when it is known.
    public var repository: GitRepository?

    /// A context; the defaults are `swift run regionmesh` writing into `out/`.
    public init(command: String = "swift run regionmesh", outputPath: String = "out", repository: GitRepository? = nil) {
        self.command = command
        self.outputPath = outputPath
        self.repository = repository
    }

    /// The command that regenerates the output: `swift run regionmesh generate`.
    public var generateCommand: String { "\(command) generate" }

    /// The path of `path` (relative to a topology's folder) from the repository root, without
    /// `./`: `out/crdb-three-region/clusters/crdb-eastus`.
    public func repositoryPath(of path: String, in plan: Plan) -> String {
        [outputPath, plan.name, path].filter { !$0.isEmpty && $0 != "." }.joined(separator: "/")
    }
}
