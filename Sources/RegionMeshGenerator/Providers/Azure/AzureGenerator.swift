import RegionMesh

/// Azure's artifacts: `azure/infrastructure.sh` and `azure/teardown.sh`, the setup and teardown
/// steps that run them, its README parts, and how an installer reaches a node (its public IP).
struct AzureGenerator: ComponentGenerator, NodeAccess {
    let plan: Plan
    let azure: AzurePlan

    func scripts() -> [Script] {
        [AzureInfrastructureScript(plan: plan, azure: azure).script, AzureTeardownScript(plan: plan, azure: azure).script]
    }

    func files() throws -> [Artifact] {
        [AzureCloudInit.artifact(plan, azure)]
    }

    func setupSteps() -> [PhasedStep] {
        [
            PhasedStep(
                phase: .infrastructure,
                step: ScriptStep(
                    name: "azure", title: "Azure infrastructure: resource group, VNets, peerings, NSGs, public IPs, NICs, VMs",
                    body: [.runScript(path: AzureInfrastructureScript.path, arguments: [])]))
        ]
    }

    func preflightChecks() -> [PreflightCheck] {
        [
            PreflightCheck(
                condition: "! command -v az >/dev/null 2>&1 || az account show >/dev/null 2>&1",
                problem: "the Azure CLI is not logged in; run az login (and az account set --subscription ... if you have several)"),
            PreflightCheck(
                condition: "[[ -f \"$SSH_PUBLIC_KEY_FILE\" ]]",
                problem: "SSH public key $SSH_PUBLIC_KEY_FILE not found; create a key pair with ssh-keygen -t ed25519, or set SSH_PUBLIC_KEY_FILE"),
        ]
    }

    func teardownSteps() -> [PhasedStep] {
        [
            PhasedStep(
                phase: .infrastructure,
                step: ScriptStep(
                    name: "azure", title: "delete Azure resource group \(azure.resourceGroup) and everything in it",
                    body: [.runScript(path: AzureTeardownScript.path, arguments: ["--yes"])]))
        ]
    }

    // MARK: NodeAccess

    func sshAddress(of node: NodePlan, in region: RegionPlan) -> (lookup: ShellCommand, placeholder: String) {
        let lookup = ShellCommand("az", "network", "public-ip", "show")
            .option("--resource-group", .literal(azure.resourceGroup))
            .option("--name", .literal(azure[region].nodes[node.index - 1].publicIPName))
            .option("--query", "ipAddress")
            .option("--output", "tsv")
        return (lookup, "<public-ip-of-\(node.name)>")
    }

    func loginUser(in region: RegionPlan) -> String {
        azure[region].virtualMachine.adminUser
    }

    var lookupTools: [String] { ["az"] }

    // MARK: README

    func inventory() -> (title: String, table: TextTable)? {
        (
            "Resource group \(azure.resourceGroup) (\(azure.location.name))",
            TextTable(header: ["Azure resource", "Count"], rows: ResourceInventory(azure).rows.map { [$0.0, "\($0.1)"] })
        )
    }

    func readme() -> ReadmeContribution {
        var readme = ReadmeContribution()
        readme.overview = "\(plan.regions.count) regions in Azure resource group `\(azure.resourceGroup)` (\(azure.location.name))"
        readme.nodeColumns = [
            (
                "Public IP resource",
                { region, node in azure[region].nodes[node.index - 1].publicIPName }
            )
        ]
        readme.trafficNotes = [
            "Clusters reach each other only on node private IPs over the \(azure.peerings.count) VNet peerings; Azure's default `AllowVnetInBound` rule admits that traffic."
        ]
        if let inventory = inventory() {
            readme.sections = [("Azure resources", inventory.table.markdown)]
        }
        readme.prerequisites = ["Log in with `az login` first (and `az account set --subscription …` if you have several)."]
        readme.files = [
            ("`\(AzureInfrastructureScript.path)`, `\(AzureTeardownScript.path)`", "Azure resources; deleting the resource group")
        ]
        return readme
    }
}
