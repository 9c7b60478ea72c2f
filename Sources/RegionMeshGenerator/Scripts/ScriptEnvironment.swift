import RegionMesh

/// The environment variables the generated scripts read, with their defaults. A person overrides
/// them when calling a script (`SSH_PRIVATE_KEY_FILE=~/.ssh/deploy ./setup.sh`); every script exports
/// the ones it reads, so the scripts it runs see the same values.
public enum ScriptEnvironment {
    /// A variable and the bash default expression it falls back to.
    public struct Variable: Sendable, Hashable {
        /// The variable name.
        public let name: String
        /// What it means, for the script's comment and `--help`.
        public let doc: String
        /// The default as bash text (may reference `$HOME`).
        public let defaultValue: String
        /// Whether its value is secret: it never reaches a log or a printed command.
        public var isSecret = false

        /// `NAME="${NAME:-default}"`.
        public var assignment: String { "\(name)=\"${\(name):-\(defaultValue)}\"" }
        /// The quoted reference `"$NAME"` as a command word.
        public var word: ShellWord { .variable(name) }
    }

    /// The SSH public key installed on every machine.
    public static let sshPublicKey = Variable(
        name: "SSH_PUBLIC_KEY_FILE", doc: "The SSH public key installed on every VM.", defaultValue: "$HOME/.ssh/id_ed25519.pub")
    /// The SSH private key that the installer logs in with.
    public static let sshPrivateKey = Variable(
        name: "SSH_PRIVATE_KEY_FILE", doc: "The SSH private key k3sup logs in with.", defaultValue: "$HOME/.ssh/id_ed25519")
    /// The kubeconfig file that receives one context per cluster.
    public static let kubeconfig = Variable(
        name: "KUBECONFIG_FILE", doc: "The kubeconfig that holds one context per cluster.", defaultValue: "$HOME/.kube/config")

    /// Where keys, certificates and run logs are made at apply time: outside `out/` and outside git.
    public static func secretsDirectory(_ plan: Plan) -> Variable {
        Variable(
            name: "REGIONMESH_SECRETS_DIR", doc: "Keys and certificates made at apply time (the run logs go beside it, in a folder of the same name ending in -logs); never commit this folder.",
            defaultValue: "$HOME/.regionmesh/\(plan.name)")
    }

    /// The variables every script reads through the shared library.
    public static let runtime = [
        Variable(name: "DRY_RUN", doc: "1 (or --dry-run): print every command that would change something and run none.", defaultValue: "0"),
        Variable(name: "YES", doc: "1 (or --yes): answer every question with yes.", defaultValue: "0"),
        Variable(name: "WAIT_INTERVAL", doc: "Seconds between two checks of a condition being waited for.", defaultValue: "5"),
    ]

    /// `kubectl <words> --kubeconfig "$KUBECONFIG_FILE" --context <context>`; add options after.
    public static func kubectl(_ context: ShellWord, _ words: [ShellWord]) -> ShellCommand {
        ShellCommand(words: ["kubectl"] + words).option("--kubeconfig", kubeconfig.word).option("--context", context)
    }
}

extension ClusterPlan {
    /// The kubeconfig context as a command word.
    var contextWord: ShellWord { .literal(context) }
}
