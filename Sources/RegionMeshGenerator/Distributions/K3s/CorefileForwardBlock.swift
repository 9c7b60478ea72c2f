/// A CoreDNS server block that answers one zone by forwarding to other DNS servers:
///
/// ```
/// westus.svc.cluster.local:53 {
///     errors
///     cache 30
///     forward . 10.2.1.4:30053 10.2.1.5:30053
/// }
/// ```
struct CorefileForwardBlock {
    let zone: String
    /// The port the block listens on (CoreDNS's own).
    let port: Int
    /// `host:port` of each upstream server.
    let upstreams: [String]
    let cacheSeconds: Int

    /// The block's text, ending in a newline.
    var text: String {
        [
            "\(zone):\(port) {",
            "    errors",
            "    cache \(cacheSeconds)",
            "    forward . \(upstreams.joined(separator: " "))",
            "}",
        ].joined(separator: "\n") + "\n"
    }
}
