import RegionMesh

/// Cross-cluster DNS, per cluster under `clusters/<cluster>/dns/`: a NodePort Service that exposes
/// the cluster's CoreDNS on a fixed port of every node, and the `coredns-custom` ConfigMap that
/// forwards each other region's namespace zone to that region's nodes on their DNS NodePort.
enum DNSEmitter {
    /// The sub-folder of the cluster folder.
    static let group = "dns"
    /// The NodePort Service in front of CoreDNS.
    static let serviceName = "kube-dns-nodeport"
    /// The ConfigMap k3s's CoreDNS imports extra server blocks from.
    static let customConfigMapName = "coredns-custom"
    /// CoreDNS listens on 53 in its pods; the forward blocks listen on it too.
    static let coreDNSPort = 53
    /// Seconds CoreDNS caches the answers of a remote zone.
    static let cacheSeconds = 30
    /// The label k3s puts on its CoreDNS pods (its own selector, left as it is).
    static let coreDNSSelector: SortedMap<String> = ["k8s-app": "kube-dns"]

    static func artifacts(for plan: Plan) throws -> [Artifact] {
        try manifests(for: plan).map { try $0.artifact(plan: plan) }
    }

    /// Both objects of every cluster, in region order.
    static func manifests(for plan: Plan) -> [ClusterManifest] {
        plan.regions.flatMap { region in [customConfigMap(plan, region), nodePortService(plan, region)] }
    }

    static let labels = ObjectLabels(name: "coredns", component: "dns")

    /// `coredns-custom`: one `<region>.server` key per other region.
    static func customConfigMap(_ plan: Plan, _ region: RegionPlan) -> ClusterManifest {
        var data: [String: String] = [:]
        for remote in plan.remoteRegions(of: region) {
            let block = CorefileForwardBlock(
                zone: remote.dnsZone, port: coreDNSPort,
                upstreams: remote.nodes.map { "\($0.privateIP):\(remote.nodePorts.dns)" }, cacheSeconds: cacheSeconds)
            data["\(remote.key).server"] = block.text
        }
        let configMap = ConfigMap(
            metadata: ObjectMeta(name: customConfigMapName, namespace: "kube-system", labels: labels.labels(plan: plan, region: region)),
            data: SortedMap(data))
        return ClusterManifest(
            region: region, group: group, object: configMap,
            notes: [
                "Forwards the DNS zone of every other region's namespace to that region's nodes, on its DNS",
                "NodePort, over VNet peering. k3s rewrites its own `coredns` ConfigMap whenever it restarts, so",
                "the blocks live in `coredns-custom`, whose `*.server` keys k3s's Corefile imports",
                "(`import /etc/coredns/custom/*.server`). CoreDNS picks a change up only after a restart;",
                "setup runs `kubectl -n kube-system rollout restart deployment/coredns`.",
            ])
    }

    /// The NodePort Service through which the other regions reach this cluster's CoreDNS.
    static func nodePortService(_ plan: Plan, _ region: RegionPlan) -> ClusterManifest {
        let nodePort = region.nodePorts.dns
        let service = Service(
            metadata: ObjectMeta(name: serviceName, namespace: "kube-system", labels: labels.labels(plan: plan, region: region)),
            spec: ServiceSpec(
                type: "NodePort", externalTrafficPolicy: "Cluster", selector: coreDNSSelector,
                ports: [
                    ServicePort(name: "dns", protocol: "UDP", port: coreDNSPort, targetPort: coreDNSPort, nodePort: nodePort),
                    ServicePort(name: "dns-tcp", protocol: "TCP", port: coreDNSPort, targetPort: coreDNSPort, nodePort: nodePort),
                ]))
        return ClusterManifest(
            region: region, group: group, object: service,
            notes: [
                "Exposes this cluster's CoreDNS (k3s's pods, label k8s-app=kube-dns) on NodePort \(nodePort), UDP and",
                "TCP, of every node: the other regions' `coredns-custom` blocks forward to <node IP>:\(nodePort).",
            ])
    }
}
