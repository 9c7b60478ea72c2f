import RegionMesh

/// Seed 004's design with CockroachDB: three Azure regions on three continents, one global name
/// for SQL clients (Traffic Manager, performance routing, over a load balancer per region), and a
/// Premium container registry replicated to every region's location that the nodes pull through.
/// Both names are global across Azure: pick your own before you run the scripts, and change
/// `AdminAccess` and `ClientAccess` to the ranges you and your clients connect from.
public let globalEndpoint = Topology(
    "crdb-global-endpoint",
    summary: "CockroachDB across westus2, uksouth and southeastasia behind one Traffic Manager name, images from a geo-replicated registry"
) {
    Azure(resourceGroup: "crdb-global-endpoint", location: .westus2, namePrefix: "gep")
    GlobalEndpoint(trafficManager: "regionmesh-crdb-global", routing: .performance, serves: [.sql, .console])
    ImageRegistry(acr: "regionmeshcrdbglobal")
    Defaults {
        VirtualMachines(size: "Standard_D4s_v5", image: .ubuntu2404, adminUser: "ubuntu")
        K3s(version: "v1.35.4+k3s1")
        Cilium(version: "1.19.5")
        CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 2, memory: "8Gi")
        AdminAccess(from: "203.0.113.0/24")
        ClientAccess(from: "198.51.100.0/24")
    }
    Region("westus2", location: .westus2, clusterID: 1) {
        Network(vnet: "10.41.0.0/16", subnet: "10.41.1.0/24")
        Pods("10.141.0.0/16")
        Services("10.241.0.0/16")
        Nodes(3)
    }
    Region("uksouth", location: .uksouth, clusterID: 2) {
        Network(vnet: "10.42.0.0/16", subnet: "10.42.1.0/24")
        Pods("10.142.0.0/16")
        Services("10.242.0.0/16")
        Nodes(3)
    }
    Region("southeastasia", location: .southeastasia, clusterID: 3) {
        Network(vnet: "10.43.0.0/16", subnet: "10.43.1.0/24")
        Pods("10.143.0.0/16")
        Services("10.243.0.0/16")
        Nodes(3)
    }
}
