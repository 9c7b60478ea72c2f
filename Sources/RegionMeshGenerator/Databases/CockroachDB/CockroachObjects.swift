import RegionMesh

/// A region's CockroachDB objects other than the StatefulSet: all in the region's namespace.
struct CockroachObjects {
    let plan: Plan
    let cockroach: CockroachPlan
    let region: RegionPlan

    private var names: CockroachNames { cockroach.names }

    private func meta(_ name: String, annotations: SortedMap<String>? = nil) -> ObjectMeta {
        ObjectMeta(name: name, namespace: region.namespace, annotations: annotations)
    }

    private func manifest(_ object: any KubernetesObject, _ notes: [String], labels: ObjectLabels? = nil) -> ClusterObject {
        ClusterObject(
            region: region, group: CockroachGenerator.group, object: object,
            labels: labels ?? CockroachGenerator.labels(cockroach[region]), notes: notes)
    }

    /// The ServiceAccount, Role and RoleBinding name.
    static let serviceAccountName = "cockroachdb"
    /// The PodDisruptionBudget name.
    static let budgetName = "cockroachdb-budget"

    var namespace: ClusterObject {
        var labels = CockroachGenerator.labels(cockroach[region])
        labels.version = nil
        return manifest(
            Namespace(metadata: ObjectMeta(name: region.namespace)),
            ["The namespace of region \(region.key)'s CockroachDB nodes; the other clusters forward \(region.dnsZone) here."], labels: labels)
    }

    var serviceAccount: ClusterObject {
        manifest(ServiceAccount(metadata: meta(Self.serviceAccountName)), ["The identity of the CockroachDB pods."])
    }

    var role: ClusterObject {
        let rule = PolicyRule(apiGroups: [""], resources: ["secrets"], resourceNames: [names.nodeSecret, names.clientSecret], verbs: ["get"])
        return manifest(
            Role(metadata: meta(Self.serviceAccountName), rules: [rule]),
            [
                "Read access to the two CockroachDB secrets and nothing else. The pods get their certificates",
                "as a mounted volume and do not call the API; certs.sh creates the secrets from outside.",
            ])
    }

    var roleBinding: ClusterObject {
        manifest(
            RoleBinding(
                metadata: meta(Self.serviceAccountName),
                subjects: [Subject(name: Self.serviceAccountName, namespace: region.namespace)],
                roleRef: RoleRef(name: Self.serviceAccountName)),
            ["Binds the Role to the pods' ServiceAccount in this namespace."])
    }

    private var ports: [ServicePort] {
        [
            ServicePort(name: "grpc", port: cockroach.port, targetPort: cockroach.port),
            ServicePort(name: "http", port: cockroach.httpPort, targetPort: cockroach.httpPort),
        ]
    }

    var publicService: ClusterObject {
        manifest(
            Service(
                metadata: meta(names.publicService),
                spec: ServiceSpec(type: "ClusterIP", selector: CockroachGenerator.selector(plan), ports: ports)),
            ["What SQL clients and the DB Console connect to: any ready node of this region."])
    }

    /// What the region's front end forwards clients to, when clients reach the region from outside:
    /// each client port on its fixed NodePort of every node. External traffic policy `Local`: a
    /// node forwards only to its own pod, and only while that pod is ready, so the front end's
    /// health probe on the readiness port tells exactly which nodes serve; clients' addresses reach
    /// the database unchanged.
    var clientService: ClusterObject? {
        guard let access = region.clientAccess else { return nil }
        return manifest(
            Service(
                metadata: meta(Self.clientServiceName),
                spec: ServiceSpec(
                    type: "NodePort", externalTrafficPolicy: "Local", selector: CockroachGenerator.selector(plan),
                    ports: access.ports.map { port in
                        ServicePort(
                            name: port.service.rawValue, port: port.port, targetPort: port.port, nodePort: port.nodePort)
                    })),
            [
                "Clients from outside: " + access.ports.map { "\($0.title) on NodePort \($0.nodePort)" }.joined(separator: ", ") + " of every node,",
                "where the region's front end sends them. Only a node whose own pod is ready answers (externalTrafficPolicy Local).",
            ])
    }

    /// The client service's name.
    static let clientServiceName = "cockroachdb-clients"

    var headlessService: ClusterObject {
        let annotations: SortedMap<String> = [
            "prometheus.io/scrape": "true",
            "prometheus.io/scheme": "https",
            "prometheus.io/path": "_status/vars",
            "prometheus.io/port": "\(cockroach.httpPort)",
        ]
        return manifest(
            Service(
                metadata: meta(names.headlessService, annotations: annotations),
                spec: ServiceSpec(
                    type: "ClusterIP", clusterIP: "None", publishNotReadyAddresses: true, selector: CockroachGenerator.selector(plan),
                    ports: ports)),
            [
                "Headless: gives every pod its DNS name, such as",
                "\(cockroach[region].podHosts.first ?? ""), which the other regions resolve through",
                "their DNS forwarders. Not-ready pods are published so that nodes find each other before init.",
            ])
    }

    var disruptionBudget: ClusterObject {
        manifest(
            PodDisruptionBudget(
                metadata: meta(Self.budgetName),
                spec: .init(selector: LabelSelector(matchLabels: CockroachGenerator.selector(plan)), maxUnavailable: 1)),
            ["Voluntary disruptions (node drains) take down at most one CockroachDB pod of the region at a time."])
    }
}
