/// Azure VM size names: their shape, and a table of sizes that exist, for a did-you-mean when a
/// name is misspelled and a warning when a well-formed name is not a size RegionMesh knows.
///
/// The table follows the size series in Microsoft's documentation ("Sizes for virtual machines in
/// Azure", learn.microsoft.com/azure/virtual-machines/sizes): the general-purpose D series (v2
/// DS, v4, v5, v6 with their a/d/l/s variants), memory-optimised E (v4, v5, v6), compute-optimised
/// F v2, burstable B and Bsv2, and storage-optimised L v3. `az vm list-sizes --location <location>`
/// is the authority for what a location offers; the setup preflight asks it.
enum AzureVMSizes {
    /// `Standard_<family><vCPUs>[-<constrained vCPUs>][<features>][_<accelerator>…][_v<version>]`.
    static func isWellFormed(_ name: String) -> Bool {
        var rest = Substring(name)
        guard rest.hasPrefix("Standard_") else { return false }
        rest = rest.dropFirst("Standard_".count)
        let family = rest.prefix { $0.isUppercase && $0.isASCII }
        guard !family.isEmpty else { return false }
        rest = rest.dropFirst(family.count)
        let vCPUs = rest.prefix(while: \.isASCIIDigit)
        guard !vCPUs.isEmpty else { return false }
        rest = rest.dropFirst(vCPUs.count)
        if rest.first == "-" {
            let constrained = rest.dropFirst().prefix(while: \.isASCIIDigit)
            guard !constrained.isEmpty else { return false }
            rest = rest.dropFirst(1 + constrained.count)
        }
        rest = rest.drop { $0.isLowercase && $0.isASCII }
        // What remains: `_A100`, `_v5`, … each an underscore and letters and digits; a version last.
        for part in rest.split(separator: "_", omittingEmptySubsequences: false).dropFirst() {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        }
        return rest.isEmpty || rest.first == "_"
    }

    /// Sizes known to exist.
    static let known: Set<String> = {
        var sizes = Set<String>()
        func add(_ counts: [Int], _ name: (Int) -> String) { for count in counts { sizes.insert(name(count)) } }
        let d = [2, 4, 8, 16, 32, 48, 64, 96]
        for variant in ["", "d", "s", "ds", "as", "ads", "ls", "lds"] {
            add(d) { "Standard_D\($0)\(variant)_v5" }
            add(d + [128, 192]) { "Standard_D\($0)\(variant)_v6" }
        }
        for variant in ["", "d", "s", "ds", "as", "ads"] { add([2, 4, 8, 16, 32, 48, 64]) { "Standard_D\($0)\(variant)_v4" } }
        add([1, 2, 3, 4, 5]) { "Standard_DS\($0)_v2" }
        add([1, 2, 3, 4, 5]) { "Standard_D\($0)_v2" }
        let e = [2, 4, 8, 16, 20, 32, 48, 64, 96]
        for variant in ["", "d", "s", "ds", "as", "ads"] {
            add(e) { "Standard_E\($0)\(variant)_v5" }
            add(e + [128, 192]) { "Standard_E\($0)\(variant)_v6" }
            add([2, 4, 8, 16, 20, 32, 48, 64]) { "Standard_E\($0)\(variant)_v4" }
        }
        add([2, 4, 8, 16, 32, 48, 64, 72]) { "Standard_F\($0)s_v2" }
        for name in ["B1s", "B1ms", "B2s", "B2ms", "B4ms", "B8ms", "B12ms", "B16ms", "B20ms"] { sizes.insert("Standard_\(name)") }
        add([2, 4, 8, 16, 32]) { "Standard_B\($0)s_v2" }
        add([2, 4, 8, 16, 32]) { "Standard_B\($0)ms_v2" }
        add([8, 16, 32, 48, 64, 80]) { "Standard_L\($0)s_v3" }
        return sizes
    }()

    /// The known size nearest to `name` (at most two edits away, ignoring case), if any. Between
    /// sizes equally near, the one nearest when underscores are ignored wins: a misplaced or
    /// missing underscore is likelier than a dropped feature letter (`Standard_D8sv5` means
    /// `Standard_D8s_v5`, not `Standard_D8_v5`).
    static func suggestion(for name: String) -> String? {
        let lowered = name.lowercased()
        let bare = lowered.filter { $0 != "_" }
        return known.map { ($0, EditDistance.between(lowered, $0.lowercased())) }
            .filter { $0.1 <= 2 }
            .map { ($0.0, $0.1, EditDistance.between(bare, $0.0.lowercased().filter { $0 != "_" })) }
            .min { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }?.0
    }
}
