/// DNS-1123 labels: Kubernetes namespaces, cluster names, host names.
public enum DNSLabel {
    /// Whether `text` is at most 63 lower-case alphanumerics and `-`, starting and ending alphanumeric.
    public static func isValid(_ text: String) -> Bool {
        guard (1...63).contains(text.count), let first = text.first, let last = text.last else { return false }
        let allowed = text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        return allowed && first != "-" && last != "-"
    }
}

/// DNS-1123 subdomains: dot-separated DNS-1123 labels, at most 253 characters (storage classes and
/// most other Kubernetes object names).
public enum DNSSubdomain {
    /// Whether `text` is a DNS-1123 subdomain.
    public static func isValid(_ text: String) -> Bool {
        text.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { DNSLabel.isValid(String($0)) }
    }
}

/// Facts about every Kubernetes cluster RegionMesh builds.
public enum Kubernetes {
    /// The cluster domain, the same in every cluster.
    public static let clusterDomain = "cluster.local"
    /// The NodePort range (the API server's default `--service-node-port-range`).
    public static let nodePortRange = PortRange(30000, 32767)
    /// The DNS service's offset in the service range (k3s's own default is 10.43.0.10).
    public static let dnsServiceOffset: UInt64 = 10
    /// The largest service range Kubernetes accepts.
    public static let largestServicePrefix = 12

    /// The DNS service address of `range`, or nil when the range is too small (Kubernetes never
    /// hands out the last address).
    public static func dnsServiceAddress(in range: IPv4Network) -> IPv4Address? {
        guard dnsServiceOffset < range.size - 1 else { return nil }
        return range.address(at: dnsServiceOffset)
    }

    /// Namespaces Kubernetes creates and reserves (`kube-` is a reserved prefix).
    public static func isReservedNamespace(_ name: String) -> Bool {
        name == "default" || name.hasPrefix("kube-")
    }
}
