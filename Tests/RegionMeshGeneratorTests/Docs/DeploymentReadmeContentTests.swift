import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// What a reviewer needs from the generated README: each region's machines, versions and database
/// size, every inbound rule, versions per region when they differ, a diagram, and paths that follow
/// the output folder.
@Suite struct DeploymentReadmeContentTests {
    static func readme(_ plan: Plan, context: GenerationContext = GenerationContext()) throws -> String {
        try #require(try Generator.artifacts(for: plan, context: context).first { $0.path == "README.md" }).contents
    }

    @Test func theRegionsTableGivesEachRegionsMachinesVersionsAndDatabaseSize() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 2) { n in
            if n == 2 {
                CockroachDB(storage: "250Gi", cpu: 4, memory: "16Gi")
                Nodes(4)
            }
        })
        let readme = try Self.readme(plan)
        #expect(readme.contains("""
            ## Regions

            | Region | Nodes | VM size | Image | k3s | Cilium | CockroachDB | Database nodes | CPU per node | Memory per node | Storage per node |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | r1 | 3 | Standard_D2s_v5 | `Canonical:ubuntu-24_04-lts:server:latest` | v1.33.5+k3s1 | 1.19.5 | v26.2.1 | 3 | 1 | 4Gi | 10Gi |
            | r2 | 4 | Standard_D2s_v5 | `Canonical:ubuntu-24_04-lts:server:latest` | v1.33.5+k3s1 | 1.19.5 | v26.2.1 | 4 | 4 | 16Gi | 250Gi |
            """))
    }

    @Test func everyInboundRuleIsListedWithItsPortsAndSources() throws {
        let plan = try Fixture.smallPlan(defaults: [InboundRule("AllowDBConsole", priority: 200, ports: ["8080"], from: ["151.101.0.0/24"])])
        let readme = try Self.readme(plan)
        #expect(readme.contains("| every region | 120 | AllowNodePorts | TCP | 30000–32767 | 145.40.0.0/24 | Kubernetes NodePort services |"))
        #expect(readme.contains("| every region | 200 | AllowDBConsole | TCP | 8080 | 151.101.0.0/24 |"))
    }

    @Test func rulesThatDifferByRegionAreListedPerRegion() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 3 { InboundRule("AllowSQL", priority: 210, ports: ["26257"], from: ["151.101.8.0/24"]) }
        })
        let readme = try Self.readme(plan)
        #expect(readme.contains("| r1 | 100 | AllowSSH | TCP | 22 | 145.40.0.0/24 |"))
        #expect(readme.contains("| r3 | 210 | AllowSQL | TCP | 26257 | 151.101.8.0/24 |"))
        #expect(!readme.contains("| r1 | 210 | AllowSQL"))
        #expect(!readme.contains("| every region |"))
    }

    @Test func versionsArePerRegionWhenTheyDiffer() throws {
        let same = try Self.readme(try Fixture.smallPlan())
        #expect(same.contains("Versions: k3s v1.33.5+k3s1, Cilium 1.19.5, CockroachDB cockroachdb/cockroach:v26.2.1."))
        let mixed = try Self.readme(try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 3 { CockroachDB(version: "v26.1.3") }
        }))
        #expect(mixed.contains(
            "Versions differ between regions: r1 runs k3s v1.33.5+k3s1, Cilium 1.19.5, CockroachDB cockroachdb/cockroach:v26.2.1; "
                + "r2 runs k3s v1.33.5+k3s1, Cilium 1.19.5, CockroachDB cockroachdb/cockroach:v26.2.1; "
                + "r3 runs k3s v1.33.5+k3s1, Cilium 1.19.5, CockroachDB cockroachdb/cockroach:v26.1.3."))
        #expect(mixed.contains("| r3 | 3 | Standard_D2s_v5 | `Canonical:ubuntu-24_04-lts:server:latest` | v1.33.5+k3s1 | 1.19.5 | v26.1.3 |"))
    }

    @Test func theDiagramDrawsRegionsNetworksClustersPeeringsAndTheMesh() throws {
        let readme = try Self.readme(try Fixture.smallPlan(regions: 3))
        let start = try #require(readme.range(of: "```mermaid\n"))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.lowerBound..<end.upperBound]) == """
            ```mermaid
            flowchart LR
              subgraph region1["region r1 · eastus"]
                region1_network["VNet 10.1.0.0/16<br/>subnet 10.1.1.0/24"]
                region1_cluster(["cluster crdb-r1 · ID 1<br/>2 nodes · pods 10.101.0.0/16"])
                region1_network --- region1_cluster
              end
              subgraph region2["region r2 · westus"]
                region2_network["VNet 10.2.0.0/16<br/>subnet 10.2.1.0/24"]
                region2_cluster(["cluster crdb-r2 · ID 2<br/>2 nodes · pods 10.102.0.0/16"])
                region2_network --- region2_cluster
              end
              subgraph region3["region r3 · northeurope"]
                region3_network["VNet 10.3.0.0/16<br/>subnet 10.3.1.0/24"]
                region3_cluster(["cluster crdb-r3 · ID 3<br/>2 nodes · pods 10.103.0.0/16"])
                region3_network --- region3_cluster
              end
              region1_network <-->|"VNet peering"| region2_network
              region1_network <-->|"VNet peering"| region3_network
              region2_network <-->|"VNet peering"| region3_network
              region1_cluster <-.->|"ClusterMesh"| region2_cluster
              region1_cluster <-.->|"ClusterMesh"| region3_cluster
              region2_cluster <-.->|"ClusterMesh"| region3_cluster
            ```

            """)
    }

    @Test func pathsAndCommandsFollowTheContext() throws {
        let plan = try Fixture.smallPlan()
        let readme = try Self.readme(plan, context: GenerationContext(command: "swift run acme", outputPath: "deploy/out"))
        #expect(readme.hasPrefix("<!-- Generated by regionmesh from Tests/RegionMeshGeneratorTests/Docs/DeploymentReadmeContentTests.swift (topology 'fixture'). Do not edit: change the topology and run `swift run acme generate`. -->\n"))
        #expect(readme.contains("a Flux `Kustomization` with `path: ./deploy/out/fixture/clusters/<cluster>`"))
        #expect(readme.contains("Change the topology and run `swift run acme generate`"))
        #expect(!readme.contains("./out/"))
        #expect(!readme.contains("regionmesh generate"))
    }
}
