/// The address-plan rules: no two ranges overlap anywhere, none uses a reserved range, and each
/// range is large enough for what the region puts in it.
enum AddressPlanRules {
    /// A declared range with what it is and where it was written.
    struct LabeledRange {
        let network: IPv4Network
        let label: String
        let location: SourceLocation
    }

    /// Ranges Azure or Kubernetes cannot use.
    static let reserved: [(IPv4Network, String)] = [
        ("0.0.0.0/8", "'this network'"), ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local"),
        ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved for future use"),
        ("168.63.129.16/32", "the Azure platform address 168.63.129.16"), ("255.255.255.255/32", "the broadcast address"),
    ].map { (try! IPv4Network.parse($0.0), $0.1) }

    static func check(_ regions: [(RegionInput, RegionAddresses)], diagnostics: inout [Diagnostic]) {
        var ranges: [LabeledRange] = []
        for (input, addresses) in regions {
            let region = "region '\(input.key)'"
            let network = input.network!.sourceLocation
            ranges.append(LabeledRange(network: addresses.vnet, label: "VNet \(addresses.vnet) of \(region)", location: network))
            ranges.append(LabeledRange(network: addresses.pods, label: "pod range \(addresses.pods) of \(region)", location: input.pods!.sourceLocation))
            ranges.append(LabeledRange(network: addresses.services, label: "service range \(addresses.services) of \(region)", location: input.services!.sourceLocation))
            if !addresses.vnet.contains(addresses.subnet) {
                diagnostics.append(Diagnostic(.subnetOutsideVNet, "subnet \(addresses.subnet) of \(region) does not lie inside its VNet \(addresses.vnet)", at: network))
            }
            checkSizes(input, addresses, diagnostics: &diagnostics)
        }
        checkOverlaps(ranges, diagnostics: &diagnostics)
        for range in ranges {
            for (reservedNetwork, reason) in reserved where range.network.overlaps(reservedNetwork) {
                diagnostics.append(Diagnostic(.reservedRange, "\(range.label) overlaps \(reservedNetwork) (\(reason)), which Azure and Kubernetes cannot use", at: range.location))
            }
        }
    }

    /// Every overlapping pair, each reported at the later declaration with the earlier one as the related location.
    static func checkOverlaps(_ ranges: [LabeledRange], diagnostics: inout [Diagnostic]) {
        for (a, b) in OverlapFinder.overlappingPairs(ranges.map(\.network)) {
            let (first, second) = ranges[a].location <= ranges[b].location ? (ranges[a], ranges[b]) : (ranges[b], ranges[a])
            diagnostics.append(Diagnostic(.overlappingCIDR, "\(second.label) overlaps \(first.label)", at: second.location, related: first.location))
        }
    }

    static func checkSizes(_ input: RegionInput, _ addresses: RegionAddresses, diagnostics: inout [Diagnostic]) {
        let region = "region '\(input.key)'"
        let nodes = max(input.nodes.count, 0)
        let usable = Int(addresses.subnet.size) - AzureSubnet.reservedAddressCount
        if usable < nodes {
            diagnostics.append(Diagnostic(
                .subnetTooSmall,
                "subnet \(addresses.subnet) of \(region) has \(max(usable, 0)) usable addresses (Azure reserves \(AzureSubnet.reservedAddressCount)) but the region has \(nodes) nodes",
                at: input.network!.sourceLocation))
        }
        let pods = input.pods!
        let mask = pods.perNodeMaskSize
        if mask < addresses.pods.prefixLength || mask > 30 {
            diagnostics.append(Diagnostic(
                .podRangeTooSmall,
                "per-node mask size /\(mask) of \(region) must lie between the pod range's own /\(addresses.pods.prefixLength) and /30",
                at: pods.sourceLocation))
        } else {
            let blocks = 1 << (mask - addresses.pods.prefixLength)
            if blocks < nodes {
                diagnostics.append(Diagnostic(
                    .podRangeTooSmall,
                    "pod range \(addresses.pods) of \(region) holds \(blocks) per-node /\(mask) block\(blocks == 1 ? "" : "s") but the region has \(nodes) nodes",
                    at: pods.sourceLocation))
            }
        }
        let services = addresses.services
        if services.prefixLength < 12 {
            diagnostics.append(Diagnostic(
                .serviceRangeTooLarge,
                "service range \(services) of \(region) is larger than the /12 Kubernetes allows",
                at: input.services!.sourceLocation))
        } else if ServiceRange.dnsAddress(in: services) == nil {
            diagnostics.append(Diagnostic(
                .serviceRangeTooSmall,
                "service range \(services) of \(region) has no room for the cluster DNS address (its address .\(ServiceRange.dnsOffset)); use /28 or larger",
                at: input.services!.sourceLocation))
        }
    }
}

/// Facts about Azure subnets.
public enum AzureSubnet {
    /// Azure keeps the network address, the gateway (.1), two DNS addresses (.2, .3) and the broadcast address.
    public static let reservedAddressCount = 5
    /// The offset of the first address Azure lets a NIC use.
    public static let firstUsableOffset: UInt64 = 4
}

/// Facts about Kubernetes service ranges.
public enum ServiceRange {
    /// The cluster DNS service's offset in the service range (k3s's own default is 10.43.0.10).
    public static let dnsOffset: UInt64 = 10

    /// The DNS address, or nil when the range is too small (Kubernetes never hands out the last address).
    public static func dnsAddress(in range: IPv4Network) -> IPv4Address? {
        guard dnsOffset < range.size - 1 else { return nil }
        return range.address(at: dnsOffset)
    }
}
