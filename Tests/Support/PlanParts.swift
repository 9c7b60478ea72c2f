import RegionMesh

/// The component parts of a Plan, by the implementation each axis has today.
extension Plan {
    /// The Azure part.
    public var azure: AzurePlan {
        switch provider { case .azure(let azure): azure }
    }

    /// The k3s part.
    public var k3s: K3sPlan {
        switch distribution { case .k3s(let k3s): k3s }
    }

    /// The Cilium part.
    public var cilium: CiliumPlan {
        switch networkPlugin { case .cilium(let cilium): cilium }
    }

    /// The CockroachDB part.
    public var cockroach: CockroachPlan {
        switch database { case .cockroachDB(let cockroach): cockroach }
    }
}
