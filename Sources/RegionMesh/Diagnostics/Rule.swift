/// The catalogue of validation rules. Each has a stable kebab-case ID (printed as `[id]` in every
/// diagnostic, safe to grep for and to link to), a severity, and a one-line summary that the README
/// and `regionmesh rules` list. Kept alphabetical by ID.
public enum Rule: String, CaseIterable, Sendable, Codable {
    case adminOpenToInternet = "admin-open-to-internet"
    case cidrHostBitsSet = "cidr-host-bits-set"
    case clusterIDOutOfRange = "cluster-id-out-of-range"
    case duplicateClusterID = "duplicate-cluster-id"
    case duplicateClusterName = "duplicate-cluster-name"
    case duplicateDeclaration = "duplicate-declaration"
    case duplicateNSGPriority = "duplicate-nsg-priority"
    case duplicateRegionKey = "duplicate-region-key"
    case invalidAzureName = "invalid-azure-name"
    case invalidCIDR = "invalid-cidr"
    case invalidClusterName = "invalid-cluster-name"
    case invalidNodeCount = "invalid-node-count"
    case invalidNSGPriority = "invalid-nsg-priority"
    case invalidPort = "invalid-port"
    case invalidQuantity = "invalid-quantity"
    case invalidRegionKey = "invalid-region-key"
    case invalidStorageClass = "invalid-storage-class"
    case invalidTopologyName = "invalid-topology-name"
    case invalidVersion = "invalid-version"
    case missingDeclaration = "missing-declaration"
    case mixedCiliumVersions = "mixed-cilium-versions"
    case noRegions = "no-regions"
    case nodePortCollision = "node-port-collision"
    case nodePortOutOfRange = "node-port-out-of-range"
    case overlappingCIDR = "overlapping-cidr"
    case podRangeTooSmall = "pod-range-too-small"
    case replicasExceedNodes = "replicas-exceed-nodes"
    case reservedRange = "reserved-range"
    case reservedRegionKey = "reserved-region-key"
    case serviceRangeTooLarge = "service-range-too-large"
    case serviceRangeTooSmall = "service-range-too-small"
    case subnetOutsideVNet = "subnet-outside-vnet"
    case subnetTooSmall = "subnet-too-small"
    case tooFewRegionsForSurvival = "too-few-regions-for-survival"
    case tooFewReplicasForSurvival = "too-few-replicas-for-survival"
    case tooManyClusters = "too-many-clusters"
    case unpinnedK3sVersion = "unpinned-k3s-version"
    case unsupportedCiliumVersion = "unsupported-cilium-version"

    /// Errors stop generation; warnings are printed and generation goes on.
    public var severity: Diagnostic.Severity {
        switch self {
        case .adminOpenToInternet, .mixedCiliumVersions, .tooFewRegionsForSurvival, .tooFewReplicasForSurvival, .unpinnedK3sVersion:
            .warning
        default:
            .error
        }
    }

    /// What the rule checks, in one line.
    public var summary: String {
        switch self {
        case .adminOpenToInternet: "SSH, the Kubernetes API and the NodePorts are reachable from any address ('*')"
        case .cidrHostBitsSet: "a CIDR block has host bits set (10.1.1.5/16 names no network; 10.1.0.0/16 does)"
        case .clusterIDOutOfRange: "a Cilium cluster ID is outside 1–255"
        case .duplicateClusterID: "two regions share a Cilium cluster ID"
        case .duplicateClusterName: "two regions share a cluster name"
        case .duplicateDeclaration: "a declaration that may appear once appears twice in the same scope"
        case .duplicateNSGPriority: "two inbound NSG rules of a region share a priority"
        case .duplicateRegionKey: "two regions share a key (the key is the namespace and DNS zone)"
        case .invalidAzureName: "a resource name does not meet Azure's length and character rules"
        case .invalidCIDR: "a CIDR block cannot be parsed"
        case .invalidClusterName: "a cluster name is not at most 32 lower-case alphanumerics and '-' (Cilium)"
        case .invalidNodeCount: "a region has fewer than one node"
        case .invalidNSGPriority: "an NSG rule priority is outside 100–4096"
        case .invalidPort: "a port is outside 1–65535, or a port range is not ordered low-high"
        case .invalidQuantity: "a CPU, memory or storage quantity cannot be parsed as a Kubernetes quantity"
        case .invalidRegionKey: "a region key is not a DNS-1123 label (it becomes a namespace)"
        case .invalidStorageClass: "a CockroachDB storage class is not a DNS-1123 subdomain, so Kubernetes would reject the volume claims"
        case .invalidTopologyName: "the topology name is not a DNS-1123 label (it names out/<name>/ and the app.kubernetes.io/part-of label)"
        case .invalidVersion: "a k3s, Cilium or CockroachDB version cannot be parsed"
        case .missingDeclaration: "a required declaration (Azure, Network, Pods, Services) is missing"
        case .mixedCiliumVersions: "clusters of one mesh run different Cilium minor versions (their ClusterMesh defaults differ)"
        case .noRegions: "the topology declares no region"
        case .nodePortCollision: "two fixed NodePorts of a cluster are the same"
        case .nodePortOutOfRange: "a fixed NodePort is outside the Kubernetes NodePort range 30000–32767"
        case .overlappingCIDR: "two VNet, pod or service ranges overlap, in one region or across regions"
        case .podRangeTooSmall: "the pod range cannot give every node a block of the per-node mask size"
        case .replicasExceedNodes: "a region runs more CockroachDB replicas than it has nodes"
        case .reservedRange: "a range overlaps one Azure or Kubernetes cannot use (0/8, 127/8, 169.254/16, 224/4, 240/4, 168.63.129.16)"
        case .reservedRegionKey: "a region key names a namespace Kubernetes reserves ('default', 'kube-*'); every other cluster would forward that zone away"
        case .serviceRangeTooLarge: "a service range is larger than Kubernetes allows (/12)"
        case .serviceRangeTooSmall: "a service range is too small to hold the cluster DNS address (its 10th address)"
        case .subnetOutsideVNet: "a subnet does not lie inside its VNet"
        case .subnetTooSmall: "a subnet cannot hold the region's nodes (Azure reserves 5 addresses; the first usable is .4)"
        case .tooFewRegionsForSurvival: "fewer than three regions: CockroachDB cannot survive the loss of a region"
        case .tooFewReplicasForSurvival: "fewer than three CockroachDB replicas in a region: losing one node loses availability there"
        case .tooManyClusters: "more than 255 clusters, the ClusterMesh limit"
        case .unpinnedK3sVersion: "k3s is installed from a channel instead of a pinned version; runs are not reproducible"
        case .unsupportedCiliumVersion: "the Cilium version is not one the generator supports"
        }
    }
}
