/// The core's rules, for the catalogue. Each is declared beside its check.
enum CoreRules {
    static let all: [Rule] = [
        .duplicateDeclaration, .missingDeclaration, .noRegions, .invalidCIDR, .cidrHostBitsSet, .invalidPort, .invalidQuantity,
        .invalidVersion, .invalidTopologyName, .invalidRegionKey, .duplicateRegionKey, .reservedRegionKey, .duplicateClusterName,
        .duplicateClusterID, .overlappingCIDR, .reservedRange, .subnetTooSmall, .podRangeTooSmall, .serviceRangeTooLarge,
        .serviceRangeTooSmall, .invalidNodeCount, .adminOpenToInternet, .clientsOpenToInternet, .unroutableSource, .nodePortOutOfRange, .nodePortCollision, .sharedKubeContext,
        .unregisteredTopology,
    ]
}
