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

    /// A single port.
    public init(_ port: Int) { self.init(port, port) }

    /// Parses `22` or `30000-32767`; the error says what is wrong.
    public static func parse(_ text: String) -> Result<PortRange, PortRangeError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCIIDigit) }),
            let lower = Int(parts[0]), let upper = Int(parts[parts.count - 1])
        else {
            return .failure(PortRangeError(message: "'\(text)' is not a port or a port range such as '30000-32767'"))
        }
        for port in [lower, upper] where !(1...65535).contains(port) {
            return .failure(PortRangeError(message: "port \(port) in '\(text)' is outside 1–65535"))
        }
        guard lower <= upper else { return .failure(PortRangeError(message: "port range '\(text)' is not ordered low-high; write '\(upper)-\(lower)'")) }
        return .success(PortRange(lower, upper))
    }

    /// Whether `port` lies in the range.
    public func contains(_ port: Int) -> Bool { (lower...upper).contains(port) }

    public var description: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }
}

/// Why a text is not a port or port range.
public struct PortRangeError: Error {
    /// What is wrong.
    public let message: String
}
