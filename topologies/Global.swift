import RegionMesh

/// Six regions on five continents, declared in a loop: the address plan is computed from each
/// region's position, so adding a region is one line in `globalRegions`.
public let global = Topology(
    "crdb-global",
    summary: "CockroachDB across six regions on five continents, the address plan computed in a loop"
) {
    Azure(resourceGroup: "crdb-global", location: .westeurope)
    Defaults {
        VirtualMachines(size: "Standard_D8s_v5", image: .ubuntu2404, adminUser: "crdb")
        K3s(version: "v1.35.4+k3s1")
        Cilium(version: "1.19.5")
        CockroachDB(version: "v26.2.1", storage: "256Gi", cpu: 4, memory: "16Gi", storageClass: "local-path")
        AdminAccess(from: "198.51.100.0/24", "203.0.113.0/24")
    }
    for (index, location) in globalRegions.enumerated() {
        globalRegion(location, number: index + 1)
    }
}

/// The regions of ``global``, in cluster-ID order.
let globalRegions: [AzureLocation] = [.eastus2, .westus3, .brazilsouth, .westeurope, .southeastasia, .australiaeast]

/// Region N gets VNet 10.(20+N).0.0/16, pods 10.(40+N).0.0/16 and services 10.(60+N).0.0/16.
func globalRegion(_ location: AzureLocation, number: Int) -> Region {
    Region(location.name, location: location, clusterID: number) {
        Network(vnet: "10.\(20 + number).0.0/16", subnet: "10.\(20 + number).0.0/24")
        Pods("10.\(40 + number).0.0/16")
        Services("10.\(60 + number).0.0/16")
        Nodes(3)
    }
}
