/// Node counts, CockroachDB replicas, fixed NodePorts, and the survival warnings.
enum CapacityRules {
    /// The Kubernetes NodePort range (k3s `--service-node-port-range` default).
    static let nodePortRange = 30000...32767

    static func check(_ input: RegionInput, diagnostics: inout [Diagnostic]) {
        let region = "region '\(input.key)'"
        let nodes = input.nodes.count
        if nodes < 1 {
            diagnostics.append(Diagnostic(.invalidNodeCount, "\(region) has \(nodes) nodes; it needs at least 1", at: input.nodes.sourceLocation))
        }
        let crdb = input.cockroachDB
        let replicas = crdb.replicas ?? nodes
        if let declared = crdb.replicas, declared < 1 {
            diagnostics.append(Diagnostic(.invalidNodeCount, "\(region) runs \(declared) CockroachDB replicas; it needs at least 1", at: crdb.sourceLocation))
        } else if replicas > nodes, nodes >= 1 {
            diagnostics.append(Diagnostic(
                .replicasExceedNodes,
                "\(region) runs \(replicas) CockroachDB replicas on \(nodes) node\(nodes == 1 ? "" : "s"); with one replica per node at most \(nodes) fit",
                at: crdb.sourceLocation, related: input.nodes.sourceLocation))
        } else if replicas >= 1, replicas < 3 {
            diagnostics.append(Diagnostic(
                .tooFewReplicasForSurvival,
                "\(region) runs \(replicas) CockroachDB replica\(replicas == 1 ? "" : "s"); with fewer than 3, losing one node loses the region's availability",
                // Without a declared replica count there is one replica per node: the node count is what to change.
                at: crdb.replicas == nil ? input.nodes.sourceLocation : crdb.sourceLocation))
        }
        let ports = input.nodePorts
        for (name, port) in [("ClusterMesh", ports.clusterMesh), ("DNS", ports.dns)] where !nodePortRange.contains(port) {
            diagnostics.append(Diagnostic(
                .nodePortOutOfRange, "\(name) NodePort \(port) of \(region) is outside the NodePort range 30000–32767", at: ports.sourceLocation))
        }
        if ports.clusterMesh == ports.dns {
            diagnostics.append(Diagnostic(
                .nodePortCollision, "ClusterMesh and DNS NodePorts of \(region) are both \(ports.dns); each needs its own", at: ports.sourceLocation))
        }
    }

    static func checkSurvival(_ topology: Topology, regions: [RegionInput], diagnostics: inout [Diagnostic]) {
        if (1..<3).contains(regions.count) {
            diagnostics.append(Diagnostic(
                .tooFewRegionsForSurvival,
                "the topology has \(regions.count) region\(regions.count == 1 ? "" : "s"); CockroachDB needs at least 3 to survive the loss of a region",
                at: topology.location))
        }
    }
}
