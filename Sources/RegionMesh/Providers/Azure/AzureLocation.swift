/// The public Azure regions, by the names `az` takes (`az account list-locations -o table`).
public enum AzureLocation: String, CaseIterable, Sendable, Codable {
    // Americas
    case brazilsouth, brazilsoutheast, canadacentral, canadaeast, centralus, chilecentral, eastus, eastus2,
        mexicocentral, northcentralus, southcentralus, westcentralus, westus, westus2, westus3
    // Europe
    case austriaeast, belgiumcentral, denmarkeast, francecentral, francesouth, germanynorth, germanywestcentral,
        italynorth, northeurope, norwayeast, norwaywest, polandcentral, spaincentral, swedencentral, swedensouth,
        switzerlandnorth, switzerlandwest, uksouth, ukwest, westeurope
    // Asia Pacific
    case australiacentral, australiacentral2, australiaeast, australiasoutheast, centralindia, eastasia,
        indonesiacentral, japaneast, japanwest, jioindiacentral, jioindiawest, koreacentral, koreasouth,
        malaysiawest, newzealandnorth, southeastasia, southindia, westindia
    // Middle East and Africa
    case israelcentral, qatarcentral, southafricanorth, southafricawest, uaecentral, uaenorth

    /// The name `az` takes.
    public var name: String { rawValue }
}
