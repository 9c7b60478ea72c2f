/// Checks a whole topology and reports every problem at once, sorted by location.
public enum Validator {
    /// Every diagnostic of `topology`: errors, warnings and notes.
    public static func validate(_ topology: Topology) -> [Diagnostic] {
        check(topology).diagnostics
    }

    /// The diagnostics and the parsed form that the ``Planner`` builds on.
    static func check(_ topology: Topology) -> (diagnostics: [Diagnostic], input: TopologyInput, parsed: [ParsedRegion]) {
        var diagnostics: [Diagnostic] = []
        let input = TopologyInput(topology, diagnostics: &diagnostics)

        var addressed: [(RegionInput, RegionAddresses)] = []
        var parsed: [ParsedRegion] = []
        for region in input.regions {
            let (addresses, whole) = RegionParser.parse(region, diagnostics: &diagnostics)
            if let addresses { addressed.append((region, addresses)) }
            if let whole { parsed.append(whole) }
            CapacityRules.check(region, diagnostics: &diagnostics)
        }
        AddressPlanRules.check(addressed, diagnostics: &diagnostics)
        IdentityRules.check(input.regions, diagnostics: &diagnostics)
        KubernetesNameRules.check(topology, regions: input.regions, diagnostics: &diagnostics)
        AzureNamingRules.check(azure: input.azure, regions: input.regions, diagnostics: &diagnostics)
        CapacityRules.checkSurvival(topology, regions: input.regions, diagnostics: &diagnostics)
        for region in parsed {
            FirewallRules.check(region, diagnostics: &diagnostics)
            SettingRules.check(region, diagnostics: &diagnostics)
        }
        SettingRules.checkShared(parsed, diagnostics: &diagnostics)
        SettingRules.checkMeshVersions(parsed, diagnostics: &diagnostics)
        return (diagnostics.sortedByLocation(), input, parsed)
    }
}
