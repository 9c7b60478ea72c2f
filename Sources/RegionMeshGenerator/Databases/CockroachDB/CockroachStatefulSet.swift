import RegionMesh

/// A region's CockroachDB StatefulSet: one pod per node (hard anti-affinity), requests equal to
/// limits, the join list (the first pods of every region), and the node certificate from its Secret.
enum CockroachStatefulSet {
    /// Where the data volume is mounted.
    static let dataDirectory = "/cockroach/cockroach-data"
    /// The volume claim template (and the volume) of the data.
    static let dataVolume = "datadir"
    /// The volume of the node Secret.
    static let certsVolume = "certs"

    static func object(plan: Plan, cockroach: CockroachPlan, region: RegionPlan) -> ClusterObject {
        let crdb = cockroach[region]
        let names = cockroach.names
        let labels = CockroachGenerator.labels(crdb)
        let selector = CockroachGenerator.selector(plan)
        let resources: SortedMap<String> = ["cpu": "\(crdb.cpu)", "memory": crdb.memory.text]
        let container = Container(
            name: "cockroachdb",
            image: crdb.image,
            imagePullPolicy: "IfNotPresent",
            command: ["/bin/bash", "-ecx", startCommand(cockroach: cockroach, region: crdb)],
            ports: [
                ContainerPort(name: "grpc", containerPort: cockroach.port),
                ContainerPort(name: "http", containerPort: cockroach.httpPort),
            ],
            env: (crdb.nodeLocalities.isEmpty ? [] : [EnvVar.field("NODE_NAME", "spec.nodeName")]) + [
                .resource("GOMAXPROCS", "limits.cpu", divisor: "1"),
                .resource("MEMORY_LIMIT_MIB", "limits.memory", divisor: "1Mi"),
            ],
            resources: ResourceRequirements(requests: resources, limits: resources),
            readinessProbe: Probe(
                httpGet: HTTPGetAction(path: "/health?ready=1", port: "http", scheme: "HTTPS"),
                initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 2),
            volumeMounts: [
                VolumeMount(name: dataVolume, mountPath: dataDirectory),
                VolumeMount(name: certsVolume, mountPath: names.certsDirectory),
            ])
        let pod = PodSpec(
            serviceAccountName: CockroachObjects.serviceAccountName,
            terminationGracePeriodSeconds: 60,
            affinity: Affinity(
                podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [
                    PodAffinityTerm(labelSelector: LabelSelector(matchLabels: selector), topologyKey: "kubernetes.io/hostname")
                ])),
            containers: [container],
            volumes: [Volume(name: certsVolume, secret: SecretVolumeSource(secretName: names.nodeSecret, defaultMode: 0o400))])
        let claim = PersistentVolumeClaimTemplate(
            metadata: ObjectMeta(name: dataVolume, labels: labels.stableLabels(plan: plan, region: region)),
            spec: .init(
                accessModes: ["ReadWriteOnce"], storageClassName: crdb.storageClass,
                resources: .init(requests: ["storage": crdb.storage.text])))
        let statefulSet = StatefulSet(
            metadata: ObjectMeta(name: names.statefulSet, namespace: region.namespace),
            spec: .init(
                serviceName: names.headlessService,
                replicas: crdb.replicas,
                selector: LabelSelector(matchLabels: selector),
                podManagementPolicy: "Parallel",
                updateStrategy: .init(type: "RollingUpdate"),
                template: PodTemplateSpec(metadata: TemplateMeta(labels: labels.labels(plan: plan, region: region)), spec: pod),
                volumeClaimTemplates: [claim],
                persistentVolumeClaimRetentionPolicy: .init(whenDeleted: "Retain", whenScaled: "Delete")))
        return ClusterObject(
            region: region, group: CockroachGenerator.group, object: statefulSet, labels: labels,
            notes: [
                "\(crdb.replicas) CockroachDB nodes of region \(region.key), at most one per Kubernetes node (required",
                "anti-affinity: the replicas-exceed-nodes rule guarantees they fit). Every node of every region",
                "has the same join list: the first pods of each region (the README says why not all of them).",
                "The pods become ready only after cockroachdb/init.sh has run `cockroach init`.",
                "The selector and the volume claim template cannot change after creation; they carry no version.",
                "A pod the StatefulSet drops when it shrinks loses its volume claim (whenScaled: Delete): setup.sh",
                "decommissions its node first, and a decommissioned node's store must never start again.",
            ])
    }

    /// The container's bash script: `cockroach start` with the join list of every region, the
    /// region's locality, and cache and SQL memory at a quarter of the memory limit each.
    static func startCommand(cockroach: CockroachPlan, region: CockroachRegionPlan) -> String {
        let quarterOfMemory = ShellWord.expansion("$(expr $MEMORY_LIMIT_MIB / 4)MiB")
        let command = ShellCommand("exec", "/cockroach/cockroach", "start")
            .option("--logtostderr")
            .option("--certs-dir", .literal(cockroach.names.certsDirectory))
            .option("--listen-addr", .literal(":\(cockroach.port)"))
            .option("--advertise-host", .expansion("$(hostname -f)"))
            .option("--http-addr", .literal("0.0.0.0:\(cockroach.httpPort)"))
            .option("--join", .literal(cockroach.joinList.joined(separator: ",")))
            .option("--locality", region.nodeLocalities.isEmpty ? .literal(region.locality) : .expansion("\"$LOCALITY\""))
            .option("--cache", quarterOfMemory)
            .option("--max-sql-memory", quarterOfMemory)
        // One option per line (a literal block in the YAML): a change shows as a one-line diff.
        var lines: [String] = []
        if !region.nodeLocalities.isEmpty {
            // The pod's locality is its node's: the zone of the node it was scheduled on.
            lines.append("case \"$NODE_NAME\" in")
            for node in region.nodeLocalities {
                lines.append("  \(shellQuote(node.node))) LOCALITY=\(shellQuote(node.locality)) ;;")
            }
            lines.append("  *) echo \"node $NODE_NAME is not a node of region \(region.key); its zone is unknown\" >&2; exit 1 ;;")
            lines.append("esac")
        }
        lines += command.lines(maxWidth: 0)
        return lines.joined(separator: "\n") + "\n"
    }
}
