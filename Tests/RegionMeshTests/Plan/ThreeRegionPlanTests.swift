import Foundation
import RegionMesh
import Testing

/// The resolved Plan of the seed topology `crdb-three-region`.
@Suite("Plan of crdb-three-region")
struct ThreeRegionPlanTests {
    private let keys = ["eastus", "westus", "northeurope"]

    private func plan() throws -> Plan {
        let topology = try exampleTopology("crdb-three-region")
        let compilation = Planner.compile(topology)
        #expect(compilation.diagnostics == [], "the seed topology is clean: \(compilation.diagnostics)")
        return try #require(compilation.plan)
    }

    @Test("the topology, resource group and regions")
    func overview() throws {
        let plan = try plan()
        #expect(plan.name == "crdb-three-region")
        #expect(plan.sourceFile == "topologies/ThreeRegion.swift")
        #expect(plan.azure.resourceGroup == "crdb-cilium-multi-region")
        #expect(plan.azure.location == "eastus")
        #expect(plan.clusterDomain == "cluster.local")
        #expect(plan.regions.map(\.key) == keys)
        #expect(plan.regions.map(\.location) == keys)
        #expect(plan.regions.map(\.namespace) == keys)
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
        #expect(plan.regions.map(\.network.vnet.description) == ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"])
        #expect(plan.regions.map(\.network.subnet.description) == ["10.1.1.0/24", "10.2.1.0/24", "10.3.1.0/24"])
        #expect(plan.regions.map(\.pods.cidr.description) == ["10.10.0.0/16", "10.11.0.0/16", "10.12.0.0/16"])
        #expect(plan.regions.map(\.pods.perNodeMaskSize) == [24, 24, 24])
        #expect(plan.regions.map(\.services.cidr.description) == ["10.101.0.0/16", "10.102.0.0/16", "10.103.0.0/16"])
    }

    @Test("node IPs run from .4 of each subnet: 10.1.1.4 … 10.3.1.6")
    func nodeIPs() throws {
        let plan = try plan()
        let ips = plan.regions.flatMap { $0.nodes.map(\.privateIP.description) }
        #expect(ips == ["10.1.1.4", "10.1.1.5", "10.1.1.6", "10.2.1.4", "10.2.1.5", "10.2.1.6", "10.3.1.4", "10.3.1.5", "10.3.1.6"])
        #expect(plan.regions.allSatisfy { $0.nodes.map(\.index) == [1, 2, 3] })
        #expect(plan.regions.allSatisfy { region in region.nodes.allSatisfy { region.network.subnet.contains($0.privateIP) } })
    }

    @Test("the DNS service IP is .10 of each service range")
    func dnsIPs() throws {
        let plan = try plan()
        #expect(plan.regions.map(\.services.dnsIP.description) == ["10.101.0.10", "10.102.0.10", "10.103.0.10"])
    }

    @Test("Azure resource names")
    func azureNames() throws {
        let plan = try plan()
        let east = plan.regions[0]
        #expect(east.network.vnetName == "crdb-eastus-vnet")
        #expect(east.network.subnetName == "crdb-eastus-subnet")
        #expect(east.network.nsgName == "crdb-eastus-nsg")
        #expect(east.nodes.map(\.name) == ["crdb-eastus-node1", "crdb-eastus-node2", "crdb-eastus-node3"])
        #expect(east.nodes.first?.nicName == "crdb-eastus-node1-nic")
        #expect(east.nodes.first?.publicIPName == "crdb-eastus-node1-ip")
        #expect(plan.regions[2].nodes.last?.name == "crdb-northeurope-node3")
        #expect(plan.regions[2].nodes.last?.nicName == "crdb-northeurope-node3-nic")
        #expect(plan.regions[2].nodes.last?.publicIPName == "crdb-northeurope-node3-ip")
        #expect(plan.regions.map(\.network.vnetName) == ["crdb-eastus-vnet", "crdb-westus-vnet", "crdb-northeurope-vnet"])
    }

    @Test("six peerings, both directions of every pair, with names")
    func peerings() throws {
        let plan = try plan()
        #expect(plan.peerings.count == 6)
        #expect(
            plan.peerings.map(\.name) == [
                "crdb-eastus-to-westus", "crdb-eastus-to-northeurope", "crdb-westus-to-eastus", "crdb-westus-to-northeurope",
                "crdb-northeurope-to-eastus", "crdb-northeurope-to-westus",
            ])
        var directions: Set<[String]> = []
        for peering in plan.peerings {
            #expect(peering.fromRegion != peering.toRegion)
            #expect(peering.fromVNet == "crdb-\(peering.fromRegion)-vnet")
            #expect(peering.toVNet == "crdb-\(peering.toRegion)-vnet")
            #expect(peering.name == "crdb-\(peering.fromRegion)-to-\(peering.toRegion)")
            directions.insert([peering.fromRegion, peering.toRegion])
        }
        let expected = Set(keys.flatMap { from in keys.filter { $0 != from }.map { [from, $0] } })
        #expect(directions == expected)
    }

    @Test("the join list has the 9 pods of every region")
    func joinList() throws {
        let plan = try plan()
        let join = plan.cockroach.joinList
        #expect(join.count == 9)
        #expect(join.first == "cockroachdb-0.cockroachdb.eastus.svc.cluster.local:26257")
        #expect(join.last == "cockroachdb-2.cockroachdb.northeurope.svc.cluster.local:26257")
        let expected = keys.flatMap { key in (0..<3).map { "cockroachdb-\($0).cockroachdb.\(key).svc.cluster.local:26257" } }
        #expect(join == expected)
        for region in plan.regions {
            #expect(join.filter { $0.contains(".cockroachdb.\(region.namespace).svc.") }.count == region.cockroach.replicas)
            #expect(region.cockroach.podHosts.map { "\($0):\(plan.cockroach.port)" } == join.filter { $0.contains(".\(region.namespace).svc.") })
        }
        #expect(plan.cockroach.port == 26257)
        #expect(plan.cockroach.httpPort == 8080)
        #expect(plan.cockroach.initRegion == "eastus")
    }

    @Test("every region declares the same locality tiers in the same order")
    func localityTiers() throws {
        let plan = try plan()
        #expect(plan.cockroach.localityTiers == ["region", "zone"])
        for region in plan.regions {
            let tiers = region.cockroach.locality.split(separator: ",").map { $0.split(separator: "=").first.map(String.init) ?? "" }
            #expect(tiers == plan.cockroach.localityTiers, "\(region.key): \(region.cockroach.locality)")
        }
        #expect(plan.regions.map(\.cockroach.locality) == ["region=eastus,zone=eastus", "region=westus,zone=westus", "region=northeurope,zone=northeurope"])
    }

    @Test("CockroachDB, k3s, Cilium and VM settings from Defaults reach every region")
    func settings() throws {
        let plan = try plan()
        let k3s = try #require(SemanticVersion("v1.33.5+k3s1"))
        for region in plan.regions {
            #expect(region.cockroach.image == "cockroachdb/cockroach:v26.2.1")
            #expect(region.cockroach.replicas == 3)
            #expect(region.cockroach.storage.text == "100Gi")
            #expect(region.cockroach.memory.text == "8Gi")
            #expect(region.cockroach.cpu == 2)
            #expect(region.k3s == .version(k3s))
            #expect(region.k3s.kubernetesMinor == "1.33")
            #expect(region.cilium.version.text == "1.19.5")
            #expect(region.cilium.clusterMapForm)
            #expect(region.virtualMachine.size == "Standard_D4s_v5")
            #expect(region.virtualMachine.adminUser == "ubuntu")
            #expect(region.nodePorts.clusterMesh == 32379)
            #expect(region.nodePorts.dns == 30053)
            #expect(region.network.inboundRules.allSatisfy { $0.sources == ["203.0.113.0/24"] })
        }
    }

    @Test("the remote regions of a region are the others, in declaration order")
    func remoteRegions() throws {
        let plan = try plan()
        #expect(plan.remoteRegions(of: plan.regions[1]).map(\.key) == ["eastus", "northeurope"])
    }

    @Test("resource inventory: 1 RG, 3 VNets, 6 peerings, 3 NSGs, 9 rules, 9 public IPs, 9 NICs, 9 VMs")
    func inventory() throws {
        let inventory = ResourceInventory(try plan())
        #expect(inventory.resourceGroups == 1)
        #expect(inventory.virtualNetworks == 3)
        #expect(inventory.subnets == 3)
        #expect(inventory.peerings == 6)
        #expect(inventory.securityGroups == 3)
        #expect(inventory.securityRules == 9)
        #expect(inventory.publicIPs == 9)
        #expect(inventory.networkInterfaces == 9)
        #expect(inventory.virtualMachines == 9)
        #expect(inventory.rows.map(\.1) == [1, 3, 3, 6, 3, 9, 9, 9, 9])
    }

    @Test("compiling twice gives the same Plan, and its JSON round-trips")
    func deterministic() throws {
        let first = try plan()
        #expect(try plan() == first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(first)
        #expect(try JSONDecoder().decode(Plan.self, from: json) == first)
        #expect(try encoder.encode(try plan()) == json)
    }
}
