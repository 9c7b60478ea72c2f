import RegionMesh

/// The environment variables every generated script shares, with their defaults. A person overrides
/// them when calling a script (`SSH_PRIVATE_KEY_FILE=~/.ssh/azure ./setup.sh`); `setup.sh` passes
/// them on to the scripts it runs.
public enum ScriptEnvironment {
    /// A variable and the bash default expression it falls back to.
    public struct Variable: Sendable {
        /// The variable name.
        public let name: String
        /// What it means, for the script's comment.
        public let doc: String
        /// The default as bash text (may reference `$HOME`).
        public let defaultValue: String

        /// `NAME="${NAME:-default}"`.
        public var assignment: String { "\(name)=\"${\(name):-\(defaultValue)}\"" }
        /// The quoted reference `"$NAME"` as a command word.
        public var word: ShellWord { .variable(name) }
    }

    /// The SSH public key installed on every VM.
    public static let sshPublicKey = Variable(
        name: "SSH_PUBLIC_KEY_FILE", doc: "The SSH public key installed on every VM.", defaultValue: "$HOME/.ssh/id_ed25519.pub")
    /// The SSH private key that k3sup logs in with.
    public static let sshPrivateKey = Variable(
        name: "SSH_PRIVATE_KEY_FILE", doc: "The SSH private key k3sup logs in with.", defaultValue: "$HOME/.ssh/id_ed25519")
    /// The kubeconfig file that receives one context per cluster.
    public static let kubeconfig = Variable(
        name: "KUBECONFIG_FILE", doc: "The kubeconfig that holds one context per cluster.", defaultValue: "$HOME/.kube/config")

    /// Where keys, certificates and run logs are made at apply time: outside `out/` and outside git.
    public static func secretsDirectory(_ plan: Plan) -> Variable {
        Variable(
            name: "REGIONMESH_SECRETS_DIR", doc: "Keys, certificates and logs made at apply time; never commit this folder.",
            defaultValue: "$HOME/.regionmesh/\(plan.name)")
    }

    /// The folder of the shared Cilium CA inside the secrets folder.
    public static let ciliumCAFolder = "cilium-ca"
    /// The folder of the CockroachDB CA certificate and root client certificate inside the secrets folder.
    public static let cockroachCertsFolder = "cockroachdb/certs"

    /// Adds `TOPOLOGY_DIR=…`: the topology's output folder, found from the script's own place,
    /// `depth` folders below it (0 for `setup.sh`, 1 for `cilium/install.sh`).
    public static func declareTopologyDirectory(depth: Int, in script: inout ShellScript) {
        let up = String(repeating: "/..", count: depth)
        script.comment("The topology's output folder, found from this script's own place.")
        script.line("TOPOLOGY_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\(up)\" && pwd)\"")
    }

    /// Adds the assignments of `variables`, each after its comment.
    public static func declare(_ variables: [Variable], in script: inout ShellScript) {
        for variable in variables {
            script.comment("\(variable.doc) Override with \(variable.name)=...")
            script.line(variable.assignment)
        }
    }

    /// `kubectl <words> --kubeconfig "$KUBECONFIG_FILE" --context <cluster>`; add options after.
    public static func kubectl(_ cluster: ClusterPlan, _ words: ShellWord...) -> ShellCommand {
        ShellCommand(words: ["kubectl"] + words).option("--kubeconfig", kubeconfig.word).option("--context", .literal(cluster.context))
    }

    /// `kubectl <words> --kubeconfig "$KUBECONFIG_FILE" --context <cluster>`, the words as an array.
    public static func kubectl(_ cluster: ClusterPlan, words: [ShellWord]) -> ShellCommand {
        ShellCommand(words: ["kubectl"] + words).option("--kubeconfig", kubeconfig.word).option("--context", .literal(cluster.context))
    }
}
