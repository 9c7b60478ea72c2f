/// The contents of the files `init` writes: each names the repository's own tool and its targets.
extension Scaffold {
    /// `README.md`: the generate and test commands first, then the other commands and the layout.
    var readme: String {
        """
        # \(name)

        ```sh
        \(command) generate    # validate every topology in topologies/ and write out/<topology>/
        swift test\(String(repeating: " ", count: "\(command) generate".count + 4 - "swift test".count))# every topology compiles without an error and is registered
        ```

        The multi-region CockroachDB deployments of \(name), described in RegionMesh's Swift DSL. `\(command)` \
        checks each topology in `topologies/` and writes everything that builds it and tears it down into \
        `out/<topology>/`: scripts, Kubernetes manifests, Helm values, Flux and Argo CD objects, and a README for \
        reviewers. Commit `out/` with the topology: a pull request's diff shows what a change does.

        ```sh
        \(command) list                  # the topologies
        \(command) validate              # every problem at once, with file and line
        \(command) plan crdb-three-region  # the resolved plan and what applying it changes
        \(command) generate --check      # exit 2 when out/ is stale, 1 on an error (CI runs this)
        \(command) generate --diff       # what would change, and a summary
        \(command) --help
        ```

        ## Adding a topology

        Write it in a new file in `topologies/` (start from `topologies/ThreeRegion.swift`), add it to \
        `allTopologies` in `topologies/Topologies.swift`, then run `\(command) generate` and commit `out/`. A \
        topology declared in `topologies/` but not listed is reported by `validate`, `generate` and `swift test`.

        ## Layout

        | Path | What it is |
        | --- | --- |
        | `topologies/` | the deployments (target `\(topologiesTarget)`) |
        | `Sources/\(name)/\(typeName).swift` | the tool: RegionMesh's command line over `allTopologies` |
        | `Tests/\(typeName)Tests/` | the topologies compile and are all registered |
        | `out/<topology>/` | generated; never edit it by hand (`generate --check` notices) |
        | `.github/workflows/regionmesh.yml` | CI: validate, `generate --check`, `swift test` |

        """
    }

    /// `Package.swift`: the topologies target, the tool, the tests, and the RegionMesh dependency.
    var packageManifest: String {
        let product = { (product: String) in ".product(name: \(swiftString(product)), package: \(swiftString(dependency.identity)))" }
        var lines = [
            "// swift-tools-version:6.0",
            "import PackageDescription",
            "",
            "let package = Package(",
            "    name: \(swiftString(name)),",
            "    platforms: [.macOS(.v13)],",
            "    dependencies: [",
        ]
        if case .path = dependency {
            lines.append("        // A local checkout of RegionMesh; for a released one:")
            lines.append("        // \(Dependency.current.packageLine),")
        }
        lines += [
            "        \(dependency.packageLine),",
            "    ],",
            "    targets: [",
            "        // The deployments, written in RegionMesh's DSL.",
            "        .target(name: \(swiftString(topologiesTarget)), dependencies: [\(product("RegionMesh"))], path: \"topologies\"),",
            "        // `swift run \(name)`: RegionMesh's command line over the topologies.",
            "        .executableTarget(",
            "            name: \(swiftString(name)),",
            "            dependencies: [\(swiftString(topologiesTarget)), \(product("RegionMesh")), \(product("RegionMeshCLI"))]",
            "        ),",
            "        .testTarget(",
            "            name: \(swiftString("\(typeName)Tests")),",
            "            dependencies: [\(swiftString(topologiesTarget)), \(product("RegionMesh"))]",
            "        ),",
            "    ],",
            "    swiftLanguageModes: [.v6]",
            ")",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `.gitignore`: the build folder, and keys and certificates.
    var gitignore: String {
        """
        .build/
        .swiftpm/
        # Keys, certificates and logs that setup.sh makes at apply time (outside the repository by default). Never commit them.
        .regionmesh-secrets/
        *.key
        *.pem

        """
    }

    /// The CI workflow: validate, `generate --check`, `swift test`.
    var workflow: String {
        var text = """
            # Checks every pull request: the topologies validate, out/ is what they generate, the tests pass.
            name: regionmesh
            on:
              push:
                branches: [main]
              pull_request:
            jobs:
              check:
                runs-on: ubuntu-latest
                container: swift:6.3
                steps:
                  - uses: actions/checkout@v4
                  - name: Validate the topologies
                    run: \(command) validate
                  - name: out/ is up to date
                    run: \(command) generate --check
                  - name: Tests
                    run: swift test

            """
        if case .path(let path) = dependency {
            text = "# Package.swift depends on a local checkout of RegionMesh (\(path)), which CI does not have:\n"
                + "# switch it to the released dependency before pushing.\n" + text
        }
        return text
    }

    /// The tool: a `RegionMeshApp` over `allTopologies`.
    var entryPoint: String {
        """
        import \(topologiesTarget)
        import RegionMesh
        import RegionMeshCLI

        /// `\(command)`: RegionMesh's command line over this repository's topologies. Generated files
        /// tell their readers to run `\(command) generate`.
        @main
        struct \(typeName): RegionMeshApp {
            static let commandName = \(swiftString(name))
            static let topologies = allTopologies
            // The repository out/ is committed to, as Argo CD fetches it: with it, `generate` also writes
            // Argo CD ApplicationSets into out/<topology>/gitops/argocd/ (Flux needs none: it is bootstrapped from it).
            // static let gitRepository: GitRepository? = GitRepository(url: "https://github.com/acme/\(name).git", revision: "main")
        }

        """
    }

    /// `topologies/Topologies.swift`: `allTopologies`, the list the tool runs on.
    var registry: String {
        """
        import RegionMesh

        /// Every topology of this repository: `\(command)` validates and generates each, in this order.
        public let allTopologies: [Topology] = [threeRegion]

        """
    }

    /// `topologies/ThreeRegion.swift`: a sample deployment to start from.
    var sampleTopology: String {
        """
        import RegionMesh

        /// Three Azure regions, three k3s servers each, Cilium ClusterMesh, and CockroachDB across all
        /// three. Change `AdminAccess` to the address range you connect from, and the resource group to yours.
        public let threeRegion = Topology(
            "crdb-three-region",
            summary: "CockroachDB across eastus, westus and northeurope on k3s with Cilium ClusterMesh"
        ) {
            Azure(resourceGroup: \(swiftString("\(name)-crdb")), location: .eastus)
            Defaults {
                VirtualMachines(size: "Standard_D4s_v5", image: .ubuntu2404, adminUser: "ubuntu")
                K3s(version: "v1.35.4+k3s1")
                Cilium(version: "1.19.5")
                CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 2, memory: "8Gi")
                AdminAccess(from: "203.0.113.0/24")
            }
            Region("eastus", location: .eastus, clusterID: 1) {
                Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
                Pods("10.10.0.0/16")
                Services("10.101.0.0/16")
                Nodes(3)
            }
            Region("westus", location: .westus, clusterID: 2) {
                Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
                Pods("10.11.0.0/16")
                Services("10.102.0.0/16")
                Nodes(3)
            }
            Region("northeurope", location: .northeurope, clusterID: 3) {
                Network(vnet: "10.3.0.0/16", subnet: "10.3.1.0/24")
                Pods("10.12.0.0/16")
                Services("10.103.0.0/16")
                Nodes(3)
            }
        }

        """
    }

    /// The tests: every topology compiles without an error and is listed.
    var tests: String {
        """
        import RegionMesh
        import Testing
        import \(topologiesTarget)

        /// The topologies of this repository: each compiles without an error, and each one declared in
        /// topologies/ is in `allTopologies`.
        @Suite struct TopologyTests {
            @Test(arguments: allTopologies.map(\\.name))
            func compilesWithoutErrors(name: String) throws {
                let topology = try #require(allTopologies.first { $0.name == name })
                let compilation = Pipeline.compile(topology)
                let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\\.description)
                #expect(errors.isEmpty, "\\(errors.joined(separator: "\\n"))")
            }

            @Test func everyDeclaredTopologyIsRegistered() {
                let unregistered = Registration.unregisteredTopologies(among: allTopologies).map(\\.description)
                #expect(unregistered.isEmpty, "\\(unregistered.joined(separator: "\\n"))")
            }
        }

        """
    }
}
