import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The cross-cluster DNS objects of every cluster, and the setup and teardown steps of k3s.
@Suite struct CrossClusterDNSTests {
    /// The files `ClusterManifests` writes for the DNS objects of `plan`.
    static func artifacts(_ plan: Plan) throws -> [Artifact] {
        try ClusterManifests.artifacts(plan, objects: CrossClusterDNS(plan: plan).objects, notes: [])
    }

    @Test func customConfigMapForwardsTheOtherRegionOnly() throws {
        let artifact = try #require(try Self.artifacts(try Fixture.smallPlan()).first { $0.path == "clusters/crdb-r1/dns/configmap-coredns-custom.yaml" })
        assertSnapshot(of: artifact.contents, named: "configmap-coredns-custom.yaml")
    }

    @Test func nodePortServiceExposesCoreDNSOnTheFixedPort() throws {
        let artifact = try #require(try Self.artifacts(try Fixture.smallPlan()).first { $0.path == "clusters/crdb-r2/dns/service-kube-dns-nodeport.yaml" })
        assertSnapshot(of: artifact.contents, named: "service-kube-dns-nodeport.yaml")
    }

    @Test func theDNSNodePortFollowsTheRegionsDeclaration() throws {
        let plan = try Fixture.smallPlan(defaults: [NodePorts(dns: 31053)])
        let objects = CrossClusterDNS(plan: plan).objects
        let services = objects.compactMap { $0.object as? Service }
        #expect(services.count == 2)
        #expect(services.allSatisfy { $0.spec.ports.map(\.nodePort) == [31053, 31053] })
        let configMaps = objects.compactMap { $0.object as? ConfigMap }
        #expect(configMaps.map { $0.data.entries.keys.sorted() } == [["r2.server"], ["r1.server"]])
        #expect(configMaps[0].data.entries["r2.server"]?.contains("forward . 10.2.1.4:31053 10.2.1.5:31053\n") == true)
    }

    @Test func forwardBlockText() {
        let block = CorefileForwardBlock(zone: "b.svc.cluster.local", port: 53, upstreams: ["10.0.0.4:30053"], cacheSeconds: 30)
        #expect(block.text == "b.svc.cluster.local:53 {\n    errors\n    cache 30\n    forward . 10.0.0.4:30053\n}\n")
    }

    @Test func setupAppliesTheDNSObjectsAndRestartsCoreDNSInEveryCluster() throws {
        let plan = try Fixture.smallPlan()
        let k3s = K3sGenerator(plan: plan, k3s: plan.k3s, nodeAccess: AzureGenerator(plan: plan, azure: plan.azure))
        let steps = k3s.setupSteps()
        #expect(steps.map(\.step.name) == ["k3s", "dns"])
        #expect(steps.map(\.phase) == [.cluster, .serviceDiscovery])
        let dns = steps[1].step.body.flatMap(\.commands)
        #expect(dns.filter { $0.name == "kubectl apply" }.compactMap { $0.value(of: "--filename") } == [
            "\"$TOPOLOGY_DIR/clusters/crdb-r1/dns\"", "\"$TOPOLOGY_DIR/clusters/crdb-r2/dns\"",
        ])
        #expect(dns.filter { $0.name == "kubectl rollout restart deployment/coredns" }.compactMap { $0.value(of: "--context") } == ["crdb-r1", "crdb-r2"])
        #expect(dns.filter { $0.name == "kubectl rollout status deployment/coredns" }.count == 2)
        #expect(dns.allSatisfy { $0.value(of: "--kubeconfig") == "\"$KUBECONFIG_FILE\"" })
    }

    @Test func teardownRemovesEachContextWithItsClusterAndUser() throws {
        let plan = try Fixture.smallPlan()
        let k3s = K3sGenerator(plan: plan, k3s: plan.k3s, nodeAccess: AzureGenerator(plan: plan, azure: plan.azure))
        let steps = k3s.teardownSteps()
        #expect(steps.map(\.step.name) == ["contexts"])
        #expect(steps.map(\.phase) == [.localState])
        let commands = steps[0].step.body.flatMap(\.commands).map(\.name)
        #expect(commands == [
            "kubectl config get-contexts crdb-r1", "kubectl config delete-context crdb-r1", "kubectl config unset clusters.crdb-r1",
            "kubectl config unset users.crdb-r1",
            "kubectl config get-contexts crdb-r2", "kubectl config delete-context crdb-r2", "kubectl config unset clusters.crdb-r2",
            "kubectl config unset users.crdb-r2",
        ])
    }
}
