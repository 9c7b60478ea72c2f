import RegionMesh

/// Regions numbered 1...2047 with an address plan that never overlaps, for topologies too large
/// for ``Fixture``'s hand-written numbering.
///
/// Region `i`: VNet = block `i` of the /20s of 10.0.0.0/9, subnet = that VNet's first /24,
/// pods = block `i` of the /22s of 10.128.0.0/10, services = block `i` of the /24s of 10.192.0.0/10.
enum GeneratedRegions {
    static func addressPlan(_ i: Int) -> (vnet: String, subnet: String, pods: String, services: String) {
        precondition((1...2047).contains(i), "generated regions are numbered 1...2047")
        let index = UInt32(i)
        let vnet = 0x0A00_0000 + index << 12
        let pods = 0x0A80_0000 + index << 10
        let services = 0x0AC0_0000 + index << 8
        return ("\(dotted(vnet))/20", "\(dotted(vnet))/24", "\(dotted(pods))/22", "\(dotted(services))/24")
    }

    /// Region `i` with key `g<i>` and cluster ID `i` unless given. Its location is the caller's.
    static func region(
        _ i: Int, clusterID: Int? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
        @RegionBuilder _ content: () -> [RegionElement] = { [] }
    ) -> Region {
        let plan = addressPlan(i)
        let extra = content()
        let replaced = Set(extra.map(Fixture.kind))
        let standard: [RegionElement] = [
            .network(Network(vnet: plan.vnet, subnet: plan.subnet)),
            .pods(Pods(plan.pods)),
            .services(Services(plan.services)),
        ]
        let elements = standard.filter { !replaced.contains(Fixture.kind($0)) } + extra
        let location = AzureLocation.allCases[i % AzureLocation.allCases.count]
        return Region("g\(i)", location: location, clusterID: clusterID ?? i, fileID: fileID, filePath: filePath, line: line) {
            elements
        }
    }
}
