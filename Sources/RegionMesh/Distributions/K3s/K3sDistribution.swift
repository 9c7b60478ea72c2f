/// k3s, installed with k3sup: one cluster per region, every node a server of the cluster's embedded
/// etcd, the network plugin in place of flannel, ServiceLB and Traefik disabled.
public enum K3sDistribution: KubernetesDistribution {
    public static let rules: [Rule] = [.unpinnedK3sVersion]

    public static let tools = [
        ToolRequirement("k3sup", hint: "get it from https://github.com/alexellis/k3sup#download"),
        ToolRequirement("kubectl", hint: "get it from https://kubernetes.io/docs/tasks/tools/"),
        ToolRequirement("ssh", hint: "get it from your package manager (e.g. apt-get install openssh-client)"),
    ]

    /// The port of the Kubernetes API and the k3s supervisor on every server.
    public static let apiPort = 6443

    public static let conventions = DistributionConventions(
        name: "k3s",
        adminPorts: [
            AdminPort(name: "SSH", title: "SSH", ports: PortRange(22), purpose: "SSH for k3sup and operators"),
            AdminPort(name: "KubernetesAPI", title: "the Kubernetes API", ports: PortRange(apiPort), purpose: "Kubernetes API for kubectl and helm"),
            AdminPort(name: "NodePorts", title: "the NodePorts", ports: Kubernetes.nodePortRange, purpose: "Kubernetes NodePort services"),
        ],
        nodePorts: [.dns])

    /// CoreDNS as k3s v1.35.4+k3s1 ships it (k3s-io/docs release notes, v1.35.X: CoreDNS v1.14.2).
    static let dnsImage = "rancher/mirrored-coredns-coredns:1.14.2"

    /// The release when neither a region nor `Defaults` pins one.
    static let defaultRelease = K3sRelease.version(SemanticVersion("v1.35.4+k3s1")!)

    /// k3s's part of a validated topology: each region's release.
    public struct Validated: Sendable {
        let releases: [String: K3sRelease]
    }

    public static func validate(_ topology: GatheredTopology, core: CoreFacts, diagnostics: inout DiagnosticCollector) -> Validated? {
        let defaults = parse(topology.defaults.first(K3s.self), diagnostics: &diagnostics)
        var releases: [String: K3sRelease] = [:]
        var failed = false
        for region in core.regions {
            let release = parse(region.gathered.own.first(K3s.self), diagnostics: &diagnostics).or(defaults)
            switch release {
            case .invalid: failed = true
            case .absent: releases[region.key] = defaultRelease
            case .value(let value, let location):
                releases[region.key] = value
                if case .channel = value {
                    diagnostics.add(.unpinnedK3sVersion, region: region.key, at: location) {
                        "k3s of \($0) follows a channel; pin a release such as '\(defaultRelease)' so every run installs the same bits"
                    }
                }
            }
        }
        return failed ? nil : Validated(releases: releases)
    }

    public static func plan(_ validated: Validated, context: PlanningContext) -> K3sPlan {
        K3sPlan(
            apiPort: apiPort,
            dnsImage: dnsImage,
            regions: context.regions.map { region in
                let requirements = context.distributionRequirements
                var flags: [String] = []
                if requirements.contains(.noBuiltInPodNetwork) { flags.append("--flannel-backend=none") }
                if requirements.contains(.noBuiltInNetworkPolicy) { flags.append("--disable-network-policy") }
                flags += [
                    "--cluster-cidr=\(region.addresses.pods)",
                    "--service-cidr=\(region.addresses.services)",
                    "--cluster-dns=\(region.addresses.dnsServiceIP)",
                    "--cluster-domain=\(context.clusterDomain)",
                    "--disable=servicelb",
                    "--disable=traefik",
                    "--disable=coredns",
                ]
                if let dataPath = context.provider?.dataPath(ofRegion: region.key) {
                    // The local-path provisioner's volumes (the database's) go to the data disk.
                    flags.append("--default-local-storage-path=\(dataPath)/local-path")
                }
                let initServer = region.nodes[0]
                let placement = context.provider?.placement(ofRegion: region.key)
                return K3sRegionPlan(
                    key: region.key, release: validated.releases[region.key] ?? defaultRelease, clusterFlags: flags,
                    nodeFlags: region.nodes.map { node in
                        var own = ["--node-ip=\(node.privateIP)"]
                        if let placement { own.append("--node-label=topology.kubernetes.io/region=\(placement)") }
                        if let zone = context.provider?.zone(ofNode: node.index, inRegion: region.key) {
                            own.append("--node-label=topology.kubernetes.io/zone=\(zone)")
                        }
                        return own
                    },
                    initServer: initServer.name, joinURL: "https://\(initServer.privateIP):\(apiPort)")
            },
            registryMirror: context.provider?.imageMirror)
    }

    public static func images(_ part: K3sPlan) -> [String] {
        [part.dnsImage]
    }

    /// Parses a `K3s` declaration: a release such as `v1.35.4+k3s1`, or a channel name.
    static func parse(_ k3s: K3s?, diagnostics: inout DiagnosticCollector) -> Parsed<K3sRelease> {
        Parsed.parse(k3s) { k3s in
            if let channel = k3s.channel {
                guard !channel.isEmpty, channel.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
                    diagnostics.add(.invalidVersion, "k3s channel '\(channel)' is not a channel name such as 'stable' or 'v1.33'", at: k3s.sourceLocation)
                    return nil
                }
                return .channel(channel)
            }
            let text = k3s.version ?? ""
            guard let version = SemanticVersion(text, requireV: true), version.suffix.hasPrefix("+k3s") else {
                diagnostics.add(.invalidVersion, "k3s version '\(text)' is not a k3s release such as 'v1.35.4+k3s1'\(SemanticVersion.leadingZeroNote(text, requireV: true))", at: k3s.sourceLocation)
                return nil
            }
            return .version(version)
        }
    }
}

extension Rule {
    /// The rule `unpinned-k3s-version`.
    public static let unpinnedK3sVersion = Rule(
        "unpinned-k3s-version", .warning, "k3s is installed from a channel instead of a pinned version; runs are not reproducible")
}

/// k3s's part of the Plan.
public struct K3sPlan: Sendable, Codable, Equatable {
    /// The port of the Kubernetes API and the k3s supervisor on every server.
    public let apiPort: Int
    /// The CoreDNS image of the clusters' DNS, which RegionMesh runs in place of k3s's own (the
    /// image k3s itself ships, so nodes may have it already).
    public let dnsImage: String
    /// The regions, in declaration order.
    public let regions: [K3sRegionPlan]
    /// The registry every node pulls the mirrored registries' images through
    /// (`/etc/rancher/k3s/registries.yaml`), when the provider runs one.
    public let registryMirror: ImageMirror?

    /// The k3s part of region `key`.
    public func region(_ key: String) -> K3sRegionPlan? {
        regions.first { $0.key == key }
    }

    /// The part of `region`, which a Plan always has.
    public subscript(region: RegionPlan) -> K3sRegionPlan {
        guard let part = self.region(region.key) else { preconditionFailure("the Plan has no part for region \(region.key)") }
        return part
    }
}

/// How one region's cluster is installed.
public struct K3sRegionPlan: Sendable, Codable, Equatable {
    /// The region key.
    public let key: String
    /// The k3s release.
    public let release: K3sRelease
    /// The flags every server of the cluster is started with, identical on all of them (k3s
    /// refuses a server whose critical flags differ): what the network plugin replaces, the
    /// address plan, and no ServiceLB or Traefik.
    public let clusterFlags: [String]
    /// Each node's own flags, in node order: its private IP (so etcd, the kubelet and the pod
    /// tunnels use the private network) and the labels of its region and zone.
    public let nodeFlags: [[String]]
    /// The server that `k3sup install --cluster` starts embedded etcd on.
    public let initServer: String
    /// Where the other servers register: the first server's private IP. Its public IP would not
    /// do: administrative access opens the API port only to `AdminAccess`.
    public let joinURL: String
}
