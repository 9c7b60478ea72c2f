import RegionMesh

/// The Helm values of the `cilium/cilium` chart for one cluster: its identity, its own pod pool, VXLAN
/// tunnelling, and ClusterMesh through the clustermesh-apiserver on a fixed NodePort with every other
/// cluster as a peer. Keys the chart's defaults get right are left out. The shared CA is not here:
/// `cilium/install.sh` creates it as the Secret `cilium-ca`, from which certgen makes the certificates.
struct CiliumValues: Encodable, Equatable {
    let cluster: Cluster
    let ipam: IPAM
    let routingMode: CiliumRegionPlan.RoutingMode
    let tunnelProtocol: CiliumRegionPlan.TunnelProtocol
    let clustermesh: ClusterMesh
    let hubble: Hubble
    let certgen: Certgen

    /// Certificates made in the cluster by certgen from the `cilium-ca` Secret that
    /// `cilium/install.sh` creates: the chart renders no CA, so no key is in any values or release.
    struct AutoTLS: Encodable, Equatable {
        var enabled: Bool? = nil
        let method: String
        let schedule: String
    }

    /// Hubble's certificates, made the same way (the chart's default, `helm`, would render the CA).
    struct Hubble: Encodable, Equatable {
        let tls: TLS

        struct TLS: Encodable, Equatable {
            let auto: AutoTLS
        }
    }

    /// certgen reuses the shared CA and never makes one of its own.
    struct Certgen: Encodable, Equatable {
        let generateCA: Bool
    }

    /// `cluster.name` and `cluster.id`, unique across the mesh.
    struct Cluster: Encodable, Equatable {
        let name: String
        let id: Int
    }

    /// Cluster-pool IPAM from the cluster's own pod range: the chart's default pool, 10.0.0.0/8,
    /// would overlap the VNets and the other clusters.
    struct IPAM: Encodable, Equatable {
        let mode: String
        let `operator`: Operator

        struct Operator: Encodable, Equatable {
            let clusterPoolIPv4PodCIDRList: [String]
            let clusterPoolIPv4MaskSize: Int
        }
    }

    /// The clustermesh-apiserver and the peers this cluster connects to.
    struct ClusterMesh: Encodable, Equatable {
        let useAPIServer: Bool
        let apiserver: APIServer
        let config: Config

        struct APIServer: Encodable, Equatable {
            let service: Service
            let tls: TLS
        }

        struct TLS: Encodable, Equatable {
            let auto: AutoTLS
        }

        /// A NodePort on every node: no LoadBalancer is needed, and the peers reach it over peering.
        struct Service: Encodable, Equatable {
            let type: String
            let nodePort: Int
        }

        struct Config: Encodable, Equatable {
            let enabled: Bool
            let clusters: Peers
        }
    }

    /// The other clusters: a map keyed by cluster name (chart 1.19+) or a list with `name` (1.18).
    enum Peers: Encodable, Equatable {
        case map([NamedPeer])
        case list([NamedPeer])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .map(let peers):
                try OrderedMap(peers.map { ($0.name, Peer(ips: $0.ips, port: $0.port)) }).encode(to: encoder)
            case .list(let peers):
                var container = encoder.singleValueContainer()
                try container.encode(peers)
            }
        }
    }

    /// A peer in the list form.
    struct NamedPeer: Encodable, Equatable {
        let name: String
        let ips: [String]
        let port: Int
    }

    /// A peer in the map form: its nodes' private IPs and its clustermesh-apiserver NodePort.
    struct Peer: Encodable, Equatable, Sendable {
        let ips: [String]
        let port: Int
    }
}

extension CiliumValues {
    /// The values of one cluster; `renewal` is when certgen makes the certificates again (cron).
    init(_ cilium: CiliumRegionPlan, renewal: String) {
        let peers = cilium.peers.map { NamedPeer(name: $0.name, ips: $0.ips.map(\.description), port: $0.port) }
        self.init(
            cluster: Cluster(name: cilium.clusterName, id: cilium.clusterID),
            ipam: IPAM(
                mode: "cluster-pool",
                operator: IPAM.Operator(clusterPoolIPv4PodCIDRList: [cilium.podPool.description], clusterPoolIPv4MaskSize: cilium.podPoolMaskSize)),
            routingMode: cilium.routingMode,
            tunnelProtocol: cilium.tunnelProtocol,
            clustermesh: ClusterMesh(
                useAPIServer: true,
                apiserver: ClusterMesh.APIServer(
                    service: ClusterMesh.Service(type: "NodePort", nodePort: cilium.meshPort),
                    tls: ClusterMesh.TLS(auto: AutoTLS(enabled: true, method: "cronJob", schedule: renewal))),
                config: ClusterMesh.Config(enabled: true, clusters: cilium.peersForm == .map ? .map(peers) : .list(peers))),
            hubble: Hubble(tls: Hubble.TLS(auto: AutoTLS(method: "cronJob", schedule: renewal))),
            certgen: Certgen(generateCA: false))
    }
}
