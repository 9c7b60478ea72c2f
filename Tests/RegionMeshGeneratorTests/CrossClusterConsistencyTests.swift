import RegionMesh
import Testing

@testable import RegionMeshGenerator

/// Cross-artifact checks on the seed topology: the DNS forwarders, the join lists, the localities,
/// the certificate hosts and the kustomizations agree with each other and with the Plan.
@Suite struct CrossClusterConsistencyTests {
    let plan = Fixtures.threeRegionPlan
    let artifacts: [Artifact]

    init() throws { artifacts = try Generator.artifacts(for: Fixtures.threeRegionPlan) }

    private func document(_ region: RegionPlan, _ path: String) throws -> [String: Any] {
        try ManifestParsing.document(try ManifestParsing.artifact("clusters/\(region.cluster.name)/\(path)", in: artifacts))
    }

    /// Parsed `forward` blocks of a Corefile text: zone → upstreams.
    private func forwards(in corefile: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var zone: String?
        for line in corefile.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasSuffix("{") { zone = String(line.dropLast()).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("forward . "), let zone { result[zone] = line.dropFirst("forward . ".count).split(separator: " ").map(String.init) }
        }
        return result
    }

    @Test func eachClusterForwardsExactlyTheOtherRegionsToTheirNodes() throws {
        for region in plan.regions {
            let configMap = try document(region, "dns/configmap-coredns-custom.yaml")
            let data = try #require(configMap["data"] as? [String: String])
            let remotes = plan.regions.filter { $0.key != region.key }
            #expect(Set(data.keys) == Set(remotes.map { "\($0.key).server" }))
            var forwarded: [String: [String]] = [:]
            for (key, corefile) in data {
                #expect(key.hasSuffix(".server"))
                #expect(corefile.contains("    errors\n") && corefile.contains("    cache 30\n"))
                #expect(!corefile.contains("force_tcp"))
                forwarded.merge(forwards(in: corefile)) { first, _ in first }
            }
            let expected = Dictionary(uniqueKeysWithValues: remotes.map { remote in
                ("\(remote.dnsZone):53", remote.nodes.map { "\($0.privateIP):\(remote.nodePorts.dns)" })
            })
            #expect(forwarded == expected, "cluster \(region.cluster.name)")
            #expect(forwarded.keys.allSatisfy { !$0.hasPrefix("\(region.dnsZone)") })
            // The Corefile is a literal block, not an escaped one-liner.
            let text = try ManifestParsing.artifact("clusters/\(region.cluster.name)/dns/configmap-coredns-custom.yaml", in: artifacts).contents
            #expect(text.contains(".server: |\n"))
        }
    }

    @Test func everyClusterExposesItsDNSOnTheNodePortOthersForwardTo() throws {
        for region in plan.regions {
            let service = try document(region, "dns/service-kube-dns-nodeport.yaml")
            #expect(ManifestParsing.value(service, "spec", "type") as? String == "NodePort")
            #expect(ManifestParsing.value(service, "spec", "selector") as? [String: String] == ["k8s-app": "kube-dns"])
            let ports = try #require(ManifestParsing.value(service, "spec", "ports") as? [[String: Any]])
            #expect(ports.map { $0["protocol"] as? String } == ["UDP", "TCP"])
            #expect(ports.allSatisfy { $0["nodePort"] as? Int == region.nodePorts.dns && $0["port"] as? Int == 53 && $0["targetPort"] as? Int == 53 })
        }
    }

    @Test func everyJoinListCoversEveryPodOfEveryRegion() throws {
        let allPods = plan.regions.flatMap { region in region.cockroach.podHosts.map { "\($0):\(plan.cockroach.port)" } }
        #expect(allPods.count == 9)
        for region in plan.regions {
            let script = try ManifestParsing.startScript(try document(region, "cockroachdb/statefulset-cockroachdb.yaml"))
            let join = try #require(ManifestParsing.option("join", in: script)).split(separator: ",").map(String.init)
            #expect(join.count == 9)
            #expect(Set(join) == Set(allPods))
        }
    }

    @Test func localitiesHaveTheSameTiersInTheSameOrder() throws {
        var tiers: [[String]] = []
        for region in plan.regions {
            let script = try ManifestParsing.startScript(try document(region, "cockroachdb/statefulset-cockroachdb.yaml"))
            let locality = try #require(ManifestParsing.option("locality", in: script))
            tiers.append(locality.split(separator: ",").map { String($0.split(separator: "=")[0]) })
            #expect(locality.contains("region=\(region.location)"))
        }
        #expect(tiers.allSatisfy { $0 == plan.cockroach.localityTiers })
    }

    /// The SANs of each region's `cockroach cert create-node` in certs.sh, by region key.
    private func certificateHosts() throws -> [String: [String]] {
        let script = try ManifestParsing.artifact("cockroachdb/certs.sh", in: artifacts).contents
        let lines = script.split(separator: "\n").map(String.init)
        var result: [String: [String]] = [:]
        for (index, line) in lines.enumerated() where line.contains("cockroach cert create-node ") {
            let words = line.components(separatedBy: "create-node ")[1].split(separator: " ")
                .prefix { $0 != "\\" && !$0.hasPrefix("--") }
                .map { $0.replacingOccurrences(of: "'", with: "") }
            // The next line is `--certs-dir "$NODES_DIR/<region>" \`.
            let folder = try #require(lines[index + 1].components(separatedBy: "$NODES_DIR/").last?.prefix { $0 != "\"" })
            result[String(folder)] = words
        }
        return result
    }

    @Test func nodeCertificatesCoverTheJoinListAndTheClientNames() throws {
        let hosts = try certificateHosts()
        #expect(Set(hosts.keys) == Set(plan.regions.map(\.key)))
        for region in plan.regions {
            let sans = try #require(hosts[region.key])
            #expect(sans == region.cockroach.certificateHosts)
            for pod in region.cockroach.podHosts {
                #expect(sans.contains { ManifestParsing.covers($0, pod) }, "\(pod) is not covered by \(sans)")
            }
            let service = plan.cockroach.names.publicService
            for client in ["localhost", "127.0.0.1", service, "\(service).\(region.namespace)", "\(service).\(region.dnsZone)"] {
                #expect(sans.contains(client), "\(client) missing in the node certificate of \(region.key)")
            }
        }
        // Every host of the join list is covered by the certificate of the region it belongs to, and so by some certificate.
        for entry in plan.cockroach.joinList {
            let host = String(entry.split(separator: ":")[0])
            #expect(hosts.values.contains { $0.contains { ManifestParsing.covers($0, host) } })
        }
    }

    @Test func manifestsLiveInTheRegionNamespaceAndBudgetsArePolicyV1() throws {
        for region in plan.regions {
            for artifact in artifacts where artifact.path.hasPrefix("clusters/\(region.cluster.name)/cockroachdb/") {
                let object = try ManifestParsing.document(artifact)
                let kind = object["kind"] as? String
                if kind == "Namespace" {
                    #expect(ManifestParsing.value(object, "metadata", "name") as? String == region.namespace)
                } else {
                    #expect(ManifestParsing.value(object, "metadata", "namespace") as? String == region.namespace, "\(artifact.path)")
                }
                if kind == "PodDisruptionBudget" { #expect(object["apiVersion"] as? String == "policy/v1") }
                if kind == "RoleBinding" {
                    #expect(ManifestParsing.value(object, "subjects", "0", "namespace") as? String == region.namespace)
                }
            }
        }
    }

    @Test func everyObjectCarriesTheRecommendedLabelsAndKeyOrder() throws {
        for region in plan.regions {
            for artifact in artifacts where artifact.path.hasPrefix("clusters/\(region.cluster.name)/") && artifact.path.hasSuffix(".yaml") {
                if artifact.path == ArtifactPaths.ciliumValues(region.cluster) { continue }  // Helm values, not an object
                let object = try ManifestParsing.document(artifact)
                if object["kind"] as? String == "Kustomization" { continue }
                let labels = try #require(ManifestParsing.value(object, "metadata", "labels") as? [String: String], "\(artifact.path)")
                #expect(labels["app.kubernetes.io/part-of"] == plan.name)
                #expect(labels["app.kubernetes.io/managed-by"] == "regionmesh")
                #expect(labels["regionmesh.dev/region"] == region.key)
                #expect(labels["regionmesh.dev/cluster"] == region.cluster.name)
                for key in ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component"] {
                    #expect(labels[key] != nil, "\(key) missing in \(artifact.path)")
                }
                let body = artifact.contents.split(separator: "\n").filter { !$0.hasPrefix("#") }
                #expect(Array(body.prefix(3)).map { String($0.split(separator: ":")[0]) } == ["apiVersion", "kind", "metadata"], "\(artifact.path)")
            }
        }
    }

    @Test func kustomizationListsExactlyTheObjectsOfItsFolder() throws {
        for region in plan.regions {
            let folder = "clusters/\(region.cluster.name)/"
            let kustomization = try document(region, "kustomization.yaml")
            #expect(kustomization["apiVersion"] as? String == "kustomize.config.k8s.io/v1beta1")
            #expect(kustomization["kind"] as? String == "Kustomization")
            let listed = try #require(kustomization["resources"] as? [String])
            let files = artifacts.map(\.path).filter { $0.hasPrefix(folder) && $0.hasSuffix(".yaml") }
                .map { String($0.dropFirst(folder.count)) }
                .filter { $0 != "kustomization.yaml" && $0 != "cilium-values.yaml" }
            #expect(listed.count == Set(listed).count)
            #expect(Set(listed) == Set(files))
            #expect(!listed.contains("cilium-values.yaml"))
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
