import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The generated README of a deployment, and the tables `regionmesh plan` shares with it.
@Suite struct DeploymentReadmeTests {
    static func readme(_ plan: Plan) throws -> String {
        try #require(try Generator.artifacts(for: plan).first { $0.path == "README.md" }).contents
    }

    @Test func listsTheRunOrderOfSetup() throws {
        let plan = try Fixture.smallPlan()
        let readme = try Self.readme(plan)
        let steps = ComposedScripts(plan).setup.steps
        let listed = readme.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". `") }.map(String.init)
        #expect(listed == steps.enumerated().map { "\($0.offset + 1). `\($0.element.name)`: \($0.element.title)" })
    }

    @Test func theAdminAccessLineListsOnlyTheAdminAccessSources() throws {
        // An extra inbound rule opens port 26257 to another range: that is not administrative access.
        let plan = try Fixture.smallPlan(defaults: [InboundRule("AllowSQL", priority: 200, ports: ["26257"], from: ["151.101.0.0/24"])])
        let readme = try Self.readme(plan)
        let line = try #require(readme.split(separator: "\n").first { $0.contains("From the Internet, ") })
        #expect(line.hasSuffix("From the Internet, SSH (22), the Kubernetes API (6443) and the NodePorts (30000–32767) are open to: 145.40.0.0/24."))
        #expect(!line.contains("151.101.0.0/24"))
    }

    @Test func namesEveryNodeWithItsAddressAndEveryRemoteZone() throws {
        let plan = try Fixture.smallPlan()
        let readme = try Self.readme(plan)
        for region in plan.regions {
            for node in region.nodes {
                #expect(readme.contains("| \(node.name) | \(region.key) | \(node.privateIP) |"))
            }
        }
        #expect(readme.contains("`r2.svc.cluster.local`"))
        #expect(readme.contains("Versions: k3s v1.33.5+k3s1, Cilium 1.19.5, CockroachDB cockroachdb/cockroach:v26.2.1."))
    }

    @Test func thePlanTablesShowTheAddressPlanNodesAndResources() throws {
        let plan = try Fixture.smallPlan()
        let text = PlanTables.render(plan)
        #expect(text.hasPrefix("fixture: Small fixture for snippet tests\nDeclared in Tests/RegionMeshGeneratorTests/Docs/DeploymentReadmeTests.swift\n"))
        #expect(PlanTables.addressPlan(plan).header == ["Region", "Location", "Cluster", "ID", "VNet", "Subnet", "Pods", "Services", "DNS IP"])
        #expect(PlanTables.addressPlan(plan).rows.first == ["r1", "eastus", "crdb-r1", "1", "10.1.0.0/16", "10.1.1.0/24", "10.101.0.0/16", "10.201.0.0/16", "10.201.0.10"])
        #expect(PlanTables.nodes(plan).rows.count == 4)
        #expect(text.contains("Resource group rg-fixture (eastus)"))
    }

    @Test func tellsEachRegionsMachinesDisksAndZones() throws {
        let plan = try Fixture.smallPlan(defaults: [CockroachDB(version: "v26.2.1", storage: "100Gi", cpu: 1, memory: "4Gi")])
        let readme = try Self.readme(plan)
        #expect(readme.contains("## Machines, disks and zones"))
        #expect(readme.contains("| r1 | eastus | Standard_D2s_v5 | 1, 2 | 64 GiB Premium SSD | 128 GiB Premium_LRS | `Canonical:ubuntu-24_04-lts:server:latest` |"))
        #expect(readme.contains("| r2 | westus | Standard_D2s_v5 | none (the location has no zones) | 64 GiB Premium SSD | 128 GiB Premium_LRS |"))
        #expect(readme.contains("mounts it at `/var/lib/regionmesh/data`"))
        #expect(readme.contains("| managed data disks | 4 |"))
    }

    @Test func saysWhatIsCheckedBeforeAzureCreatesAnythingAndWhichVariablesTheScriptsRead() throws {
        let readme = try Self.readme(try Fixture.smallPlan())
        #expect(readme.contains("## Before Azure creates anything"))
        #expect(readme.contains("this machine's public address (from `https://api.ipify.org`, or `REGIONMESH_ADMIN_IP`) is inside `AdminAccess`"))
        #expect(readme.contains("1. capacity: "))
        #expect(readme.contains("2. drift: "))
        #expect(readme.contains("| `REGIONMESH_ADMIN_IP` | — | This machine's public address, as the nodes see it; found with https://api.ipify.org when empty. |"))
    }
}
