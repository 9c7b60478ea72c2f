import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// Each cluster's own DNS (in place of k3s's single CoreDNS pod), and the setup and teardown steps
/// of k3s.
@Suite struct ClusterDNSTests {
    static func objects(_ plan: Plan, in region: String) -> [any KubernetesObject] {
        ClusterDNS(plan: plan, k3s: plan.k3s).objects.filter { $0.region.key == region }.map(\.object)
    }

    static func k3s(_ plan: Plan) -> K3sGenerator {
        let azure = AzureGenerator(plan: plan, azure: plan.azure)
        return K3sGenerator(plan: plan, k3s: plan.k3s, nodeAccess: azure, machines: azure)
    }

    @Test func theCorefileServesTheClusterAndForwardsEachOtherRegionWithStaleServing() throws {
        let plan = try Fixture.smallPlan()
        let artifact = try #require(
            try ClusterManifests.artifacts(plan, objects: ClusterDNS(plan: plan, k3s: plan.k3s).objects, notes: [])
                .first { $0.path == "clusters/crdb-r1/dns/configmap-coredns.yaml" })
        assertSnapshot(of: artifact.contents, named: "configmap-coredns.yaml")
        let corefile = Corefile(
            clusterDomain: "cluster.local", forwarders: plan.regions[0].dnsForwarders, port: 53, cacheSeconds: 30, serveStale: "1h").text
        #expect(corefile.contains("    reload\n"))
        #expect(corefile.contains("r2.svc.cluster.local:53 {\n    errors\n    cache 30 {\n        serve_stale 1h\n    }\n    forward . 10.2.1.4:30053 10.2.1.5:30053\n}\n"))
        #expect(!corefile.contains("r1.svc.cluster.local:53"), "a cluster answers its own zone itself")
    }

    @Test func replicasAreSpreadOnePerNodeAndAnUpdateNeverTakesOneAway() throws {
        let plan = try Fixture.smallPlan(nodes: 4)
        let deployment = try #require(Self.objects(plan, in: "r1").compactMap { $0 as? Deployment }.first)
        #expect(deployment.spec.replicas == 3, "up to three replicas")
        #expect(deployment.spec.strategy.rollingUpdate.maxUnavailable == 0)
        #expect(deployment.spec.strategy.rollingUpdate.maxSurge == 1)
        let spread = try #require(deployment.spec.template.spec.topologySpreadConstraints?.first)
        #expect(spread.topologyKey == "kubernetes.io/hostname")
        #expect(spread.whenUnsatisfiable == "DoNotSchedule")
        let budget = try #require(Self.objects(plan, in: "r1").compactMap { $0 as? PodDisruptionBudget }.first)
        #expect(budget.spec.maxUnavailable == 1)
    }

    @Test func outsideNamesResolveThroughTheNodeNotBackThroughItself() throws {
        let plan = try Fixture.smallPlan()
        let deployment = try #require(Self.objects(plan, in: "r1").compactMap { $0 as? Deployment }.first)
        // The Corefile forwards everything else to /etc/resolv.conf; under the default ClusterFirst
        // policy that file names kube-dns, these very pods, and the loop plugin stops CoreDNS.
        #expect(deployment.spec.template.spec.dnsPolicy == .node)
        let artifact = try #require(
            try ClusterManifests.artifacts(plan, objects: ClusterDNS(plan: plan, k3s: plan.k3s).objects, notes: [])
                .first { $0.path == "clusters/crdb-r1/dns/deployment-coredns.yaml" })
        #expect(artifact.contents.contains("\n      dnsPolicy: Default\n"))
    }

    @Test func aOneNodeRegionRunsOneReplicaWithoutABudget() throws {
        let plan = try Fixture.smallPlan(nodes: 1)
        let objects = Self.objects(plan, in: "r1")
        #expect(objects.compactMap { $0 as? Deployment }.map(\.spec.replicas) == [1])
        #expect(objects.compactMap { $0 as? PodDisruptionBudget }.isEmpty)
    }

    @Test func bothServicesSelectTheReplicasAndTheClusterServiceHasTheDNSAddress() throws {
        let plan = try Fixture.smallPlan(defaults: [NodePorts(dns: 31053)])
        let services = Self.objects(plan, in: "r2").compactMap { $0 as? Service }
        #expect(services.map(\.metadata.name).sorted() == ["kube-dns", "kube-dns-nodeport"])
        let cluster = try #require(services.first { $0.metadata.name == "kube-dns" })
        #expect(cluster.spec.clusterIP == plan.regions[1].addresses.dnsServiceIP.description)
        let nodePort = try #require(services.first { $0.metadata.name == "kube-dns-nodeport" })
        #expect(nodePort.spec.ports.map(\.nodePort) == [31053, 31053])
        #expect(services.allSatisfy { $0.spec.selector.entries == ClusterDNS.podSelector.entries })
    }

    @Test func setupAppliesTheDNSFolderAndWaitsForTheRolloutWithoutARestart() throws {
        let steps = Self.k3s(try Fixture.smallPlan()).setupSteps()
        #expect(steps.map(\.step.name) == ["k3s", "dns", "remove-nodes"])
        #expect(steps.map(\.phase) == [.cluster, .serviceDiscovery, .machineRetirement])
        let dns = steps[1].step.body.flatMap(\.commands)
        #expect(dns.filter { $0.name == "kubectl apply" }.compactMap { $0.value(of: "--filename") } == [
            "\"$TOPOLOGY_DIR/clusters/crdb-r1/dns\"", "\"$TOPOLOGY_DIR/clusters/crdb-r2/dns\"",
        ])
        #expect(!dns.contains { $0.name.contains("rollout restart") }, "reload picks up a changed Corefile")
        #expect(dns.filter { $0.name == "kubectl rollout status deployment/coredns" }.count == 2)
        #expect(dns.allSatisfy { $0.value(of: "--kubeconfig") == "\"$KUBECONFIG_FILE\"" })
    }

    @Test func teardownRemovesEachContextWithItsClusterAndUser() throws {
        let steps = Self.k3s(try Fixture.smallPlan()).teardownSteps()
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
