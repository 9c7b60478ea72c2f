import RegionMesh

/// Each cluster's DNS, which RegionMesh runs in place of k3s's packaged CoreDNS (`--disable=coredns`),
/// under `clusters/<cluster>/dns/`. k3s's CoreDNS is one pod and k3s rewrites its ConfigMap on every
/// restart; this one is a Deployment of up to three replicas spread over the nodes, rolled one pod
/// at a time with none down, with a disruption budget. It answers the cluster's own names at the
/// service IP the kubelets use (`kube-dns`), and the other regions' zones by forwarding them (the
/// Plan's DNS forwarders). The other regions reach it through a NodePort on every node, so losing a
/// node loses no name.
struct ClusterDNS {
    let plan: Plan
    let k3s: K3sPlan

    /// The sub-folder of the cluster folder.
    static let group = "dns"
    /// The namespace.
    static let namespace = "kube-system"
    /// The Deployment, its ConfigMap, its ServiceAccount and its disruption budget.
    static let name = "coredns"
    /// The ClusterRole and its binding: cluster-scoped, so named after RegionMesh.
    static let clusterRoleName = "regionmesh-coredns"
    /// The Service at the cluster DNS address; the kubelets point every pod at it.
    static let serviceName = "kube-dns"
    /// The NodePort Service through which the other regions reach this cluster's DNS.
    static let nodePortServiceName = "kube-dns-nodeport"
    /// CoreDNS listens on 53 in its pods.
    static let port = 53
    /// The conventional label of cluster DNS pods, which tools look for.
    static let podSelector: SortedMap<String> = ["k8s-app": "kube-dns"]
    /// The application labels of every DNS object.
    static let labels = ObjectLabels(name: "coredns", component: "dns")

    /// Replicas: one per node, up to three; losing one node leaves the others answering.
    static func replicas(_ region: RegionPlan) -> Int { min(region.nodes.count, 3) }

    /// Every cluster's objects, in region order.
    var objects: [ClusterObject] {
        plan.regions.flatMap { region in
            [serviceAccount(region), clusterRole(region), clusterRoleBinding(region), configMap(region), service(region),
             nodePortService(region), deployment(region)] + (Self.replicas(region) > 1 ? [disruptionBudget(region)] : [])
        }
    }

    private func object(_ region: RegionPlan, _ object: any KubernetesObject, _ notes: [String]) -> ClusterObject {
        ClusterObject(region: region, group: Self.group, object: object, labels: Self.labels, notes: notes)
    }

    func serviceAccount(_ region: RegionPlan) -> ClusterObject {
        object(region, ServiceAccount(metadata: ObjectMeta(name: Self.name, namespace: Self.namespace)), ["The identity of the DNS pods."])
    }

    func clusterRole(_ region: RegionPlan) -> ClusterObject {
        object(
            region,
            ClusterRole(
                metadata: ObjectMeta(name: Self.clusterRoleName),
                rules: [
                    PolicyRule(apiGroups: [""], resources: ["endpoints", "services", "pods", "namespaces"], verbs: ["list", "watch"]),
                    PolicyRule(apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["list", "watch"]),
                ]),
            ["What CoreDNS's kubernetes plugin reads to answer the cluster's names."])
    }

    func clusterRoleBinding(_ region: RegionPlan) -> ClusterObject {
        object(
            region,
            ClusterRoleBinding(
                metadata: ObjectMeta(name: Self.clusterRoleName),
                subjects: [Subject(name: Self.name, namespace: Self.namespace)],
                roleRef: RoleRef(kind: "ClusterRole", name: Self.clusterRoleName)),
            ["Grants the ClusterRole to the DNS pods' ServiceAccount."])
    }

    func configMap(_ region: RegionPlan) -> ClusterObject {
        let corefile = Corefile(
            clusterDomain: plan.clusterDomain, forwarders: region.dnsForwarders, port: Self.port, cacheSeconds: 30, serveStale: "1h")
        return object(
            region,
            ConfigMap(metadata: ObjectMeta(name: Self.name, namespace: Self.namespace), data: ["Corefile": corefile.text]),
            [
                "The Corefile: this cluster's names, and each other region's namespace zone forwarded to that",
                "region's nodes on its DNS NodePort over the private networks. The reload plugin reads a change",
                "within about two minutes (the kubelet updates the mounted file, reload checks every 30 s): no",
                "restart, so no moment without DNS. Stale answers are served for an hour when a region is unreachable.",
            ])
    }

    func service(_ region: RegionPlan) -> ClusterObject {
        object(
            region,
            Service(
                metadata: ObjectMeta(name: Self.serviceName, namespace: Self.namespace),
                spec: ServiceSpec(
                    type: "ClusterIP", clusterIP: "\(region.addresses.dnsServiceIP)", selector: Self.podSelector,
                    ports: [
                        ServicePort(name: "dns", protocol: "UDP", port: Self.port, targetPort: Self.port),
                        ServicePort(name: "dns-tcp", protocol: "TCP", port: Self.port, targetPort: Self.port),
                        ServicePort(name: "metrics", port: 9153, targetPort: 9153),
                    ])),
            ["The cluster DNS address \(region.addresses.dnsServiceIP), which every kubelet gives its pods (k3s --cluster-dns)."])
    }

    func nodePortService(_ region: RegionPlan) -> ClusterObject {
        let nodePort = region.nodePort(.dns)
        return object(
            region,
            Service(
                metadata: ObjectMeta(name: Self.nodePortServiceName, namespace: Self.namespace),
                spec: ServiceSpec(
                    type: "NodePort", externalTrafficPolicy: "Cluster", selector: Self.podSelector,
                    ports: [
                        ServicePort(name: "dns", protocol: "UDP", port: Self.port, targetPort: Self.port, nodePort: nodePort),
                        ServicePort(name: "dns-tcp", protocol: "TCP", port: Self.port, targetPort: Self.port, nodePort: nodePort),
                    ])),
            [
                "Exposes this cluster's DNS on NodePort \(nodePort), UDP and TCP, of every node: the other regions forward",
                "this region's zone to <node IP>:\(nodePort), and any node reaches a DNS pod on any other node.",
            ])
    }

    func deployment(_ region: RegionPlan) -> ClusterObject {
        let selector = ObjectLabels.selector(name: Self.labels.name, plan: plan).entries.merging(Self.podSelector.entries) { $1 }
        let podLabels = Self.labels.labels(plan: plan, region: region).entries.merging(Self.podSelector.entries) { $1 }
        let limits: SortedMap<String> = ["memory": "170Mi"]
        let container = Container(
            name: "coredns",
            image: k3s.dnsImage,
            imagePullPolicy: "IfNotPresent",
            args: ["-conf", "/etc/coredns/Corefile"],
            ports: [
                ContainerPort(name: "dns", containerPort: Self.port, protocol: "UDP"),
                ContainerPort(name: "dns-tcp", containerPort: Self.port),
                ContainerPort(name: "metrics", containerPort: 9153),
                ContainerPort(name: "liveness", containerPort: 8080),
                ContainerPort(name: "readiness", containerPort: 8181),
            ],
            resources: ResourceRequirements(requests: ["cpu": "100m", "memory": "70Mi"], limits: limits),
            livenessProbe: Probe(
                httpGet: HTTPGetAction(path: "/health", port: "liveness", scheme: "HTTP"), initialDelaySeconds: 60, periodSeconds: 10,
                failureThreshold: 3),
            readinessProbe: Probe(
                httpGet: HTTPGetAction(path: "/ready", port: "readiness", scheme: "HTTP"), initialDelaySeconds: 0, periodSeconds: 2,
                failureThreshold: 3),
            securityContext: SecurityContext(
                allowPrivilegeEscalation: false, capabilities: .init(add: ["NET_BIND_SERVICE"], drop: ["ALL"]), readOnlyRootFilesystem: true),
            volumeMounts: [VolumeMount(name: "config", mountPath: "/etc/coredns")])
        let pod = PodSpec(
            priorityClassName: "system-cluster-critical",
            serviceAccountName: Self.name,
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [
                TopologySpreadConstraint(
                    maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule",
                    labelSelector: LabelSelector(matchLabels: SortedMap(selector)))
            ],
            // As in k3s's own CoreDNS: `forward . /etc/resolv.conf` must reach the node's resolver. With
            // the cluster's DNS in resolv.conf (the default policy) every outside name would come back
            // to these pods, and the loop plugin would stop CoreDNS on its first start.
            dnsPolicy: .node,
            containers: [container],
            volumes: [Volume(name: "config", configMap: ConfigMapVolumeSource(name: Self.name))])
        let deployment = Deployment(
            metadata: ObjectMeta(name: Self.name, namespace: Self.namespace),
            spec: .init(
                replicas: Self.replicas(region),
                selector: LabelSelector(matchLabels: SortedMap(selector)),
                strategy: .init(type: "RollingUpdate", rollingUpdate: .init(maxUnavailable: 0, maxSurge: 1)),
                template: PodTemplateSpec(metadata: TemplateMeta(labels: SortedMap(podLabels)), spec: pod)))
        return object(
            region, deployment,
            [
                "\(Self.replicas(region)) CoreDNS replicas, one per node (spread by hostname), in place of k3s's single pod.",
                "A rolling update starts a new pod before it stops an old one (maxUnavailable 0), so the cluster",
                "always answers; a node's loss leaves the other replicas answering behind both Services.",
                "The pods resolve outside names through the node's resolver (dnsPolicy Default), as k3s's own",
                "CoreDNS does: through the cluster's DNS, forward . would reach these pods again, a loop.",
            ])
    }

    func disruptionBudget(_ region: RegionPlan) -> ClusterObject {
        let selector = ObjectLabels.selector(name: Self.labels.name, plan: plan).entries.merging(Self.podSelector.entries) { $1 }
        return object(
            region,
            PodDisruptionBudget(
                metadata: ObjectMeta(name: Self.name, namespace: Self.namespace),
                spec: .init(selector: LabelSelector(matchLabels: SortedMap(selector)), maxUnavailable: 1)),
            ["A node drain takes down at most one DNS replica at a time."])
    }
}
