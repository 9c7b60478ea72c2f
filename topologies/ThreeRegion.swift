import RegionMesh

/// The seed deployment: three Azure regions, three k3s servers each, Cilium ClusterMesh, and
/// CockroachDB across all three. Change `AdminAccess` to the address range you connect from.
public let threeRegion = Topology(
    "crdb-three-region",
    summary: "CockroachDB across eastus, westus and northeurope on k3s with Cilium ClusterMesh"
) {
    Azure(resourceGroup: "crdb-cilium-multi-region", location: .eastus)
    Defaults {
        VirtualMachines(size: "Standard_D4s_v5", image: .ubuntu2404, adminUser: "ubuntu")
        K3s(version: "v1.35.4+k3s1")
        Cilium(version: "1.19.5")
        CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 2, memory: "8Gi")
        AdminAccess(from: "203.0.113.0/24")
    }
    Region("eastus", location: .eastus, clusterID: 1) {
        Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
        Pods("10.10.0.0/16")
        Services("10.101.0.0/16")
        Nodes(3)
    }
    Region("westus", location: .westus, clusterID: 2) {
        Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
        Pods("10.11.0.0/16")
        Services("10.102.0.0/16")
        Nodes(3)
    }
    Region("northeurope", location: .northeurope, clusterID: 3) {
        Network(vnet: "10.3.0.0/16", subnet: "10.3.1.0/24")
        Pods("10.12.0.0/16")
        Services("10.103.0.0/16")
        Nodes(3)
    }
}
