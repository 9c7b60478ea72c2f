import RegionMesh

/// A region's CockroachDB objects other than the StatefulSet: all in the region's namespace.
struct CockroachObjects {
    let plan: Plan
    let region: RegionPlan

    private var names: CockroachNames { plan.cockroach.names }
    private var labels: SortedMap<String> { CockroachEmitter.labels(region).labels(plan: plan, region: region) }

    private func meta(_ name: String, annotations: SortedMap<String>? = nil) -> ObjectMeta {
        ObjectMeta(name: name, namespace: region.namespace, labels: labels, annotations: annotations)
    }

    private func manifest(_ object: any KubernetesObject, _ notes: [String]) -> ClusterManifest {
        ClusterManifest(region: region, group: CockroachEmitter.group, object: object, notes: notes)
    }

    /// The ServiceAccount, Role and RoleBinding name.
    static let serviceAccountName = "cockroachdb"
    /// The PodDisruptionBudget name.
    static let budgetName = "cockroachdb-budget"

    var namespace: ClusterManifest {
        let labels = CockroachEmitter.labels(region).stableLabels(plan: plan, region: region)
        return manifest(
            Namespace(metadata: ObjectMeta(name: region.namespace, labels: labels)),
            ["The namespace of region \(region.key)'s CockroachDB nodes; the other clusters forward \(region.dnsZone) here."])
    }

    var serviceAccount: ClusterManifest {
        manifest(ServiceAccount(metadata: meta(Self.serviceAccountName)), ["The identity of the CockroachDB pods."])
    }

    var role: ClusterManifest {
        let rule = PolicyRule(apiGroups: [""], resources: ["secrets"], resourceNames: [names.nodeSecret, names.clientSecret], verbs: ["get"])
        return manifest(
            Role(metadata: meta(Self.serviceAccountName), rules: [rule]),
            [
                "Read access to the two CockroachDB secrets and nothing else. The pods get their certificates",
                "as a mounted volume and do not call the API; certs.sh creates the secrets from outside.",
            ])
    }

    var roleBinding: ClusterManifest {
        manifest(
            RoleBinding(
                metadata: meta(Self.serviceAccountName),
                subjects: [Subject(name: Self.serviceAccountName, namespace: region.namespace)],
                roleRef: RoleRef(name: Self.serviceAccountName)),
            ["Binds the Role to the pods' ServiceAccount in this namespace."])
    }

    private var ports: [ServicePort] {
        [
            ServicePort(name: "grpc", port: plan.cockroach.port, targetPort: plan.cockroach.port),
            ServicePort(name: "http", port: plan.cockroach.httpPort, targetPort: plan.cockroach.httpPort),
        ]
    }

    var publicService: ClusterManifest {
        manifest(
            Service(
                metadata: meta(names.publicService),
                spec: ServiceSpec(type: "ClusterIP", selector: CockroachEmitter.selector(plan), ports: ports)),
            ["What SQL clients and the DB Console connect to: any ready node of this region."])
    }

    var headlessService: ClusterManifest {
        let annotations: SortedMap<String> = [
            "prometheus.io/scrape": "true",
            "prometheus.io/scheme": "https",
            "prometheus.io/path": "_status/vars",
            "prometheus.io/port": "\(plan.cockroach.httpPort)",
        ]
        return manifest(
            Service(
                metadata: meta(names.headlessService, annotations: annotations),
                spec: ServiceSpec(
                    type: "ClusterIP", clusterIP: "None", publishNotReadyAddresses: true, selector: CockroachEmitter.selector(plan),
                    ports: ports)),
            [
                "Headless: gives every pod its DNS name, such as",
                "\(region.cockroach.podHosts.first ?? ""), which the other regions resolve through",
                "their DNS forwarders. Not-ready pods are published so that nodes find each other before init.",
            ])
    }

    var disruptionBudget: ClusterManifest {
        manifest(
            PodDisruptionBudget(
                metadata: meta(Self.budgetName),
                spec: .init(selector: LabelSelector(matchLabels: CockroachEmitter.selector(plan)), maxUnavailable: 1)),
            ["Voluntary disruptions (node drains) take down at most one CockroachDB pod of the region at a time."])
    }
}
