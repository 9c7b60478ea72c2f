/// A declaration allowed at the top level of a ``Topology``.
public protocol TopologyStatement {
    /// The declaration as the model stores it.
    var topologyElement: TopologyElement { get }
}

/// A declaration allowed inside a ``Region``.
public protocol RegionStatement {
    /// The declaration as the model stores it.
    var regionElement: RegionElement { get }
}

/// A setting, allowed inside ``Defaults`` and, as an override, inside a ``Region``.
public protocol SettingStatement: RegionStatement {
    /// The setting as the model stores it.
    var setting: Setting { get }
}

extension SettingStatement {
    public var regionElement: RegionElement { .setting(setting) }
}

/// The top-level declarations of a topology.
public enum TopologyElement: Sendable {
    case azure(Azure)
    case defaults(Defaults)
    case region(Region)
}

/// The declarations of a region.
public enum RegionElement: Sendable {
    case network(Network)
    case pods(Pods)
    case services(Services)
    case clusterName(ClusterName)
    case setting(Setting)
}

/// The settings that ``Defaults`` provides and a ``Region`` may override.
public enum Setting: Sendable {
    case virtualMachines(VirtualMachines)
    case k3s(K3s)
    case cilium(Cilium)
    case cockroachDB(CockroachDB)
    case adminAccess(AdminAccess)
    case nodes(Nodes)
    case nodePorts(NodePorts)
    case inboundRule(InboundRule)
}
