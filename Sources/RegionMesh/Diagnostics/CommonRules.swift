/// Rules every stage and component reports through: declarations missing or given twice, and
/// values that do not parse. Each component words its own messages.
extension Rule {
    /// The rule `duplicate-declaration`.
    public static let duplicateDeclaration = Rule(
        "duplicate-declaration", .error, "a declaration that may appear once appears twice in the same scope")
    /// The rule `missing-declaration`.
    public static let missingDeclaration = Rule(
        "missing-declaration", .error, "a required declaration (the provider's placement, Network, Pods, Services) is missing")
    /// The rule `no-regions`.
    public static let noRegions = Rule("no-regions", .error, "the topology declares no region")
    /// The rule `invalid-cidr`.
    public static let invalidCIDR = Rule("invalid-cidr", .error, "a CIDR block cannot be parsed")
    /// The rule `cidr-host-bits-set`.
    public static let cidrHostBitsSet = Rule(
        "cidr-host-bits-set", .error, "a CIDR block has host bits set (10.1.1.5/16 names no network; 10.1.0.0/16 does)")
    /// The rule `invalid-port`.
    public static let invalidPort = Rule("invalid-port", .error, "a port is outside 1–65535, or a port range is not ordered low-high")
    /// The rule `invalid-quantity`.
    public static let invalidQuantity = Rule(
        "invalid-quantity", .error, "a CPU, memory or storage quantity cannot be parsed as a Kubernetes quantity")
    /// The rule `invalid-version`.
    public static let invalidVersion = Rule("invalid-version", .error, "a version of a component cannot be parsed")
}

extension DiagnosticCollector {
    /// Parses a CIDR block written at `location`, reporting `invalid-cidr` or `cidr-host-bits-set`
    /// with `what` (e.g. "pod range of region 'eastus'") in front of the reason.
    public mutating func parseCIDR(_ text: String, _ what: String, at location: SourceLocation) -> IPv4Network? {
        do {
            return try IPv4Network.parse(text)
        } catch {
            if case .hostBitsSet = error {
                add(.cidrHostBitsSet, "\(what): \(error)", at: location)
            } else {
                add(.invalidCIDR, "\(what): \(error)", at: location)
            }
            return nil
        }
    }

    /// Parses a version written at `location`, reporting `invalid-version` with an example.
    public mutating func parseVersion(
        _ text: String, _ what: String, requireV: Bool, example: String, at location: SourceLocation
    ) -> SemanticVersion? {
        guard let version = SemanticVersion(text, requireV: requireV) else {
            add(.invalidVersion, "\(what) '\(text)' is not a version such as '\(example)'\(SemanticVersion.leadingZeroNote(text, requireV: requireV))", at: location)
            return nil
        }
        return version
    }

    /// Parses a Kubernetes quantity of at least one unit (a byte) written at `location`, reporting
    /// `invalid-quantity` with why Kubernetes would reject it.
    public mutating func parseQuantity(_ text: String, _ what: String, at location: SourceLocation) -> Quantity? {
        switch Quantity.parse(text) {
        case .failure(let error):
            add(.invalidQuantity, "\(what) \(error); write it like '8Gi', '7.5Gi' or '512Mi'", at: location)
            return nil
        case .success(let quantity) where quantity.value < 1:
            add(.invalidQuantity, "\(what) '\(text)' is less than one byte; write it like '8Gi', '7.5Gi' or '512Mi'", at: location)
            return nil
        case .success(let quantity):
            return quantity
        }
    }
}
