/// Checks every Azure name the Plan will derive, so that `az` never rejects one at apply time.
enum AzureNamingRules {
    static func check(azure: Azure?, regions: [RegionInput], diagnostics: inout [Diagnostic]) {
        guard let azure else { return }
        if let problem = AzureNameRule.resourceGroup.problem(with: azure.resourceGroup) {
            diagnostics.append(Diagnostic(.invalidAzureName, problem, at: azure.sourceLocation))
        }
        for input in regions {
            let names = AzureNames(prefix: azure.namePrefix, region: input.key)
            var checks: [(AzureNameRule, String)] = [
                (.networkResource(kind: "VNet", maxLength: 64, minLength: 2), names.vnet),
                (.networkResource(kind: "subnet", maxLength: 80), names.subnet),
                (.networkResource(kind: "NSG", maxLength: 80), names.nsg),
            ]
            // The last node has the longest names.
            let last = max(input.nodes.count, 1)
            checks += [
                (.virtualMachine, names.vm(last)),
                (.networkResource(kind: "NIC", maxLength: 80), names.nic(last)),
                (.networkResource(kind: "public IP", maxLength: 80), names.publicIP(last)),
            ]
            // Peering names differ only in the remote key, whose characters its own region's names
            // already check: the longest one stands for all of them.
            if let longest = regions.filter({ $0.key != input.key }).max(by: { $0.key.count < $1.key.count }) {
                checks.append((.networkResource(kind: "VNet peering", maxLength: 80), names.peering(to: longest.key)))
            }
            let problems = checks.compactMap { $0.0.problem(with: $0.1) }
            // One finding per problem text: the same fault in many peering names is reported once.
            for problem in Set(problems).sorted() {
                diagnostics.append(Diagnostic(.invalidAzureName, "\(problem) (derived from region '\(input.key)' and name prefix '\(azure.namePrefix)')", at: input.location))
            }
        }
    }
}
