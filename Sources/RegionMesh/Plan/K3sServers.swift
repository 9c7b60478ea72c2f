/// k3s facts that do not vary by topology.
public enum K3sDefaults {
    /// The port of the Kubernetes API and the k3s supervisor on every server.
    public static let apiPort = 6443
}

/// The roles of a region's nodes in its k3s cluster: every node is a server (embedded etcd HA).
extension RegionPlan {
    /// The server that `k3sup install --cluster` starts embedded etcd on: the first node.
    public var initServer: NodePlan { nodes[0] }

    /// The servers that join ``initServer``, in order.
    public var joiningServers: [NodePlan] { Array(nodes.dropFirst()) }

    /// The URL the joining servers register at: the first server's private IP, reached over the
    /// VNet. Its public IP would not do: the NSG opens the API port only to `AdminAccess`.
    public var joinURL: String { "https://\(initServer.privateIP):\(K3sDefaults.apiPort)" }
}
