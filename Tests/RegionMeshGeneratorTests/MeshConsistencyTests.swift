import RegionMesh
import Testing
import Yams

@testable import RegionMeshGenerator

/// Cross-artifact checks on the seed topology: what `k3s/install.sh` gives k3s and what the Cilium
/// values give Cilium must describe the same clusters, pod ranges and mesh, read back from the files.
@Suite struct MeshConsistencyTests {
    let plan = Fixtures.threeRegionPlan
    let artifacts: [Artifact]
    let invocations: [K3supInvocation]
    /// The parsed values file of each cluster, by cluster name.
    let values: [String: Node]

    init() throws {
        artifacts = try Generator.artifacts(for: plan)
        let script = try #require(Fixtures.artifact("k3s/install.sh", in: artifacts))
        invocations = K3supInvocation.all(in: script.contents)
        var values: [String: Node] = [:]
        for region in plan.regions {
            let file = try #require(Fixtures.artifact("clusters/\(region.cluster.name)/cilium-values.yaml", in: artifacts))
            let root: Node = try #require(try Yams.compose(yaml: file.contents))
            values[region.cluster.name] = root
        }
        self.values = values
    }

    /// The k3sup invocations of `cluster`'s function.
    func invocations(of cluster: ClusterPlan) -> [K3supInvocation] {
        invocations.filter { $0.function == "install_cluster_" + cluster.name.replacingOccurrences(of: "-", with: "_") }
    }

    @Test func nineServersThreeInstallsSixJoins() {
        #expect(invocations.count == 9)
        #expect(invocations.filter { $0.subcommand == "install" }.count == 3)
        #expect(invocations.filter { $0.subcommand == "join" && $0.words.contains("--server") }.count == 6)
        for region in plan.regions {
            #expect(invocations(of: region.cluster).map(\.subcommand) == ["install", "join", "join"])
        }
    }

    @Test func criticalFlagsAreIdenticalWithinEachCluster() throws {
        for region in plan.regions {
            let servers = invocations(of: region.cluster)
            let first = try #require(servers.first)
            for server in servers { #expect(server.clusterFlags == first.clusterFlags) }
            #expect(first.clusterFlags.contains("--flannel-backend=none"))
            #expect(first.clusterFlags.contains("--disable-network-policy"))
            #expect(first.clusterFlags.contains("--disable=servicelb"))
            #expect(first.k3sFlag("--service-cidr") == region.services.cidr.description)
            #expect(first.k3sFlag("--cluster-dns") == region.services.dnsIP.description)
            #expect(first.k3sFlag("--cluster-domain") == plan.clusterDomain)
            #expect(servers.map { $0.k3sFlag("--node-ip") } == region.nodes.map(\.privateIP.description))
        }
    }

    @Test func joinsRegisterAtTheFirstServersPrivateIP() throws {
        for region in plan.regions {
            let servers = invocations(of: region.cluster)
            let serverIP = try #require(servers.first?.k3sFlag("--node-ip"))
            for join in servers.dropFirst() {
                #expect(ShellParsing.value(of: "--server-url", in: join.words) == "https://\(serverIP):6443")
            }
        }
    }

    @Test func k3sClusterCIDREqualsTheCiliumPodPool() throws {
        for region in plan.regions {
            let pool = values[region.cluster.name]?["ipam"]?["operator"]?["clusterPoolIPv4PodCIDRList"]?.sequence?.compactMap(\.string)
            for server in invocations(of: region.cluster) {
                #expect(pool == [try #require(server.k3sFlag("--cluster-cidr"))])
            }
            #expect(values[region.cluster.name]?["ipam"]?["operator"]?["clusterPoolIPv4MaskSize"]?.int == region.pods.perNodeMaskSize)
        }
    }

    @Test func meshPeersAreExactlyTheOtherClusters() throws {
        for region in plan.regions {
            let root = try #require(values[region.cluster.name])
            #expect(root["clustermesh"]?["useAPIServer"]?.bool == true)
            #expect(root["clustermesh"]?["apiserver"]?["service"]?["type"]?.string == "NodePort")
            #expect(root["clustermesh"]?["apiserver"]?["service"]?["nodePort"]?.int == 32379)
            #expect(root["clustermesh"]?["config"]?["enabled"]?.bool == true)
            let peers = try #require(root["clustermesh"]?["config"]?["clusters"]?.mapping)
            let others = plan.regions.filter { $0.key != region.key }
            #expect(peers.compactMap { $0.key.string } == others.map(\.cluster.name))
            for other in others {
                let peer = try #require(peers[other.cluster.name])
                #expect(peer["ips"]?.sequence?.compactMap(\.string) == other.nodes.map(\.privateIP.description))
                #expect(peer["port"]?.int == 32379)
            }
        }
    }

    @Test func clusterIdentitiesAreUniqueAndMatchTheKubeconfigContexts() throws {
        let names = plan.regions.compactMap { values[$0.cluster.name]?["cluster"]?["name"]?.string }
        let ids = plan.regions.compactMap { values[$0.cluster.name]?["cluster"]?["id"]?.int }
        #expect(ids == [1, 2, 3])
        #expect(Set(names).count == 3)
        let contexts = invocations.filter { $0.subcommand == "install" }.compactMap { ShellParsing.value(of: "--context", in: $0.words) }
        #expect(contexts == names)
        #expect(values.values.allSatisfy { $0["routingMode"]?.string == "tunnel" && $0["tunnelProtocol"]?.string == "vxlan" })
    }

    @Test func noSecretIsWrittenToOut() throws {
        for plan in [plan, Fixtures.twoRegionPlan] {
            for artifact in try Generator.artifacts(for: plan) {
                #expect(!artifact.contents.contains("BEGIN"), "\(artifact.path) contains PEM text")
                #expect(!artifact.contents.contains("PRIVATE KEY"), "\(artifact.path) contains key text")
            }
        }
    }
}
