/// The command-line tools the generated scripts call, with where to get each: one list for the
/// `require_tools` line of every script and for the preflight of `setup.sh`.
enum Tool: String, CaseIterable {
    case az, k3sup, kubectl, helm, cockroach, openssl, ssh, cilium

    /// Where to get the tool, phrased to follow "<tool> is not installed; ".
    var hint: String {
        switch self {
        case .az: "get it from https://learn.microsoft.com/cli/azure/install-azure-cli"
        case .k3sup: "get it from https://github.com/alexellis/k3sup#download"
        case .kubectl: "get it from https://kubernetes.io/docs/tasks/tools/"
        case .helm: "get it from https://helm.sh/docs/intro/install/"
        case .cockroach: "get it from https://www.cockroachlabs.com/docs/stable/install-cockroachdb"
        case .openssl: "get it from your package manager (e.g. apt-get install openssl)"
        case .ssh: "get it from your package manager (e.g. apt-get install openssh-client)"
        case .cilium: "get it from https://github.com/cilium/cilium-cli/releases (optional: adds 'cilium clustermesh status' checks)"
        }
    }

    /// The tools `setup.sh` needs; `cilium` is optional.
    static let required: [Tool] = [.az, .k3sup, .kubectl, .helm, .cockroach, .openssl, .ssh]
}

extension ShellScript {
    /// Adds `require_tools 'tool=hint' …`: the script stops, naming each missing tool, before it changes anything.
    mutating func requireTools(_ tools: [Tool]) {
        line("require_tools " + tools.map { shellQuote("\($0.rawValue)=\($0.hint)") }.joined(separator: " "))
    }
}
