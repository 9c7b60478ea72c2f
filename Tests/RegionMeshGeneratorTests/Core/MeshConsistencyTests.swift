import RegionMesh
import RegionMeshTestSupport
import Testing
import Yams

@testable import RegionMeshGenerator

/// Cross-artifact checks on the seed topology: what `k3s/install.sh` gives k3s and what the Cilium
/// values files give Cilium must describe the same clusters, pod ranges and mesh. The k3sup
/// invocations are read from the script's model; the values from the written YAML.
@Suite struct MeshConsistencyTests {
    let plan: Plan
    let script: Script
    /// The parsed values file of each cluster, by cluster name.
    let values: [String: Node]

    init() throws {
        plan = try examplePlan("crdb-three-region")
        script = K3sInstallScript(plan: plan, k3s: plan.k3s, nodeAccess: AzureGenerator(plan: plan, azure: plan.azure)).script
        let artifacts = try Generator.artifacts(for: plan)
        var values: [String: Node] = [:]
        for region in plan.regions {
            let file = try #require(artifacts.first { $0.path == "clusters/\(region.cluster.name)/cilium-values.yaml" })
            values[region.cluster.name] = try #require(try Yams.compose(yaml: file.contents))
        }
        self.values = values
    }

    /// The k3sup invocations of `cluster`'s step.
    func servers(of cluster: ClusterPlan) -> [ShellCommand] {
        script.commands(ofStep: cluster.name).filter { $0.name.hasPrefix("k3sup ") }
    }

    /// The k3s flags of an invocation.
    func flags(_ command: ShellCommand) -> [String] {
        (command.value(of: "--k3s-extra-args") ?? "").split(separator: " ").map(String.init)
    }

    /// The value of a `--name=value` k3s flag.
    func flag(_ name: String, of command: ShellCommand) -> String? {
        flags(command).first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    @Test func nineServersThreeInstallsSixJoins() {
        let all = script.commands.filter { $0.name.hasPrefix("k3sup ") }
        #expect(all.count == 9)
        #expect(all.filter { $0.name == "k3sup install" }.count == 3)
        #expect(all.filter { $0.name == "k3sup join" && $0.has("--server") }.count == 6)
        for region in plan.regions {
            #expect(servers(of: region.cluster).map(\.name) == ["k3sup install", "k3sup join", "k3sup join"])
        }
    }

    @Test func criticalFlagsAreIdenticalWithinEachCluster() throws {
        for region in plan.regions {
            let servers = servers(of: region.cluster)
            let first = try #require(servers.first)
            // A server's flags are the cluster's, then its own (its address, region and zone).
            let k3s = plan.k3s[region]
            for (server, own) in zip(servers, k3s.nodeFlags) {
                #expect(flags(server) == k3s.clusterFlags + own)
            }
            let nodeFlags = { (flag: String) in flag.hasPrefix("--node-ip=") || flag.hasPrefix("--node-label=") }
            let clusterFlags = { (command: ShellCommand) in self.flags(command).filter { !nodeFlags($0) } }
            for server in servers { #expect(clusterFlags(server) == clusterFlags(first)) }
            #expect(clusterFlags(first) == k3s.clusterFlags)
            #expect(clusterFlags(first).contains("--flannel-backend=none"))
            #expect(clusterFlags(first).contains("--disable-network-policy"))
            #expect(clusterFlags(first).contains("--disable=servicelb"))
            #expect(flag("--service-cidr", of: first) == region.addresses.services.description)
            #expect(flag("--cluster-dns", of: first) == region.addresses.dnsServiceIP.description)
            #expect(flag("--cluster-domain", of: first) == plan.clusterDomain)
            #expect(servers.map { flag("--node-ip", of: $0) } == region.nodes.map(\.privateIP.description))
            #expect(flag("--default-local-storage-path", of: first) == "/var/lib/regionmesh/data/local-path")
        }
    }

    @Test func everyNodeIsLabelledWithItsRegionAndZoneAndTheDatabaseAgrees() throws {
        for region in plan.regions {
            let location = plan.azure[region].location.name
            let localities = plan.cockroach[region].nodeLocalities
            for (server, node) in zip(servers(of: region.cluster), region.nodes) {
                let labels = flags(server).filter { $0.hasPrefix("--node-label=") }
                let zone = plan.azure.zone(ofNode: node.index, inRegion: region.key)
                #expect(labels == ["--node-label=topology.kubernetes.io/region=\(location)"] + (zone.map { ["--node-label=topology.kubernetes.io/zone=\($0)"] } ?? []))
                // The database node on this Kubernetes node declares the same region and zone.
                if let zone {
                    #expect(localities.first { $0.node == node.name }?.locality == "region=\(location),zone=\(zone)")
                }
            }
            #expect(localities.isEmpty == (location == "westus"), "westus has no zones: its nodes share the region's locality")
        }
    }

    @Test func joinsRegisterAtTheFirstServersPrivateIP() throws {
        for region in plan.regions {
            let servers = servers(of: region.cluster)
            let serverIP = try #require(servers.first.flatMap { flag("--node-ip", of: $0) })
            for join in servers.dropFirst() {
                #expect(join.value(of: "--server-url") == "https://\(serverIP):6443")
            }
        }
    }

    @Test func k3sClusterCIDREqualsTheCiliumPodPool() throws {
        for region in plan.regions {
            let pool = values[region.cluster.name]?["ipam"]?["operator"]?["clusterPoolIPv4PodCIDRList"]?.sequence?.compactMap(\.string)
            for server in servers(of: region.cluster) {
                #expect(pool == [try #require(flag("--cluster-cidr", of: server))])
            }
            #expect(values[region.cluster.name]?["ipam"]?["operator"]?["clusterPoolIPv4MaskSize"]?.int == region.addresses.podsPerNodeMaskSize)
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
        let contexts = script.commands(named: "k3sup install").compactMap { $0.value(of: "--context") }
        #expect(contexts == names)
        #expect(values.values.allSatisfy { $0["routingMode"]?.string == "tunnel" && $0["tunnelProtocol"]?.string == "vxlan" })
    }
}
