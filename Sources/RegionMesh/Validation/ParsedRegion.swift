/// A region whose every field parsed: typed values, still with the locations they came from.
struct ParsedRegion {
    let input: RegionInput
    let addresses: RegionAddresses
    let k3s: K3sRelease
    let cilium: SemanticVersion
    let cockroachVersion: SemanticVersion
    let storage: Quantity
    let memory: Quantity
    /// `["*"]` or canonical CIDR blocks.
    let adminSources: [String]
    let inboundRules: [ParsedInboundRule]

    var key: String { input.key }
    var nodeCount: Int { input.nodes.count }
    var replicas: Int { input.cockroachDB.replicas ?? input.nodes.count }
}

/// The four ranges of a region's address plan.
struct RegionAddresses {
    let vnet: IPv4Network
    let subnet: IPv4Network
    let pods: IPv4Network
    let services: IPv4Network
}

/// An inbound NSG rule with its ports parsed.
struct ParsedInboundRule {
    let name: String
    let priority: Int
    let ports: [PortRange]
    let networkProtocol: InboundRule.NetworkProtocol
    let sources: [String]
    let description: String
    let location: SourceLocation
}

/// A port or an inclusive range of ports, `22` or `30000-32767`.
public struct PortRange: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The first port.
    public let lower: Int
    /// The last port (equal to `lower` for a single port).
    public let upper: Int

    /// Creates a range; callers validate the bounds.
    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    /// Parses `22` or `30000-32767`; the error says what is wrong.
    static func parse(_ text: String) -> Result<PortRange, PortRangeError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCIIDigit) }),
            let lower = Int(parts[0]), let upper = Int(parts.last!)
        else {
            return .failure(PortRangeError(message: "'\(text)' is not a port or a port range such as '30000-32767'"))
        }
        for port in [lower, upper] where !(1...65535).contains(port) {
            return .failure(PortRangeError(message: "port \(port) in '\(text)' is outside 1–65535"))
        }
        guard lower <= upper else { return .failure(PortRangeError(message: "port range '\(text)' is not ordered low-high; write '\(upper)-\(lower)'")) }
        return .success(PortRange(lower, upper))
    }

    public var description: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }
}

/// Why a text is not a port or port range.
struct PortRangeError: Error {
    let message: String
}
