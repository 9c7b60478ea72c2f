import RegionMesh
import RegionMeshTestSupport
import Testing
import Yams

@testable import RegionMeshGenerator

/// Cross-artifact checks on the seed topology: the DNS forwarders, the join lists, the localities and
/// the certificate hosts agree with each other and with the Plan. Manifests are read back from the
/// written YAML with Yams; scripts from their models.
@Suite struct CrossClusterConsistencyTests {
    let plan: Plan
    let artifacts: [Artifact]

    init() throws {
        plan = try examplePlan("crdb-three-region")
        artifacts = try Generator.artifacts(for: plan)
    }

    /// The YAML file `path` of `region`'s cluster folder, decoded as `T`.
    private func decode<T: Decodable>(_ type: T.Type, _ region: RegionPlan, _ path: String) throws -> T {
        let file = try #require(artifacts.first { $0.path == "clusters/\(region.cluster.name)/\(path)" }, "no \(path) for \(region.key)")
        return try YAMLDecoder().decode(T.self, from: file.contents)
    }

    struct ConfigMapData: Decodable { let data: [String: String] }

    struct ServiceSpec: Decodable {
        struct Spec: Decodable {
            struct Port: Decodable {
                let `protocol`: String
                let port: Int
                let targetPort: Int
                let nodePort: Int?
            }
            let type: String
            let selector: [String: String]
            let ports: [Port]
        }
        let spec: Spec
    }

    struct StartCommand: Decodable {
        struct Spec: Decodable { let template: Template }
        struct Template: Decodable { let spec: PodSpec }
        struct PodSpec: Decodable { let containers: [Container] }
        struct Container: Decodable { let command: [String] }
        let spec: Spec
        var script: String { spec.template.spec.containers.first?.command.last ?? "" }
    }

    @Test func eachClusterForwardsExactlyTheOtherRegionsToTheirNodes() throws {
        for region in plan.regions {
            let data = try decode(ConfigMapData.self, region, "dns/configmap-coredns.yaml").data
            #expect(Array(data.keys) == ["Corefile"])
            let corefile = try #require(data["Corefile"])
            // The server blocks: the cluster's own (every zone), then one per other region.
            let blocks = corefile.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.hasSuffix(" {") }.map(String.init)
            let remotes = plan.remoteRegions(of: region)
            #expect(blocks == [".:53 {"] + remotes.map { "\($0.key).svc.cluster.local:53 {" }, "cluster \(region.cluster.name)")
            for remote in remotes {
                let upstreams = remote.nodes.map { "\($0.privateIP):\(remote.nodePort(.dns))" }.joined(separator: " ")
                #expect(
                    corefile.contains("\n\(remote.key).svc.cluster.local:53 {\n    errors\n    cache 30 {\n        serve_stale 1h\n    }\n    forward . \(upstreams)\n}\n"),
                    "cluster \(region.cluster.name) forwards \(remote.key)")
            }
            // The Corefile is a literal block, not an escaped one-liner.
            let text = try #require(artifacts.first { $0.path == "clusters/\(region.cluster.name)/dns/configmap-coredns.yaml" }).contents
            #expect(text.contains("Corefile: |\n"))
            // k3s's own CoreDNS is off, so nothing writes the coredns-custom ConfigMap it would import.
            #expect(!artifacts.contains { $0.path.hasPrefix("clusters/\(region.cluster.name)/") && $0.path.hasSuffix("coredns-custom.yaml") })
            #expect(plan.k3s[region].clusterFlags.contains("--disable=coredns"))
        }
    }

    @Test func everyClusterExposesItsDNSOnTheNodePortOthersForwardTo() throws {
        for region in plan.regions {
            let service = try decode(ServiceSpec.self, region, "dns/service-kube-dns-nodeport.yaml").spec
            #expect(service.type == "NodePort")
            #expect(service.selector == ["k8s-app": "kube-dns"])
            #expect(service.ports.map(\.protocol) == ["UDP", "TCP"])
            #expect(service.ports.allSatisfy { $0.nodePort == region.nodePort(.dns) && $0.port == 53 && $0.targetPort == 53 })
            for other in plan.remoteRegions(of: region) {
                let forwarded = other.dnsForwarders.first { $0.region == region.key }?.upstreams ?? []
                #expect(forwarded.allSatisfy { $0.hasSuffix(":\(region.nodePort(.dns))") } && forwarded.count == region.nodes.count)
            }
        }
    }

    @Test func everyJoinListNamesTwoPodsOfEveryRegionAndLocalitiesShareTheirTiers() throws {
        let join = plan.regions.flatMap { region in (0..<2).map { "cockroachdb-\($0).cockroachdb.\(region.namespace).svc.cluster.local:26257" } }
        #expect(join.count == 6)
        for region in plan.regions {
            let script = try decode(StartCommand.self, region, "cockroachdb/statefulset-cockroachdb.yaml").script
            #expect(script.contains("\n  --join \(join.joined(separator: ",")) \\\n"), "\(script)")
            let location = plan.azure[region].location.name
            let zones = region.nodes.map { plan.azure.zone(ofNode: $0.index, inRegion: region.key) }
            if zones.allSatisfy({ $0 == nil }) {
                // No zones: every pod has the region's locality, its key standing for the zone.
                #expect(script.contains("\n  --locality region=\(location),zone=\(region.key) \\\n"), "\(script)")
                #expect(!script.contains("$NODE_NAME"))
            } else {
                // Each pod takes the locality of the node it runs on: the tiers are the same, the zone its node's.
                #expect(script.hasPrefix("case \"$NODE_NAME\" in\n"), "\(script)")
                for (node, zone) in zip(region.nodes, zones) {
                    #expect(script.contains("\n  \(node.name)) LOCALITY=region=\(location),zone=\(try #require(zone)) ;;\n"), "\(script)")
                }
                #expect(script.contains("\n  *) echo \"node $NODE_NAME is not a node of region \(region.key); its zone is unknown\" >&2; exit 1 ;;\nesac\n"))
                #expect(script.contains("\n  --locality \"$LOCALITY\" \\\n"), "\(script)")
            }
            #expect(plan.cockroach.localityTiers == ["region", "zone"])
        }
    }

    /// Whether certificate host `san` covers `host`: equal, or a `*.` wildcard over exactly one label.
    private func covers(_ san: String, _ host: String) -> Bool {
        if san == host { return true }
        guard san.hasPrefix("*.") else { return false }
        let suffix = String(san.dropFirst(1))
        guard host.hasSuffix(suffix) else { return false }
        let label = host.dropLast(suffix.count)
        return !label.isEmpty && !label.contains(".")
    }

    @Test func nodeCertificatesCoverTheJoinListAndTheClientNames() throws {
        let script = CockroachCertsScript(plan: plan, cockroach: plan.cockroach).script
        var hosts: [String: [String]] = [:]
        for command in script.commands where command.name.hasPrefix("cockroach cert create-node ") {
            let folder = try #require(command.value(of: "--certs-dir"))
            let key = folder.replacingOccurrences(of: "\"$NODES_DIR/", with: "").replacingOccurrences(of: "\"", with: "")
            hosts[key] = Array(command.groups[0].dropFirst(3).map(\.text))
        }
        #expect(Set(hosts.keys) == Set(plan.regions.map(\.key)))
        for region in plan.regions {
            let sans = try #require(hosts[region.key])
            #expect(sans == plan.cockroach[region].certificateHosts)
            for pod in plan.cockroach[region].podHosts {
                #expect(sans.contains { covers($0, pod) }, "\(pod) is not covered by \(sans)")
            }
            let service = plan.cockroach.names.publicService
            for client in ["localhost", "127.0.0.1", service, "\(service).\(region.namespace)", "\(service).\(region.dnsZone)"] {
                #expect(sans.contains(client), "\(client) missing in the node certificate of \(region.key)")
            }
        }
        // Every host of the join list is covered by the certificate of the region it belongs to.
        for region in plan.regions {
            for entry in plan.cockroach.joinList where entry.contains(".\(region.namespace).svc.") {
                let host = String(entry.split(separator: ":")[0])
                #expect(hosts[region.key]?.contains { covers($0, host) } == true, "\(host)")
            }
        }
    }

    @Test func noCertificateOrKeyTextAnywhere() {
        for artifact in artifacts {
            for marker in ["-----BEGIN", "PRIVATE KEY", "CERTIFICATE-----"] {
                #expect(!artifact.contents.contains(marker), "\(artifact.path) contains \(marker)")
            }
        }
    }
}
