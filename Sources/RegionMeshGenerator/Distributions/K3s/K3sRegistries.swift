import RegionMesh

/// `k3s/registries.yaml`: the registry configuration every node of a deployment with an image
/// mirror gets at `/etc/rancher/k3s/registries.yaml` (docs.k3s.io, installation/private-registry).
/// containerd pulls the mirrored registries' images through the mirror, and from the public registry
/// itself when the mirror does not answer or lacks an image. The file in `out/` holds a placeholder
/// where the password goes; `k3s/install.sh` puts the password from the secrets folder in its place
/// while it copies the file to each node over SSH, so the password is never in `out/` or a log.
struct K3sRegistries {
    let plan: Plan
    let mirror: ImageMirror
    let context: GenerationContext

    static let path = "k3s/registries.yaml"
    /// What `k3s/install.sh` replaces with the pull-only password.
    static let passwordPlaceholder = "REGIONMESH_REGISTRY_PASSWORD"

    /// The file's structure, as k3s reads it.
    struct Configuration: Encodable {
        struct Mirror: Encodable { let endpoint: [String] }
        struct Auth: Encodable {
            let username: String
            let password: String
        }
        struct Config: Encodable { let auth: Auth }
        let mirrors: SortedMap<Mirror>
        let configs: SortedMap<Config>
    }

    var configuration: Configuration {
        Configuration(
            mirrors: SortedMap(Dictionary(uniqueKeysWithValues: mirror.upstreams.map { ($0, Configuration.Mirror(endpoint: ["https://\(mirror.host)"])) })),
            configs: [mirror.host: Configuration.Config(auth: .init(username: mirror.username, password: Self.passwordPlaceholder))])
    }

    func artifact() throws -> Artifact {
        let header = FileHeader(plan, context: context).comment(extra: [
            "k3s's registry configuration: every node pulls \(mirror.upstreams.joined(separator: ", ")) images through \(mirror.host).",
            "k3s/install.sh copies it to \(K3sRegistryConfiguration.path) on each node (mode 600), with the",
            "pull-only password from the secrets folder in place of \(Self.passwordPlaceholder).",
        ])
        return Artifact(path: Self.path, contents: try YAMLDocument.render(configuration, header: header))
    }
}
