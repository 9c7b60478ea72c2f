import RegionMesh
import Testing
import Topologies

@testable import RegionMeshGenerator

/// Plans shared by the emitter tests.
enum Fixtures {
    /// A small plan with two nodes per region (regions `east` and `west`, or only `east`): small
    /// enough to spell out exact text. Tests vary the k3s release or the Cilium chart.
    static func smallTopology(
        _ name: String = "fixture-two-region", k3s: K3s = K3s(version: "v1.33.5+k3s1"), cilium: String = "1.19.5", regions: Int = 2,
        nodes: Int = 2
    ) -> Topology {
        Topology(name, summary: "Two regions for snippet tests") {
            Azure(resourceGroup: "rg-fixture", location: .eastus)
            Defaults {
                VirtualMachines(size: "Standard_D2s_v5", image: .ubuntu2404, adminUser: "ops")
                k3s
                Cilium(version: cilium)
                CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi")
                AdminAccess(from: "192.0.2.0/24")
                Nodes(nodes)
            }
            Region("east", location: .eastus, clusterID: 1) {
                Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
                Pods("10.10.0.0/16")
                Services("10.101.0.0/16")
            }
            if regions > 1 {
                Region("west", location: .westus, clusterID: 2) {
                    Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
                    Pods("10.11.0.0/16")
                    Services("10.102.0.0/16")
                }
            }
        }
    }

    /// The standard small topology: two regions, pinned k3s, Cilium 1.19.
    static let twoRegionTopology = smallTopology()

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
