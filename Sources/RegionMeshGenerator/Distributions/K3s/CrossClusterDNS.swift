import RegionMesh

/// Cross-cluster DNS on k3s, per cluster under `clusters/<cluster>/dns/`: a NodePort Service that
/// exposes the cluster's CoreDNS on a fixed port of every node, and the `coredns-custom` ConfigMap
/// that forwards each other region's namespace zone to that region's nodes on their DNS NodePort
/// (the Plan's DNS forwarders).
struct CrossClusterDNS {
    let plan: Plan

    /// The sub-folder of the cluster folder.
    static let group = "dns"
    /// The NodePort Service in front of CoreDNS.
    static let serviceName = "kube-dns-nodeport"
    /// The ConfigMap k3s's CoreDNS imports extra server blocks from.
    static let customConfigMapName = "coredns-custom"
    /// The namespace of k3s's CoreDNS.
    static let namespace = "kube-system"
    /// CoreDNS listens on 53 in its pods; the forward blocks listen on it too.
    static let coreDNSPort = 53
    /// Seconds CoreDNS caches the answers of a remote zone.
    static let cacheSeconds = 30
    /// The label k3s puts on its CoreDNS pods (its own selector, left as it is).
    static let coreDNSSelector: SortedMap<String> = ["k8s-app": "kube-dns"]
    /// The application labels of both objects.
    static let labels = ObjectLabels(name: "coredns", component: "dns")

    /// Both objects of every cluster, in region order.
    var objects: [ClusterObject] {
        plan.regions.flatMap { region in [customConfigMap(region), nodePortService(region)] }
    }

    /// `coredns-custom`: one `<region>.server` key per other region.
    func customConfigMap(_ region: RegionPlan) -> ClusterObject {
        var data: [String: String] = [:]
        for forwarder in region.dnsForwarders {
            let block = CorefileForwardBlock(zone: forwarder.zone, port: Self.coreDNSPort, upstreams: forwarder.upstreams, cacheSeconds: Self.cacheSeconds)
            data["\(forwarder.region).server"] = block.text
        }
        return ClusterObject(
            region: region, group: Self.group,
            object: ConfigMap(metadata: ObjectMeta(name: Self.customConfigMapName, namespace: Self.namespace), data: SortedMap(data)),
            labels: Self.labels,
            notes: [
                "Forwards the DNS zone of every other region's namespace to that region's nodes, on its DNS",
                "NodePort, over the private networks. k3s rewrites its own `coredns` ConfigMap whenever it restarts, so",
                "the blocks live in `coredns-custom`, whose `*.server` keys k3s's Corefile imports",
                "(`import /etc/coredns/custom/*.server`). CoreDNS picks a change up only after a restart;",
                "setup runs `kubectl -n kube-system rollout restart deployment/coredns`.",
            ])
    }

    /// The NodePort Service through which the other regions reach this cluster's CoreDNS.
    func nodePortService(_ region: RegionPlan) -> ClusterObject {
        let nodePort = region.nodePort(.dns)
        let service = Service(
            metadata: ObjectMeta(name: Self.serviceName, namespace: Self.namespace),
            spec: ServiceSpec(
                type: "NodePort", externalTrafficPolicy: "Cluster", selector: Self.coreDNSSelector,
                ports: [
                    ServicePort(name: "dns", protocol: "UDP", port: Self.coreDNSPort, targetPort: Self.coreDNSPort, nodePort: nodePort),
                    ServicePort(name: "dns-tcp", protocol: "TCP", port: Self.coreDNSPort, targetPort: Self.coreDNSPort, nodePort: nodePort),
                ]))
        return ClusterObject(
            region: region, group: Self.group, object: service, labels: Self.labels,
            notes: [
                "Exposes this cluster's CoreDNS (k3s's pods, label k8s-app=kube-dns) on NodePort \(nodePort), UDP and",
                "TCP, of every node: the other regions' `coredns-custom` blocks forward to <node IP>:\(nodePort).",
            ])
    }
}
