import RegionMesh
import Testing

@testable import RegionMeshGenerator

/// `k3s/install.sh`: exact text for one cluster, and the release, kubeconfig and pitfall rules.
@Suite struct K3sEmitterTests {
    /// The function of `name` in `script`, from its `name() {` line to its closing `}`.
    static func function(_ name: String, in script: String) -> String? {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "\(name)() {"[...]),
            let end = lines[start...].firstIndex(of: "}")
        else { return nil }
        return lines[start...end].joined(separator: "\n")
    }

    @Test func installsAndJoinsEveryServerOfACluster() throws {
        let script = try K3sInstallScript.render(Fixtures.twoRegionPlan)
        let flags = "--flannel-backend=none --disable-network-policy --cluster-cidr=10.11.0.0/16 --service-cidr=10.102.0.0/16 --cluster-dns=10.102.0.10 --cluster-domain=cluster.local --disable=servicelb --disable=traefik"
        let expected = """
            install_cluster_crdb_west() {
              banner 'k3s: cluster crdb-west in region west, 2 servers'
              local server_ip node_ip
              server_ip="$(capture '<public-ip-of-crdb-west-node1>' az network public-ip show \\
                --resource-group rg-fixture \\
                --name crdb-west-node1-ip \\
                --query ipAddress \\
                --output tsv)"
              if ! exists kubectl get node crdb-west-node1 --kubeconfig "$KUBECONFIG_FILE" --context crdb-west; then
                run k3sup install \\
                  --ip "$server_ip" \\
                  --user ops \\
                  --ssh-key "$SSH_PRIVATE_KEY_FILE" \\
                  --cluster \\
                  --k3s-version v1.33.5+k3s1 \\
                  --k3s-extra-args '\(flags) --node-ip=10.2.1.4' \\
                  --merge \\
                  --local-path "$KUBECONFIG_FILE" \\
                  --context crdb-west
              else
                info 'node crdb-west-node1 of crdb-west exists'
              fi
              wait_until 'node crdb-west-node1 is registered in crdb-west' 300 kubectl get node crdb-west-node1 \\
                --kubeconfig "$KUBECONFIG_FILE" \\
                --context crdb-west
              if ! exists kubectl get node crdb-west-node2 --kubeconfig "$KUBECONFIG_FILE" --context crdb-west; then
                node_ip="$(capture '<public-ip-of-crdb-west-node2>' az network public-ip show \\
                  --resource-group rg-fixture \\
                  --name crdb-west-node2-ip \\
                  --query ipAddress \\
                  --output tsv)"
                run k3sup join \\
                  --ip "$node_ip" \\
                  --user ops \\
                  --ssh-key "$SSH_PRIVATE_KEY_FILE" \\
                  --server \\
                  --server-ip "$server_ip" \\
                  --server-user ops \\
                  --server-url https://10.2.1.4:6443 \\
                  --k3s-version v1.33.5+k3s1 \\
                  --k3s-extra-args '\(flags) --node-ip=10.2.1.5'
              else
                info 'node crdb-west-node2 of crdb-west exists'
              fi
              wait_until 'the 2 nodes of crdb-west are registered' 600 kubectl get node crdb-west-node1 crdb-west-node2 \\
                --kubeconfig "$KUBECONFIG_FILE" \\
                --context crdb-west
              info 'the nodes of crdb-west stay NotReady until cilium/install.sh has installed the CNI'
            }
            """
        #expect(Self.function("install_cluster_crdb_west", in: script) == expected)
    }

    @Test func mainChecksToolsAndInstallsClustersInPlanOrder() throws {
        let script = try K3sInstallScript.render(Fixtures.twoRegionPlan)
        let main = try #require(Self.function("main", in: script))
        #expect(main.contains("require_tools 'k3sup=get it from https://github.com/alexellis/k3sup#download'"))
        let east = try #require(main.range(of: "  install_cluster_crdb_east\n"))
        let west = try #require(main.range(of: "  install_cluster_crdb_west\n"))
        #expect(east.upperBound <= west.lowerBound)
        #expect(script.hasSuffix("\nmain \"$@\"\n"))
    }

    @Test func passesNoTLSSANAndMergesOneKubeconfig() throws {
        let invocations = K3supInvocation.all(in: try K3sInstallScript.render(Fixtures.twoRegionPlan))
        #expect(invocations.count == 4)
        for invocation in invocations {
            #expect(!invocation.words.contains("--tls-san"))
            #expect(invocation.words.contains("--ssh-key") && ShellParsing.value(of: "--ssh-key", in: invocation.words) == "$SSH_PRIVATE_KEY_FILE")
        }
        for install in invocations where install.subcommand == "install" {
            #expect(install.words.contains("--cluster") && install.words.contains("--merge"))
            #expect(ShellParsing.value(of: "--local-path", in: install.words) == "$KUBECONFIG_FILE")
        }
        #expect(invocations.filter { $0.subcommand == "install" }.compactMap { ShellParsing.value(of: "--context", in: $0.words) } == ["crdb-east", "crdb-west"])
    }

    @Test func aChannelIsPassedAsK3sChannel() throws {
        let topology = Fixtures.smallTopology("fixture-channel", k3s: K3s(channel: "stable"), regions: 1)
        let invocations = K3supInvocation.all(in: try K3sInstallScript.render(Fixtures.plan(topology)))
        #expect(invocations.count == 2)
        for invocation in invocations {
            #expect(ShellParsing.value(of: "--k3s-channel", in: invocation.words) == "stable")
            #expect(!invocation.words.contains("--k3s-version"))
        }
    }

    @Test func aSingleNodeClusterHasNoJoin() throws {
        let topology = Fixtures.smallTopology("fixture-single", regions: 1, nodes: 1)
        let script = try K3sInstallScript.render(Fixtures.plan(topology))
        #expect(K3supInvocation.all(in: script).map(\.subcommand) == ["install"])
        #expect(script.contains("  local server_ip\n"))
        #expect(!script.contains("node_ip"))
    }
}
