import RegionMesh

/// A valid topology of `regions` regions with disjoint ranges: VNets are /20s of 10.0.0.0/8, pod
/// ranges /22s of 100.64.0.0/10, service ranges /24s of 172.16.0.0/12.
enum SyntheticTopology {
    static func make(regions: Int) -> Topology {
        let vnets = try! IPv4Network.parse("10.0.0.0/8").subnets(prefixLength: 20)
        let pods = try! IPv4Network.parse("100.64.0.0/10").subnets(prefixLength: 22)
        let services = try! IPv4Network.parse("172.16.0.0/12").subnets(prefixLength: 24)
        let locations = AzureLocation.allCases
        return Topology("synthetic-\(regions)") {
            Azure(resourceGroup: "rg-synthetic", location: .eastus)
            Defaults { AdminAccess(from: "192.0.2.0/24") }
            for index in 0..<regions {
                Region(String(format: "r%03d", index + 1), location: locations[index % locations.count], clusterID: index + 1) {
                    Network(vnet: "\(vnets[index])", subnet: "\(vnets[index].subnets(prefixLength: 24)[0])")
                    Pods("\(pods[index])")
                    Services("\(services[index])")
                }
            }
        }
    }
}
