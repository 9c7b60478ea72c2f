/// Warnings and errors about settings that parse but are unwise or unsupported.
enum SettingRules {
    static func check(_ region: ParsedRegion, diagnostics: inout [Diagnostic]) {
        let name = "region '\(region.key)'"
        if !SupportedCilium.supports(region.cilium) {
            let supported = SupportedCilium.minors.map { "\($0.major).\($0.minor).x" }.joined(separator: " and ")
            diagnostics.append(Diagnostic(
                .unsupportedCiliumVersion,
                "Cilium \(region.cilium) of \(name) is not supported; RegionMesh writes values checked against the \(supported) charts",
                at: region.input.cilium.sourceLocation))
        }
    }

    /// Warnings that usually come from one shared declaration in `Defaults`: reported once per
    /// declaration, naming every region it affects.
    static func checkShared(_ regions: [ParsedRegion], diagnostics: inout [Diagnostic]) {
        for (location, keys) in group(regions.filter { if case .channel = $0.k3s { true } else { false } }, by: { $0.input.k3s.sourceLocation }) {
            diagnostics.append(Diagnostic(
                .unpinnedK3sVersion, "k3s of \(list(keys)) follows a channel; pin a release such as 'v1.33.5+k3s1' so every run installs the same bits",
                at: location))
        }
        let open = regions.filter { $0.adminSources == ["*"] }
        for (location, keys) in group(open, by: { $0.input.adminAccess?.sourceLocation ?? $0.input.location }) {
            diagnostics.append(Diagnostic(
                .adminOpenToInternet,
                "SSH, the Kubernetes API and the NodePorts of \(list(keys)) are open to any address; limit them with AdminAccess(from: \"<your CIDR>\")",
                at: location))
        }
    }

    /// One warning when the mesh mixes supported Cilium minor versions, at the first region that
    /// differs from the first one (an unsupported version is an error of its own already).
    static func checkMeshVersions(_ regions: [ParsedRegion], diagnostics: inout [Diagnostic]) {
        let regions = regions.filter { SupportedCilium.supports($0.cilium) }
        guard let first = regions.first else { return }
        let minor = { (region: ParsedRegion) in "\(region.cilium.major).\(region.cilium.minor)" }
        guard let other = regions.first(where: { minor($0) != minor(first) }) else { return }
        diagnostics.append(Diagnostic(
            .mixedCiliumVersions,
            "region '\(other.key)' runs Cilium \(other.cilium) but region '\(first.key)' runs \(first.cilium); one mesh should run one minor version (defaults such as clustermesh.apiserver.tls.authMode differ between minors), except while upgrading",
            at: other.input.cilium.sourceLocation, related: first.input.cilium.sourceLocation))
    }

    private static func group(_ regions: [ParsedRegion], by location: (ParsedRegion) -> SourceLocation) -> [(SourceLocation, [String])] {
        var groups: [SourceLocation: [String]] = [:]
        for region in regions { groups[location(region), default: []].append(region.key) }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static func list(_ keys: [String]) -> String {
        (keys.count == 1 ? "region " : "regions ") + keys.map { "'\($0)'" }.joined(separator: ", ")
    }
}
