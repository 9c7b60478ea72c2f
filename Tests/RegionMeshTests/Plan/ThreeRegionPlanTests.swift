import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

/// The resolved Plan of the seed topology `crdb-three-region`.
@Suite("Plan of crdb-three-region")
struct ThreeRegionPlanTests {
    private let keys = ["eastus", "westus", "northeurope"]

    private func plan() throws -> Plan {
        let topology = try exampleTopology("crdb-three-region")
        let compilation = Pipeline.compile(topology)
        // Its AdminAccess is a documentation range, which warns until a person puts their own in;
        // nothing else is found.
        #expect(compilation.diagnostics.map(\.rule) == [.unroutableSource], "\(compilation.diagnostics)")
        #expect(compilation.diagnostics.first?.message.hasPrefix("AdminAccess source 203.0.113.0/24 of regions 'eastus', 'westus', 'northeurope'") == true)
        return try #require(compilation.plan)
    }

    @Test("the topology, resource group and regions")
    func overview() throws {
        let plan = try plan()
        #expect(plan.name == "crdb-three-region")
        #expect(plan.sourceFile == "topologies/ThreeRegion.swift")
        #expect(plan.azure.resourceGroup == "crdb-cilium-multi-region")
        #expect(plan.azure.location == .eastus)
        #expect(plan.azure.ownerTag.assignment == "regionmesh-topology=crdb-three-region")
        #expect(plan.clusterDomain == "cluster.local")
        #expect(plan.regions.map(\.key) == keys)
        #expect(plan.azure.regions.map(\.location.name) == keys)
        #expect(plan.regions.map { plan.azure.placement(ofRegion: $0.key) } == keys)
        #expect(plan.regions.map(\.namespace) == keys)
        #expect(plan.regions.map(\.dnsZone) == keys.map { "\($0).svc.cluster.local" })
    }

    @Test("cluster names and IDs")
    func clusters() throws {
        let plan = try plan()
        #expect(plan.regions.map(\.cluster.name) == ["crdb-eastus", "crdb-westus", "crdb-northeurope"])
        #expect(plan.regions.map(\.cluster.id) == [1, 2, 3])
        #expect(plan.regions.map(\.cluster.context) == ["crdb-eastus", "crdb-westus", "crdb-northeurope"])
    }

    @Test("the address plan of every region")
    func addresses() throws {
        let plan = try plan()
        #expect(plan.regions.map(\.addresses.network.description) == ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"])
        #expect(plan.regions.map(\.addresses.subnet.description) == ["10.1.1.0/24", "10.2.1.0/24", "10.3.1.0/24"])
        #expect(plan.regions.map(\.addresses.pods.description) == ["10.10.0.0/16", "10.11.0.0/16", "10.12.0.0/16"])
        #expect(plan.regions.map(\.addresses.podsPerNodeMaskSize) == [24, 24, 24])
        #expect(plan.regions.map(\.addresses.services.description) == ["10.101.0.0/16", "10.102.0.0/16", "10.103.0.0/16"])
    }

    @Test("node IPs run from .4 of each subnet: 10.1.1.4 … 10.3.1.6")
    func nodeIPs() throws {
        let plan = try plan()
        let ips = plan.regions.flatMap { $0.nodes.map(\.privateIP.description) }
        #expect(ips == ["10.1.1.4", "10.1.1.5", "10.1.1.6", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.3.1.4", "10.3.1.5", "10.3.1.6"])
        #expect(plan.regions.allSatisfy { $0.nodes.map(\.index) == [1, 2, 3] })
        #expect(plan.regions.allSatisfy { region in region.nodes.allSatisfy { region.addresses.subnet.contains($0.privateIP) } })
    }

    @Test("the DNS service IP is .10 of each service range")
    func dnsIPs() throws {
        let plan = try plan()
        #expect(plan.regions.map(\.addresses.dnsServiceIP.description) == ["10.101.0.10", "10.102.0.10", "10.103.0.10"])
    }

    @Test("Azure resource names")
    func azureNames() throws {
        let plan = try plan()
        let east = plan.azure.regions[0]
        #expect(east.vnetName == "crdb-eastus-vnet")
        #expect(east.subnetName == "crdb-eastus-subnet")
        #expect(east.nsgName == "crdb-eastus-nsg")
        #expect(plan.regions[0].nodes.map(\.name) == ["crdb-eastus-node1", "crdb-eastus-node2", "crdb-eastus-node3"])
        #expect(east.nodes.map(\.vmName) == plan.regions[0].nodes.map(\.name))
        #expect(east.nodes.first?.nicName == "crdb-eastus-node1-nic")
        #expect(east.nodes.first?.publicIPName == "crdb-eastus-node1-ip")
        let north = plan.azure.regions[2]
        #expect(north.nodes.last?.vmName == "crdb-northeurope-node3")
        #expect(north.nodes.last?.nicName == "crdb-northeurope-node3-nic")
        #expect(north.nodes.last?.publicIPName == "crdb-northeurope-node3-ip")
        #expect(plan.azure.regions.map(\.vnetName) == ["crdb-eastus-vnet", "crdb-westus-vnet", "crdb-northeurope-vnet"])
    }

    @Test("six peerings, both directions of every pair, with names")
    func peerings() throws {
        let plan = try plan()
        let peerings = plan.azure.peerings
        #expect(peerings.count == 6)
        #expect(
            peerings.map(\.name) == [
                "crdb-eastus-to-westus", "crdb-eastus-to-northeurope", "crdb-westus-to-eastus", "crdb-westus-to-northeurope",
                "crdb-northeurope-to-eastus", "crdb-northeurope-to-westus",
            ])
        var directions: Set<[String]> = []
        for peering in peerings {
            #expect(peering.fromRegion != peering.toRegion)
            #expect(peering.fromVNet == "crdb-\(peering.fromRegion)-vnet")
            #expect(peering.toVNet == "crdb-\(peering.toRegion)-vnet")
            #expect(peering.name == "crdb-\(peering.fromRegion)-to-\(peering.toRegion)")
            directions.insert([peering.fromRegion, peering.toRegion])
        }
        let expected = Set(keys.flatMap { from in keys.filter { $0 != from }.map { [from, $0] } })
        #expect(directions == expected)
    }

    @Test("the join list has the first two pods of every region")
    func joinList() throws {
        let plan = try plan()
        let cockroach = plan.cockroach
        let join = cockroach.joinList
        #expect(join.count == 6)
        #expect(join.first == "cockroachdb-0.cockroachdb.eastus.svc.cluster.local:26257")
        #expect(join.last == "cockroachdb-1.cockroachdb.northeurope.svc.cluster.local:26257")
        let expected = keys.flatMap { key in (0..<2).map { "cockroachdb-\($0).cockroachdb.\(key).svc.cluster.local:26257" } }
        #expect(join == expected)
        for region in plan.regions {
            #expect(cockroach[region].podHosts.prefix(2).map { "\($0):\(cockroach.port)" } == join.filter { $0.contains(".\(region.namespace).svc.") })
        }
        #expect(cockroach.port == 26257)
        #expect(cockroach.httpPort == 8080)
        #expect(cockroach.initRegion == "eastus")
    }

    @Test("every region declares the same locality tiers in the same order")
    func localityTiers() throws {
        let plan = try plan()
        let cockroach = plan.cockroach
        #expect(cockroach.localityTiers == ["region", "zone"])
        for region in plan.regions {
            let tiers = cockroach[region].locality.split(separator: ",").map { $0.split(separator: "=").first.map(String.init) ?? "" }
            #expect(tiers == cockroach.localityTiers, "\(region.key): \(cockroach[region].locality)")
        }
        #expect(plan.regions.map { cockroach[$0].locality } == ["region=eastus,zone=eastus", "region=westus,zone=westus", "region=northeurope,zone=northeurope"])
    }

    @Test("CockroachDB, k3s, Cilium and VM settings from Defaults reach every region")
    func settings() throws {
        let plan = try plan()
        let k3s = try #require(SemanticVersion("v1.35.4+k3s1"))
        for region in plan.regions {
            let cockroach = plan.cockroach[region]
            #expect(cockroach.image == "cockroachdb/cockroach:v26.2.1")
            #expect(cockroach.replicas == 3)
            #expect(cockroach.storage.text == "100Gi")
            #expect(cockroach.memory.text == "8Gi")
            #expect(cockroach.cpu == 2)
            #expect(plan.k3s[region].release == .version(k3s))
            #expect(plan.cilium[region].version.text == "1.19.5")
            #expect(plan.cilium[region].peersForm == .map)
            #expect(plan.azure[region].virtualMachine.size == "Standard_D4s_v5")
            #expect(plan.azure[region].virtualMachine.adminUser == "ubuntu")
            #expect(region.nodePort(.clusterMesh) == 32379)
            #expect(region.nodePort(.dns) == 30053)
            #expect(plan.azure[region].securityRules.allSatisfy { $0.sources.map(\.description) == ["203.0.113.0/24"] })
        }
    }

    @Test("every cluster forwards the zones of the other regions to their nodes' DNS NodePort")
    func dnsForwarders() throws {
        let plan = try plan()
        let east = plan.regions[0]
        #expect(east.dnsForwarders.map(\.region) == ["westus", "northeurope"])
        #expect(east.dnsForwarders.map(\.zone) == ["westus.svc.cluster.local", "northeurope.svc.cluster.local"])
        #expect(east.dnsForwarders[0].upstreams == ["10.2.1.4:30053", "10.2.1.5:30053", "10.2.1.6:30053"])
    }

    @Test("the remote regions of a region are the others, in declaration order")
    func remoteRegions() throws {
        let plan = try plan()
        #expect(plan.remoteRegions(of: plan.regions[1]).map(\.key) == ["eastus", "northeurope"])
    }

    @Test("resource inventory: 1 RG, 3 VNets, 3 subnets, 6 peerings, 3 NSGs, 9 rules, 9 public IPs, 9 NICs, 9 VMs, 9 data disks")
    func inventory() throws {
        let inventory = ResourceInventory(try plan().azure)
        #expect(inventory.rows.map(\.0) == [
            "resource group", "virtual networks", "subnets", "VNet peerings", "network security groups", "NSG rules",
            "public IPs (Standard, static)", "network interfaces", "virtual machines", "managed data disks",
        ])
        #expect(inventory.rows.map(\.1) == [1, 3, 3, 6, 3, 9, 9, 9, 9, 9])
    }

    @Test("the Plan's JSON (plan.json) decodes back to the same Plan")
    func jsonRoundTrip() throws {
        let plan = try plan()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: json) == plan)
    }

    @Test("plan.json records each region once: the full mesh's forwarders, peerings and peers are derived on reading")
    func jsonLeavesOutTheMesh() throws {
        let plan = try plan()
        let text = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        for key in ["dnsForwarders", "peerings", "peers", "upstreams"] {
            #expect(!text.contains("\"\(key)\""), "plan.json has \(key)")
        }
        #expect(plan.regions.allSatisfy { $0.dnsForwarders.count == 2 })
        #expect(plan.azure.peerings.count == 6)
        #expect(plan.cilium.regions.allSatisfy { $0.peers.count == 2 })
    }

    @Test("a plan.json of an earlier version, which listed the mesh, reads as the same Plan: the lists are derived again, not trusted")
    func jsonOfAnEarlierVersion() throws {
        let plan = try plan()
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(plan)) as? [String: Any])
        let stale: [String: Any] = ["region": "gone", "zone": "gone.svc.cluster.local", "upstreams": ["10.9.9.9:30053"]]
        object["regions"] = (object["regions"] as? [[String: Any]] ?? []).map { region in
            region.merging(["dnsForwarders": [stale]]) { $1 }
        }
        var provider = try #require(object["provider"] as? [String: [String: Any]])
        provider["azure"]?["peerings"] = [["name": "gone", "fromRegion": "a", "fromVNet": "a", "toRegion": "b", "toVNet": "b"]]
        object["provider"] = provider
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(Plan.self, from: old) == plan)
    }
}
