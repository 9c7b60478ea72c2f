import RegionMesh

/// The Corefile of a cluster's DNS: the cluster's own names (the `kubernetes` plugin), the rest of
/// the world through the node's resolver, and one server block per other region that forwards that
/// region's namespace zone to its nodes' DNS NodePort:
///
/// ```
/// westus.svc.cluster.local:53 {
///     errors
///     cache 30 {
///         serve_stale 1h
///     }
///     forward . 10.2.1.4:30053 10.2.1.5:30053 10.2.1.6:30053
/// }
/// ```
///
/// `reload` re-reads the Corefile when its ConfigMap changes: a change needs no restart. The
/// forwarding blocks serve stale answers for an hour when a region cannot be reached, and
/// `forward` stops asking an upstream that fails its health checks, so a lost node costs nothing.
struct Corefile {
    let clusterDomain: String
    let forwarders: [DNSForwarder]
    /// The port CoreDNS listens on in its pods.
    let port: Int
    /// Seconds answers are cached.
    let cacheSeconds: Int
    /// How long a remote region's answers are served when it cannot be reached.
    let serveStale: String

    var text: String {
        var lines = [
            ".:\(port) {",
            "    errors",
            "    health {",
            "        lameduck 5s",
            "    }",
            "    ready",
            "    kubernetes \(clusterDomain) in-addr.arpa ip6.arpa {",
            "        pods insecure",
            "        fallthrough in-addr.arpa ip6.arpa",
            "    }",
            "    prometheus :9153",
            "    forward . /etc/resolv.conf",
            "    cache \(cacheSeconds)",
            "    loop",
            "    reload",
            "    loadbalance",
            "}",
        ]
        for forwarder in forwarders {
            lines += [
                "\(forwarder.zone):\(port) {",
                "    errors",
                "    cache \(cacheSeconds) {",
                "        serve_stale \(serveStale)",
                "    }",
                "    forward . \(forwarder.upstreams.joined(separator: " "))",
                "}",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
