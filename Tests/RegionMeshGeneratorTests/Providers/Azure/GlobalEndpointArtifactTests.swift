import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The artifacts of a topology with a global endpoint and a registry (#17), read as Script models
/// and files: front ends and Traffic Manager, the NSG rules, the registry, the nodes' registry
/// configuration, the client service, the certificates' names, setup's preflight and order.
/// Fixture regions: r1 eastus, r2 westus, r3 northeurope; r3 closes itself where a test says so.
@Suite struct GlobalEndpointArtifactTests {
    static func closedR3() throws -> Plan {
        try Fixture.plan(Fixture.withGlobalEndpoint { n in if n == 3 { ClientAccess() } })
    }

    static func frontEnds(_ plan: Plan) -> Script {
        AzureFrontEndScript(plan: plan, azure: plan.azure, trafficManager: plan.azure.trafficManager!).script
    }

    static func registry(_ plan: Plan) -> Script {
        AzureRegistryScript(plan: plan, azure: plan.azure, registry: plan.azure.registry!).script
    }

    static func artifact(_ path: String, of plan: Plan) throws -> String {
        try #require(try Generator.artifacts(for: plan).first { $0.path == path }).contents
    }

    @Test func aLoadBalancerPerServingRegionWithTheReadinessProbeAndARulePerClientPort() throws {
        let plan = try Self.closedR3()
        let script = Self.frontEnds(plan)
        #expect(script.steps.map(\.name) == ["front-end-ips", "load-balancers", "backends", "traffic-manager", "endpoints", "health"])
        let ips = script.commands(named: "az network public-ip create")
        #expect(ips.map { $0.words.joined(separator: " ") } == [
            "az network public-ip create --resource-group rg-fixture --name crdb-r1-lb-ip --location eastus --sku Standard --allocation-method Static --version IPv4 --dns-name fixture-global-r1 --zone 1 2 3 --output none",
            "az network public-ip create --resource-group rg-fixture --name crdb-r2-lb-ip --location westus --sku Standard --allocation-method Static --version IPv4 --dns-name fixture-global-r2 --output none",
        ])
        #expect(script.commands(named: "az network lb create").map { $0.value(of: "--name") } == ["crdb-r1-lb", "crdb-r2-lb"])
        let probe = try #require(script.commands(named: "az network lb probe create").first)
        #expect(probe.words.joined(separator: " ").hasSuffix(
            "--lb-name crdb-r1-lb --name database-ready --protocol Https --port 30080 --path /health?ready=1 --interval 5 --probe-threshold 2 --output none"))
        let rules = script.commands(named: "az network lb rule create").prefix(2)
        #expect(rules.map { "\($0.value(of: "--name")!) \($0.value(of: "--frontend-port")!)->\($0.value(of: "--backend-port")!) \($0.value(of: "--probe-name")!)" } == [
            "sql 26257->30257 database-ready", "console 8080->30080 database-ready",
        ])
        #expect(rules.allSatisfy { $0.value(of: "--disable-outbound-snat") == "true" && $0.value(of: "--idle-timeout") == "30" })
        // Every node's NIC joins its region's pool; r3 has no front end.
        #expect(script.commands(named: "az network nic ip-config address-pool add").map { "\($0.value(of: "--nic-name")!) \($0.value(of: "--lb-name")!)" } == [
            "crdb-r1-node1-nic crdb-r1-lb", "crdb-r1-node2-nic crdb-r1-lb", "crdb-r1-node3-nic crdb-r1-lb",
            "crdb-r2-node1-nic crdb-r2-lb", "crdb-r2-node2-nic crdb-r2-lb", "crdb-r2-node3-nic crdb-r2-lb",
        ])
        #expect(!script.commands.contains { $0.words.contains("crdb-r3-lb") })
    }

    @Test func trafficManagerRoutesByPerformanceAndMonitorsTheSameReadinessEndpointWithAnAzureEndpointPerFrontEnd() throws {
        let plan = try Self.closedR3()
        let script = Self.frontEnds(plan)
        let profile = try #require(script.commands(named: "az network traffic-manager profile create").first)
        #expect(profile.words.joined(separator: " ") == [
            "az network traffic-manager profile create --resource-group rg-fixture --name fixture-global --unique-dns-name fixture-global",
            "--routing-method Performance --ttl 30 --protocol HTTPS --port 8080 --path /health?ready=1 --interval 30 --timeout 10 --max-failures 3",
            "--tags regionmesh-topology=fixture managed-by=regionmesh --output none",
        ].joined(separator: " "))
        // The owner tag, kept by every run's update too, is how retire.sh tells the profile for this topology's.
        // A profile without it gets it merged in, keeping the profile's other tags.
        #expect(script.commands(named: "az network traffic-manager profile update").first?.has("--tags") == false)
        let tagging = try #require(script.commands(named: "az tag update").first)
        #expect(tagging.value(of: "--operation") == "Merge" && tagging.list(of: "--tags") == ["regionmesh-topology=fixture", "managed-by=regionmesh"])
        let endpoints = script.commands(named: "az network traffic-manager endpoint create")
        #expect(endpoints.map { $0.value(of: "--name") } == ["r1", "r2"])
        #expect(endpoints.allSatisfy { $0.value(of: "--type") == "azureEndpoints" && $0.value(of: "--target-resource-id") == "\"$target\"" })
        // Each endpoint's target is its front end's public IP, read at run time.
        let targets = try #require(script.step("endpoints")).allStatements.compactMap { statement -> String? in
            if case .capture("target", _, let command) = statement { command.value(of: "--name") } else { nil }
        }
        #expect(targets == ["crdb-r1-lb-ip", "crdb-r2-lb-ip"])
        // An endpoint the plan lacks is deleted; the run ends once one region is Online.
        #expect(script.commands(named: "az network traffic-manager endpoint delete").count == 1)
        #expect(script.commands.contains { $0.name == "endpoint_online fixture-global" })

        let priority = try Fixture.plan(Fixture.withGlobalEndpoint(routing: .priority))
        #expect(Self.frontEnds(priority).commands(named: "az network traffic-manager endpoint create").map { $0.value(of: "--priority") } == ["1", "2", "3"])
    }

    @Test func theNSGAdmitsTheClientPortsFromClientAccessAndTheReadinessPortFromTrafficManagerOnly() throws {
        let plan = try Self.closedR3()
        let script = AzureInfrastructureScript(plan: plan, azure: plan.azure).script
        let rules = script.commands(named: "az network nsg rule create").filter { $0.value(of: "--nsg-name") == "crdb-r1-nsg" }
        let client = rules.filter { ($0.value(of: "--name") ?? "").hasPrefix("AllowClient") || $0.value(of: "--name") == "AllowTrafficManagerProbes" }
        #expect(client.map { "\($0.value(of: "--name")!) \($0.value(of: "--priority")!) \($0.list(of: "--destination-port-ranges")) \($0.list(of: "--source-address-prefixes"))" } == [
            "AllowClientSQL 150 [\"30257\"] [\"\(Fixture.clientRange)\"]",
            "AllowClientConsole 160 [\"30080\"] [\"\(Fixture.clientRange)\"]",
            "AllowTrafficManagerProbes 170 [\"30080\"] [\"AzureTrafficManager\"]",
        ])
        #expect(!script.commands(named: "az network nsg rule create").contains { $0.value(of: "--nsg-name") == "crdb-r3-nsg" && $0.value(of: "--name") == "AllowClientSQL" })
    }

    @Test func theRegistryIsPremiumReplicatedToEveryOtherLocationHoldsThePinnedImagesAndAPullOnlyToken() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let script = Self.registry(plan)
        #expect(script.steps.map(\.name) == ["registry", "replications", "images", "pull-token"])
        let create = try #require(script.commands(named: "az acr create").first)
        #expect(create.words.joined(separator: " ") == "az acr create --name fixtureimages --resource-group rg-fixture --location eastus --sku Premium --admin-enabled false --tags regionmesh-topology=fixture managed-by=regionmesh --output none")
        #expect(script.commands(named: "az acr replication create").map { $0.value(of: "--location") } == ["westus", "northeurope"])
        let imports = script.commands(named: "az acr import").map { "\($0.value(of: "--source")!) as \($0.value(of: "--image")!)" }
        #expect(imports.contains("docker.io/\(plan.cockroach.regions[0].image) as \(plan.cockroach.regions[0].image)"))
        #expect(imports.count == plan.images.count)
        let token = try #require(script.commands(named: "az acr token create").first)
        #expect(token.value(of: "--scope-map") == "_repositories_pull" && token.has("--no-passwords"))
        // The password goes from az into the secrets folder, in no command a log shows.
        #expect(script.commands.contains { $0.words == ["make_password", "\"$REGIONMESH_SECRETS_DIR/registry/fixtureimages-pull-password\""] })
        let rendered = try ScriptRenderer.render(script, plan: plan)
        #expect(rendered.contains("(umask 077 && az acr token credential generate --registry fixtureimages --resource-group rg-fixture --name regionmesh-nodes-pull --password1 --query 'passwords[0].value' --output tsv >\"$file.tmp\")"))
    }

    @Test func everyNodeGetsTheRegistryConfigurationBeforeK3sStartsWithThePasswordOnlyAtRunTime() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let yaml = try Self.artifact(K3sRegistries.path, of: plan)
        #expect(yaml.hasSuffix("""
            mirrors:
              docker.io:
                endpoint:
                - https://fixtureimages.azurecr.io
            configs:
              fixtureimages.azurecr.io:
                auth:
                  username: regionmesh-nodes-pull
                  password: REGIONMESH_REGISTRY_PASSWORD

            """))
        let install = K3sInstallScript(plan: plan, k3s: plan.k3s, nodeAccess: AzureGenerator(plan: plan, azure: plan.azure)).script
        let step = try #require(install.steps.first)
        let names = step.allStatements.flatMap(\.commands).map(\.name)
        let write = try #require(names.firstIndex { $0.hasPrefix("write_registries ") })
        let k3sup = try #require(names.firstIndex { $0.hasPrefix("k3sup install") })
        #expect(write < k3sup, "the configuration is in place before k3s starts")
        #expect(names.filter { $0.hasPrefix("write_registries ") }.count == 3)
        // Without a registry, nothing of it.
        let plain = try Fixture.smallPlan()
        #expect(try Generator.artifacts(for: plain).allSatisfy { $0.path != K3sRegistries.path && !$0.contents.contains("write_registries") })
    }

    @Test func theClientServiceExposesEachClientPortOnItsNodePortOnlyWhereTheRegionServesClients() throws {
        let plan = try Self.closedR3()
        let service = try Self.artifact("clusters/crdb-r1/cockroachdb/service-cockroachdb-clients.yaml", of: plan)
        #expect(service.contains("""
              type: NodePort
              externalTrafficPolicy: Local
            """))
        #expect(service.contains("name: sql\n    protocol: TCP\n    port: 26257\n    targetPort: 26257\n    nodePort: 30257"))
        #expect(service.contains("nodePort: 30080"))
        #expect(try Generator.artifacts(for: plan).allSatisfy { $0.path != "clusters/crdb-r3/cockroachdb/service-cockroachdb-clients.yaml" })
    }

    @Test func theNodeCertificatesCarryTheGlobalNameAndTheRegionsFrontEndName() throws {
        let plan = try Self.closedR3()
        let certs = CockroachCertsScript(plan: plan, cockroach: plan.cockroach).script
        let nodes = certs.commands.filter { $0.name.hasPrefix("cockroach cert create-node") }
        #expect(nodes.count == 3)
        let r1 = nodes[0].words
        let global = try #require(r1.firstIndex(of: "fixture-global.trafficmanager.net"))
        #expect(r1[global + 1] == "fixture-global-r1.eastus.cloudapp.azure.com", "the global name first, then the region's own")
        #expect(nodes[1].words.contains("fixture-global-r2.westus.cloudapp.azure.com"))
        #expect(!nodes[2].words.contains("fixture-global.trafficmanager.net"), "a closed region is not behind the global name")
    }

    @Test func setupChecksBothGlobalNamesFirstAndRunsTheRegistryBeforeTheClustersAndTheFrontEndsAfterTheDatabase() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let setup = ComposedScripts(plan).setup
        let steps = setup.steps.map(\.name)
        let index = { (name: String) in steps.firstIndex(of: name) ?? -1 }
        #expect(index("azure") < index("registry") && index("registry") < index("k3s"))
        #expect(index("cockroachdb") < index("front-ends") && index("front-ends") > 0)
        let preflight = try ScriptRenderer.render(setup, plan: plan)
        #expect(preflight.contains("az network traffic-manager profile check-dns --name fixture-global --query nameAvailable --output tsv"))
        #expect(preflight.contains("az network traffic-manager profile show --resource-group rg-fixture --name fixture-global"))
        #expect(preflight.contains("az acr check-name --name fixtureimages --query nameAvailable --output tsv"))
        #expect(preflight.contains("az acr show --resource-group rg-fixture --name fixtureimages"))
    }

    @Test func theReadmeSaysHowClientsConnectWhatFailoverTakesAndWhyTheCredentialIsAToken() throws {
        let plan = try Self.closedR3()
        let readme = try Self.artifact("README.md", of: plan)
        #expect(readme.contains("## Clients: one global name"))
        #expect(readme.contains("Clients connect to **`fixture-global.trafficmanager.net`**"))
        #expect(readme.contains("Regions `r3` serve no clients from outside"))
        #expect(readme.contains("out of the answers within 130 s"))
        // The inbound-rules table names the service tag the probes come from, as the NSG rule does.
        #expect(readme.contains("| AllowTrafficManagerProbes | TCP | 30080 | AzureTrafficManager (service tag) |"))
        #expect(readme.contains("within about 160 s"))
        #expect(readme.contains("## Images: a registry in every region's location"))
        #expect(readme.contains("**The nodes' credential** is the registry token `regionmesh-nodes-pull`"))
        #expect(readme.contains("--host fixture-global.trafficmanager.net:26257"))
    }
}
