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

/// The tools `setup.sh` calls, with where to get each.
enum RequiredTool {
    static let all: [(name: String, hint: String)] = [
        ("az", "https://learn.microsoft.com/cli/azure/install-azure-cli"),
        ("k3sup", "https://github.com/alexellis/k3sup#download"),
        ("kubectl", "https://kubernetes.io/docs/tasks/tools/"),
        ("helm", "https://helm.sh/docs/intro/install/"),
        ("cockroach", "https://www.cockroachlabs.com/docs/stable/install-cockroachdb"),
        ("openssl", "your package manager (e.g. apt-get install openssl)"),
        ("ssh", "your package manager (e.g. apt-get install openssh-client)"),
    ]
    static let optional: [(name: String, hint: String)] = [
        ("cilium", "https://github.com/cilium/cilium-cli/releases (optional: adds 'cilium clustermesh status' checks)")
    ]
}
