/// The address-plan rules: no two ranges overlap anywhere, none uses a reserved range, and each
/// range is large enough for what the region puts in it. What a provider reserves, and what it
/// calls a region's network, come from its conventions.
extension Rule {
    /// The rule `overlapping-cidr`.
    public static let overlappingCIDR = Rule(
        "overlapping-cidr", .error, "two network, pod or service ranges overlap, in one region or across regions")
    /// The rule `reserved-range`.
    public static let reservedRange = Rule(
        "reserved-range", .error,
        "a range overlaps one the provider or Kubernetes cannot use (0/8, 127/8, 169.254/16, 224/4, 240/4, the provider's own)")
    /// The rule `subnet-too-small`.
    public static let subnetTooSmall = Rule(
        "subnet-too-small", .error, "a subnet cannot hold the region's nodes beside the addresses the provider keeps")
    /// The rule `pod-range-too-small`.
    public static let podRangeTooSmall = Rule(
        "pod-range-too-small", .error, "the pod range cannot give every node a block of the per-node mask size")
    /// The rule `service-range-too-large`.
    public static let serviceRangeTooLarge = Rule(
        "service-range-too-large", .error, "a service range is larger than Kubernetes allows (/12)")
    /// The rule `service-range-too-small`.
    public static let serviceRangeTooSmall = Rule(
        "service-range-too-small", .error, "a service range is too small to hold the cluster DNS address (its 10th address)")
}

enum AddressPlanRules {
    /// A declared range with what it is and where it was written.
    struct LabeledRange {
        let network: IPv4Network
        let label: String
        let location: SourceLocation
    }

    /// Ranges no provider and no Kubernetes cluster can use.
    static let reserved: [(IPv4Network, String)] = [
        (IPv4Network(containing: IPv4Address(0, 0, 0, 0), prefixLength: 8), "'this network'"),
        (IPv4Network(containing: IPv4Address(127, 0, 0, 0), prefixLength: 8), "loopback"),
        (IPv4Network(containing: IPv4Address(169, 254, 0, 0), prefixLength: 16), "link-local"),
        (IPv4Network(containing: IPv4Address(224, 0, 0, 0), prefixLength: 4), "multicast"),
        (IPv4Network(containing: IPv4Address(240, 0, 0, 0), prefixLength: 4), "reserved for future use"),
        (IPv4Network(containing: IPv4Address(255, 255, 255, 255), prefixLength: 32), "the broadcast address"),
    ]

    /// The region's ranges, each as far as it is declared and parses; reports each that does not.
    static func parse(_ region: GatheredRegion, provider: ProviderConventions, diagnostics: inout DiagnosticCollector) -> DeclaredRanges {
        let name = "region '\(region.key)'"
        let network = region.own.first(Network.self)
        let pods = region.own.first(Pods.self)
        let services = region.own.first(Services.self)
        for (missing, example) in [(network == nil, provider.networkDeclaration), (pods == nil, "Pods(_:)"), (services == nil, "Services(_:)")]
        where missing {
            diagnostics.add(.missingDeclaration, "\(name) has no \(example) declaration", at: region.location)
        }
        return DeclaredRanges(
            network: network.flatMap { diagnostics.parseCIDR($0.range, "\(provider.networkTerm) of \(name)", at: $0.sourceLocation) },
            subnet: network.flatMap { diagnostics.parseCIDR($0.subnet, "subnet of \(name)", at: $0.sourceLocation) },
            pods: pods.flatMap { diagnostics.parseCIDR($0.cidr, "pod range of \(name)", at: $0.sourceLocation) },
            podsPerNodeMaskSize: pods?.perNodeMaskSize,
            services: services.flatMap { diagnostics.parseCIDR($0.cidr, "service range of \(name)", at: $0.sourceLocation) })
    }

    static func check(_ regions: [RegionFacts], provider: ProviderConventions, diagnostics: inout DiagnosticCollector) {
        var ranges: [LabeledRange] = []
        for region in regions {
            let declared = region.ranges
            let name = "region '\(region.key)'"
            let own = region.gathered.own
            let networkLocation = own.first(Network.self)?.sourceLocation ?? region.location
            if let network = declared.network {
                ranges.append(LabeledRange(network: network, label: "\(provider.networkTerm) \(network) of \(name)", location: networkLocation))
            }
            if let pods = declared.pods, let location = own.first(Pods.self)?.sourceLocation {
                ranges.append(LabeledRange(network: pods, label: "pod range \(pods) of \(name)", location: location))
            }
            if let services = declared.services, let location = own.first(Services.self)?.sourceLocation {
                ranges.append(LabeledRange(network: services, label: "service range \(services) of \(name)", location: location))
            }
            if let network = declared.network, let subnet = declared.subnet, !network.contains(subnet) {
                diagnostics.add(
                    provider.subnetOutsideNetwork,
                    "subnet \(subnet) of \(name) does not lie inside its \(provider.networkTerm) \(network)", at: networkLocation)
            }
            checkSizes(region, provider: provider, diagnostics: &diagnostics)
        }
        checkOverlaps(ranges, diagnostics: &diagnostics)
        for range in ranges {
            for (reservedNetwork, reason) in reserved + provider.reservedRanges where range.network.overlaps(reservedNetwork) {
                diagnostics.add(
                    .reservedRange, "\(range.label) overlaps \(reservedNetwork) (\(reason)), which \(provider.name) and Kubernetes cannot use",
                    at: range.location)
            }
        }
    }

    /// Every overlapping pair, each reported at the later declaration with the earlier one as the related location.
    static func checkOverlaps(_ ranges: [LabeledRange], diagnostics: inout DiagnosticCollector) {
        for (a, b) in OverlapFinder.overlappingPairs(ranges.map(\.network)) {
            let (first, second) = ranges[a].location <= ranges[b].location ? (ranges[a], ranges[b]) : (ranges[b], ranges[a])
            diagnostics.add(.overlappingCIDR, "\(second.label) overlaps \(first.label)", at: second.location, related: first.location)
        }
    }

    static func checkSizes(_ region: RegionFacts, provider: ProviderConventions, diagnostics: inout DiagnosticCollector) {
        let name = "region '\(region.key)'"
        let own = region.gathered.own
        let declared = region.ranges
        let nodes = region.nodes.value ?? 0
        let reservation = provider.subnetReservation
        if let subnet = declared.subnet, Int(subnet.size) - reservation.reservedCount < nodes, let network = own.first(Network.self) {
            let usable = Int(subnet.size) - reservation.reservedCount
            diagnostics.add(
                .subnetTooSmall,
                "subnet \(subnet) of \(name) has \(max(usable, 0)) usable addresses (\(provider.name) keeps \(reservation.reservedCount)) but the region has \(nodes) nodes",
                at: network.sourceLocation)
        }
        if let pods = own.first(Pods.self), let podRange = declared.pods {
            let mask = pods.perNodeMaskSize
            if mask < podRange.prefixLength || mask > 30 {
                diagnostics.add(
                    .podRangeTooSmall,
                    "per-node mask size /\(mask) of \(name) must lie between the pod range's own /\(podRange.prefixLength) and /30",
                    at: pods.sourceLocation)
            } else {
                let blocks = 1 << (mask - podRange.prefixLength)
                if blocks < nodes {
                    diagnostics.add(
                        .podRangeTooSmall,
                        "pod range \(podRange) of \(name) holds \(blocks) per-node /\(mask) block\(blocks == 1 ? "" : "s") but the region has \(nodes) nodes",
                        at: pods.sourceLocation)
                }
            }
        }
        guard let services = declared.services, let location = own.first(Services.self)?.sourceLocation else { return }
        if services.prefixLength < Kubernetes.largestServicePrefix {
            diagnostics.add(.serviceRangeTooLarge, "service range \(services) of \(name) is larger than the /12 Kubernetes allows", at: location)
        } else if Kubernetes.dnsServiceAddress(in: services) == nil {
            diagnostics.add(
                .serviceRangeTooSmall,
                "service range \(services) of \(name) has no room for the cluster DNS address (its address .\(Kubernetes.dnsServiceOffset)); use /28 or larger",
                at: location)
        }
    }
}

/// A region's ranges, each nil when it is not declared or does not parse.
public struct DeclaredRanges: Sendable {
    /// The private network.
    public let network: IPv4Network?
    /// The node subnet.
    public let subnet: IPv4Network?
    /// The pod range.
    public let pods: IPv4Network?
    /// The prefix length of each node's pod block.
    public let podsPerNodeMaskSize: Int?
    /// The service range.
    public let services: IPv4Network?

    /// All four, when every one parsed.
    public var complete: RegionAddresses? {
        guard let network, let subnet, let pods, let podsPerNodeMaskSize, let services else { return nil }
        return RegionAddresses(network: network, subnet: subnet, pods: pods, podsPerNodeMaskSize: podsPerNodeMaskSize, services: services)
    }
}
