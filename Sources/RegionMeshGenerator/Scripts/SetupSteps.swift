import RegionMesh

/// The named, numbered steps of `setup.sh`, in run order. `--from STEP` and `--only STEP` take these names.
enum SetupStep: String, CaseIterable {
    case azure, k3s, cilium, dns, certificates, cockroachdb, initialize = "init", verify

    /// What the step does, for its banner.
    var title: String {
        switch self {
        case .azure: "Azure infrastructure: resource group, VNets, peerings, NSGs, public IPs, NICs, VMs"
        case .k3s: "k3s on every node (k3sup), flannel off"
        case .cilium: "Cilium with ClusterMesh and the shared CA"
        case .dns: "cross-cluster DNS: the DNS NodePort service and coredns-custom forwarders"
        case .certificates: "CockroachDB certificates and secrets"
        case .cockroachdb: "CockroachDB manifests (kubectl apply -k per cluster)"
        case .initialize: "cockroach init, once"
        case .verify: "every CockroachDB node of every region is live"
        }
    }
}
