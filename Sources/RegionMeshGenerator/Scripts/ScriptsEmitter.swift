import RegionMesh

/// The two scripts a person runs: `setup.sh` and `teardown.sh`.
enum ScriptsEmitter {
    static func artifacts(for plan: Plan) throws -> [Artifact] {
        [
            Artifact(path: ArtifactPaths.setup, contents: try SetupScript.render(plan), isExecutable: true),
            Artifact(path: ArtifactPaths.teardown, contents: try TeardownScript.render(plan), isExecutable: true),
        ]
    }
}
