import RegionMesh

/// The Azure infrastructure: `azure/infrastructure.sh` creates it, `azure/teardown.sh` deletes the
/// resource group that holds it.
enum AzureEmitter {
    static func artifacts(for plan: Plan) throws -> [Artifact] {
        [
            Artifact(path: ArtifactPaths.azureInfrastructure, contents: try AzureInfrastructureScript.render(plan), isExecutable: true),
            Artifact(path: ArtifactPaths.azureTeardown, contents: try AzureTeardownScript.render(plan), isExecutable: true),
        ]
    }

    /// The tag that marks the resource group as this topology's; teardown refuses any group without it.
    static let topologyTag = "regionmesh-topology"

    /// `az … --resource-group <rg>` prefix shared by every command.
    static func az(_ words: ShellWord..., plan: Plan) -> ShellCommand {
        ShellCommand(words: ["az"] + words).option("--resource-group", .literal(plan.azure.resourceGroup))
    }
}
