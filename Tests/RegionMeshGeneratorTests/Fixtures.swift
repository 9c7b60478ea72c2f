import RegionMesh
import Testing
import Topologies

@testable import RegionMeshGenerator

/// Plans shared by the emitter tests.
enum Fixtures {
    /// A small two-region plan with two nodes per region: small enough to spell out exact text.
    static let twoRegionTopology = Topology("fixture-two-region", summary: "Two regions for snippet tests") {
        Azure(resourceGroup: "rg-fixture", location: .eastus)
        Defaults {
            VirtualMachines(size: "Standard_D2s_v5", image: .ubuntu2404, adminUser: "ops")
            K3s(version: "v1.33.5+k3s1")
            Cilium(version: "1.19.5")
            CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi")
            AdminAccess(from: "192.0.2.0/24")
            Nodes(2)
        }
        Region("east", location: .eastus, clusterID: 1) {
            Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
            Pods("10.10.0.0/16")
            Services("10.101.0.0/16")
        }
        Region("west", location: .westus, clusterID: 2) {
            Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
            Pods("10.11.0.0/16")
            Services("10.102.0.0/16")
        }
    }

    /// The Plan of ``twoRegionTopology``.
    static var twoRegionPlan: Plan { plan(twoRegionTopology) }

    /// The Plan of the seed topology `crdb-three-region`.
    static var threeRegionPlan: Plan { plan(TopologyRegistry.named("crdb-three-region")!) }

    /// Compiles a topology that must be free of errors.
    static func plan(_ topology: Topology) -> Plan {
        let compilation = Planner.compile(topology)
        guard let plan = compilation.plan else {
            Issue.record("fixture \(topology.name) does not compile: \(compilation.diagnostics)")
            fatalError("fixture does not compile")
        }
        return plan
    }

    /// The artifact at `path` among `artifacts`.
    static func artifact(_ path: String, in artifacts: [Artifact]) -> Artifact? {
        artifacts.first { $0.path == path }
    }
}
