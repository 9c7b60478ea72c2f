import RegionMesh

/// A part of an Azure script: it commands the resources of one resource group.
protocol AzureCommands {
    /// The Azure part of the Plan.
    var azure: AzurePlan { get }
}

extension AzureCommands {
    /// `az <words> --resource-group <group>`.
    func az(_ words: ShellWord...) -> ShellCommand {
        ShellCommand(words: ["az"] + words).option("--resource-group", .literal(azure.resourceGroup))
    }
}
