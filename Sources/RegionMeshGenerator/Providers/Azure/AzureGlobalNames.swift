import RegionMesh

/// The preflight of the names that are global across Azure: the Traffic Manager profile's
/// `<name>.trafficmanager.net` and the registry's `<name>.azurecr.io`. Each must be free, or
/// already this deployment's (a profile or registry of that name in its resource group, from an
/// earlier run). Nothing is created before both are known to be usable.
struct AzureGlobalNames {
    let azure: AzurePlan

    /// Skips the checks when the CLI is not logged in (the login check names that problem).
    private static let loggedIn = "! az account show >/dev/null 2>&1"

    var preflightChecks: [PreflightCheck] {
        var checks: [PreflightCheck] = []
        let group = shellQuote(azure.resourceGroup)
        if let trafficManager = azure.trafficManager {
            let name = shellQuote(trafficManager.profile)
            checks.append(
                PreflightCheck(
                    condition: "\(Self.loggedIn) || [[ \"$(az network traffic-manager profile check-dns --name \(name) --query nameAvailable --output tsv)\" == true ]] || az network traffic-manager profile show --resource-group \(group) --name \(name) >/dev/null 2>&1",
                    problem: "Traffic Manager name \(trafficManager.fqdn) is taken by a profile outside resource group \(azure.resourceGroup); choose another GlobalEndpoint(trafficManager:) and generate again"))
        }
        if let registry = azure.registry {
            let name = shellQuote(registry.name)
            checks.append(
                PreflightCheck(
                    condition: "\(Self.loggedIn) || [[ \"$(az acr check-name --name \(name) --query nameAvailable --output tsv)\" == true ]] || az acr show --resource-group \(group) --name \(name) >/dev/null 2>&1",
                    problem: "container registry name \(registry.loginServer) is taken by a registry outside resource group \(azure.resourceGroup); choose another ImageRegistry(acr:) and generate again"))
        }
        return checks
    }
}
