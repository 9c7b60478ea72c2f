import RegionMesh
import RegionMeshTestSupport
import Testing

/// The Plan of a topology with clients from outside: each serving region's client access and front
/// end, the Traffic Manager profile, the NSG rules, the registry and the certificate names, all
/// resolved once. Fixture regions: r1 eastus (zones), r2 westus (no zones), r3 northeurope (zones).
@Suite("Global endpoint and registry plan")
struct GlobalEndpointPlanTests {
    @Test("a topology without ClientAccess, GlobalEndpoint or ImageRegistry plans none of them")
    func absentByDefault() throws {
        let plan = try Fixture.plan(Fixture.valid())
        #expect(plan.regions.allSatisfy { $0.clientAccess == nil })
        #expect(plan.azure.trafficManager == nil && plan.azure.registry == nil && plan.k3s.registryMirror == nil)
        #expect(plan.azure.regions.allSatisfy { $0.frontEnd == nil })
        #expect(plan.regions.allSatisfy { plan.azure.clientHostNames(ofRegion: $0.key).isEmpty })
        #expect(ResourceInventory(plan.azure).rows.count == 10, "no rows for what the plan does not have")
    }

    @Test("every serving region: client ports on fixed NodePorts, the readiness check of the database")
    func clientAccess() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        for region in plan.regions {
            let access = try #require(region.clientAccess)
            #expect(access.sources.map(\.description) == [Fixture.clientRange])
            #expect(access.ports.map { "\($0.service.rawValue) \($0.port)->\($0.nodePort)" } == ["sql 26257->30257", "console 8080->30080"])
            #expect(access.readiness == ReadinessCheck(service: .console, scheme: "HTTPS", path: "/health?ready=1"))
        }
    }

    @Test("a front end per serving region: names, DNS label, zone-redundant IP where the location has zones, the nodes as backends")
    func frontEnds() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let eastus = try #require(plan.azure.region("r1")?.frontEnd)
        #expect(eastus.loadBalancer == "crdb-r1-lb" && eastus.publicIP == "crdb-r1-lb-ip")
        #expect(eastus.dnsLabel == "fixture-global-r1")
        #expect(eastus.fqdn == "fixture-global-r1.eastus.cloudapp.azure.com")
        #expect(eastus.zones == [1, 2, 3])
        #expect(eastus.backends.map { "\($0.name) \($0.ipAddress)" } == ["crdb-r1-node1 10.1.1.4", "crdb-r1-node2 10.1.1.5", "crdb-r1-node3 10.1.1.6"])
        let probe = eastus.probe
        #expect("\(probe.name) \(probe.networkProtocol) \(probe.port) \(probe.path) every \(probe.intervalSeconds)s, \(probe.failures) failures"
            == "database-ready Https 30080 /health?ready=1 every 5s, 2 failures")
        #expect(eastus.rules.map { "\($0.name) \($0.frontendPort)->\($0.backendPort)" } == ["sql 26257->30257", "console 8080->30080"])
        #expect(eastus.rules.allSatisfy { $0.idleTimeoutMinutes == 30 })
        let westus = try #require(plan.azure.region("r2")?.frontEnd)
        #expect(westus.zones == [], "westus has no availability zones")
        #expect(westus.fqdn == "fixture-global-r2.westus.cloudapp.azure.com")
    }

    @Test("the Traffic Manager profile: performance routing, HTTPS monitor on the readiness endpoint, one endpoint per front end")
    func trafficManager() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let profile = try #require(plan.azure.trafficManager)
        #expect(profile.profile == "fixture-global" && profile.fqdn == "fixture-global.trafficmanager.net")
        #expect(profile.routing == .performance && profile.ttlSeconds == 30)
        let monitor = profile.monitor
        #expect("\(monitor.networkProtocol) \(monitor.port) \(monitor.path) every \(monitor.intervalSeconds)s, timeout \(monitor.timeoutSeconds)s, \(monitor.toleratedFailures) tolerated"
            == "HTTPS 8080 /health?ready=1 every 30s, timeout 10s, 3 tolerated")
        #expect(profile.monitor.detectionSeconds == 130)
        #expect(profile.endpoints.map { "\($0.name) \($0.publicIP)" } == ["r1 crdb-r1-lb-ip", "r2 crdb-r2-lb-ip", "r3 crdb-r3-lb-ip"])
        #expect(profile.endpoints.allSatisfy { $0.priority == nil && $0.weight == nil })
    }

    @Test("priority routing numbers the endpoints in declaration order; weighted routing weighs them equally")
    func routing() throws {
        let priority = try #require(try Fixture.plan(Fixture.withGlobalEndpoint(routing: .priority)).azure.trafficManager)
        #expect(priority.endpoints.map(\.priority) == [1, 2, 3] && priority.endpoints.allSatisfy { $0.weight == nil })
        let weighted = try #require(try Fixture.plan(Fixture.withGlobalEndpoint(routing: .weighted)).azure.trafficManager)
        #expect(weighted.endpoints.map(\.weight) == [1, 1, 1] && weighted.endpoints.allSatisfy { $0.priority == nil })
    }

    @Test("ClientAccess() closes a region: no client access, no front end, no endpoint, no client rules, no extra certificate names")
    func closedRegion() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint { n in if n == 2 { ClientAccess() } })
        #expect(plan.clientRegions.map(\.key) == ["r1", "r3"])
        #expect(plan.azure.region("r2")?.frontEnd == nil)
        #expect(plan.azure.trafficManager?.endpoints.map(\.name) == ["r1", "r3"])
        #expect(plan.azure.region("r2")?.securityRules.map(\.name) == ["AllowSSH", "AllowKubernetesAPI", "AllowNodePorts"])
        #expect(plan.azure.clientHostNames(ofRegion: "r2") == [])
        #expect(!plan.cockroach.regions[1].certificateHosts.contains { $0.contains("fixture-global") })
    }

    @Test("NSG rules of a serving region: the served ports to ClientAccess, the readiness NodePort to Traffic Manager's probes")
    func securityRules() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        let rules = try #require(plan.azure.region("r1")?.securityRules)
        #expect(rules.map { "\($0.priority) \($0.name) \($0.ports.map(\.description).joined(separator: ",")) \($0.sourcePrefixes.joined(separator: ","))" } == [
            "100 AllowSSH 22 145.40.0.0/24",
            "110 AllowKubernetesAPI 6443 145.40.0.0/24",
            "120 AllowNodePorts 30000-32767 145.40.0.0/24",
            "150 AllowClientSQL 30257 151.101.0.0/24",
            "160 AllowClientConsole 30080 151.101.0.0/24",
            "170 AllowTrafficManagerProbes 30080 AzureTrafficManager",
        ])
        // Serving SQL only: the DB Console's port stays open to Traffic Manager's checks alone.
        let sqlOnly = try Fixture.plan(Fixture.withGlobalEndpoint(serves: [.sql]))
        #expect(sqlOnly.azure.region("r1")?.securityRules.dropFirst(3).map(\.name) == ["AllowClientSQL", "AllowTrafficManagerProbes"])
        #expect(sqlOnly.azure.region("r1")?.frontEnd?.rules.map(\.name) == ["sql", "console"], "Traffic Manager checks through the console rule")
    }

    @Test("node certificates carry the global name and the region's front end; the provider answers both")
    func certificateNames() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        #expect(plan.azure.clientHostNames(ofRegion: "r3") == ["fixture-global.trafficmanager.net", "fixture-global-r3.northeurope.cloudapp.azure.com"])
        let hosts = plan.cockroach.regions[2].certificateHosts
        #expect(hosts.suffix(2) == ["fixture-global.trafficmanager.net", "fixture-global-r3.northeurope.cloudapp.azure.com"])
        #expect(hosts.first == "localhost", "the internal names stay, first")
    }

    @Test("the registry: Premium in the resource group's location when a region runs there, a replication in every other location")
    func registry() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint(regions: 4))
        let registry = try #require(plan.azure.registry)
        #expect(registry.name == "fixtureimages" && registry.loginServer == "fixtureimages.azurecr.io" && registry.sku == "Premium")
        #expect(registry.home == .eastus, "the fixture's resource group is in eastus, where r1 runs")
        #expect(registry.replications == [.westus, .northeurope, .westeurope])
        #expect(registry.token == "regionmesh-nodes-pull" && registry.scopeMap == "_repositories_pull")
        #expect(registry.passwordFile == "registry/fixtureimages-pull-password")
        // The nodes learn about it from the provider's facts, recorded in k3s' part of the plan.
        #expect(plan.k3s.registryMirror == ImageMirror(
            host: "fixtureimages.azurecr.io", upstreams: ["docker.io"], username: "regionmesh-nodes-pull",
            passwordFile: "registry/fixtureimages-pull-password"))
    }

    @Test("a registry whose resource group lies where no region runs lives in the first region's location")
    func registryHome() throws {
        let topology = Fixture.topology(azure: Azure(resourceGroup: "rg-fixture", location: .swedencentral)) {
            ImageRegistry(acr: "fixtureimages")
            Fixture.regions(3)
        }
        let registry = try #require(try Fixture.plan(topology).azure.registry)
        #expect(registry.home == .eastus && registry.replications == [.westus, .northeurope])
        #expect(registry.locations == [.eastus, .westus, .northeurope])
    }

    @Test("the images the deployment pins: the database's and the cluster DNS's, fully qualified")
    func images() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint())
        #expect(plan.images.map(\.description) == [
            "docker.io/rancher/mirrored-coredns-coredns:1.14.2", "docker.io/cockroachdb/cockroach:v26.2.1",
        ])
    }

    @Test("the inventory counts load balancers, their IPs, the profile, its endpoints, the registry and its replications")
    func inventory() throws {
        let plan = try Fixture.plan(Fixture.withGlobalEndpoint { n in if n == 3 { ClientAccess() } })
        let rows = Dictionary(uniqueKeysWithValues: ResourceInventory(plan.azure).rows)
        #expect(rows["load balancers (Standard, public)"] == 2)
        #expect(rows["public IPs of load balancers (with a DNS label)"] == 2)
        #expect(rows["Traffic Manager profile"] == 1 && rows["Traffic Manager endpoints"] == 2)
        #expect(rows["container registry (Premium)"] == 1 && rows["registry replications"] == 2)
        #expect(rows["NSG rules"] == 9 + 2 * 3)
    }
}
