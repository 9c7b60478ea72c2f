import RegionMesh
import RegionMeshTestSupport
import Testing

/// CockroachDB's settings and what the deployment can survive.
@Suite("CockroachDB rules")
struct CockroachRuleTests {
    @Test("zero replicas is an invalid count, reported at CockroachDB")
    func zeroReplicas() {
        let (declared, line) = (CockroachDB(replicas: 0), #line)
        let topology = Fixture.withSecondRegion { declared }
        #expect(topology.findings(.invalidNodeCount).map(\.location.line) == [line])
        #expect(topology.rulesReported == [.invalidNodeCount])
    }

    @Test("replicas equal to the node count are fine; one more is an error", arguments: [(3, 3, false), (5, 5, false), (3, 4, true), (1, 2, true)])
    func replicasAgainstNodes(nodes: Int, replicas: Int, rejected: Bool) {
        let topology = Fixture.withSecondRegion {
            Nodes(nodes)
            CockroachDB(replicas: replicas)
        }
        #expect(topology.findings(.replicasExceedNodes).isEmpty != rejected)
    }

    @Test("fewer than three replicas in a region warn, whether declared or from the node count", arguments: [1, 2])
    func fewReplicas(count: Int) throws {
        let declared = Fixture.withSecondRegion { CockroachDB(replicas: count) }
        #expect(declared.rulesReported == [.tooFewReplicasForSurvival])
        let fromNodes = Fixture.withSecondRegion { Nodes(count) }
        #expect(fromNodes.rulesReported == [.tooFewReplicasForSurvival])
        #expect(fromNodes.diagnostics.first?.message.contains("runs \(count) CockroachDB replica") == true)
        #expect(Pipeline.compile(fromNodes).plan != nil)
    }

    @Test("too few replicas: at the Nodes line when replicas follow the node count, at CockroachDB when declared")
    func fewReplicasLocation() {
        // The CockroachDB of Defaults is shared by healthy regions; the region's own Nodes(2) is what to change.
        let (nodes, nodesLine) = (Nodes(2), #line)
        let fromNodes = Fixture.withSecondRegion { nodes }.findings(.tooFewReplicasForSurvival)
        #expect(fromNodes.map(\.location) == [nodes.sourceLocation])
        #expect(fromNodes.first?.location.line == nodesLine)

        let (declared, declaredLine) = (CockroachDB(replicas: 2), #line)
        let fromReplicas = Fixture.withSecondRegion {
            Nodes(5)
            declared
        }.findings(.tooFewReplicasForSurvival)
        #expect(fromReplicas.map(\.location.line) == [declaredLine])
    }

    @Test("one region, two regions warn; three do not; none is an error instead", arguments: [(1, true), (2, true), (3, false)])
    func regionsForSurvival(count: Int, warns: Bool) {
        let topology = Fixture.topology(regions: count)
        #expect(topology.findings(.tooFewRegionsForSurvival).count == (warns ? 1 : 0))
        #expect(topology.findings(.tooFewRegionsForSurvival).first?.severity ?? .warning == .warning)
    }

    @Test(
        "CockroachDB versions need the leading v and no build suffix",
        arguments: [
            ("v26.2.1", false), ("v25.4.0", false), ("v26.2.0-beta.1", false), ("26.2.1", true), ("v26.2", true), ("latest", true),
            ("v26.2.1+build.5", true),
            // Not SemVer: the version is an image tag and a label value, which Kubernetes would refuse.
            ("v26.2.0-beta.", true), ("v26.2.0-beta..1", true), ("v26.2.0-bêta.1", true), ("v26.2.0-", true),
        ])
    func cockroachVersions(version: String, rejected: Bool) {
        // The same version in every region: only whether it parses is at stake.
        let everywhere = Fixture.topology(regions: 3, defaults: [CockroachDB(version: version, storage: "10Gi", cpu: 1, memory: "4Gi")])
        #expect(everywhere.rulesReported == (rejected ? [.invalidVersion] : []))
        // In one region only: a version that parses and differs from the others' is a mix, one that
        // does not parse is only an error.
        let inOneRegion = Fixture.withSecondRegion { CockroachDB(version: version) }.rulesReported
        #expect(inOneRegion == (rejected ? [.invalidVersion] : version == "v26.2.1" ? [] : [.mixedCockroachVersions]))
    }

    @Test(
        "storage and memory must be Kubernetes quantities",
        arguments: [
            ("100Gi", "8Gi", false), ("1Ti", "512Mi", false), ("100G", "8000M", false), ("100", "8Gi", false),
            ("100GB", "8Gi", true), ("100Gi", "8gi", true), ("0Gi", "8Gi", true), ("", "8Gi", true), ("-1Gi", "8Gi", true),
        ])
    func quantities(storage: String, memory: String, rejected: Bool) {
        let reported = Fixture.withSecondRegion { CockroachDB(storage: storage, memory: memory) }.rulesReported
        #expect(reported == (rejected ? [.invalidQuantity] : []))
    }

    @Test("CPU must be at least one core")
    func cpu() {
        let (declared, line) = (CockroachDB(cpu: 0), #line)
        let findings = Fixture.withSecondRegion { declared }.findings(.invalidQuantity)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.contains("CockroachDB cpu is 0") == true)
    }

    @Test("a bad field and a good field of one declaration: only the bad one is reported", arguments: ["storage", "memory"])
    func oneBadField(field: String) {
        let crdb = field == "storage" ? CockroachDB(storage: "10GB", memory: "4Gi") : CockroachDB(storage: "10Gi", memory: "4GB")
        let findings = Fixture.withSecondRegion { crdb }.findings(.invalidQuantity)
        #expect(findings.count == 1)
        #expect(findings.first?.message.hasPrefix("CockroachDB \(field) ") == true)
    }

    @Test("a storage class in Defaults that is not a DNS-1123 subdomain is one error at its line",
        arguments: ["Local_Path", "local path", "-fast", "fast.", "a..b", String(repeating: "a", count: 64)])
    func storageClassMustBeADNSSubdomain(storageClass: String) {
        let (crdb, line) = (CockroachDB(storageClass: storageClass), #line)
        let findings = Fixture.topology(regions: 3, defaults: [crdb]).findings(.invalidStorageClass)
        #expect(findings.map(\.location.line) == [line], "reported once, at the declaration, not once per region")
        #expect(findings.allSatisfy { $0.severity == .error && $0.message.contains("'\(storageClass)'") })
    }

    @Test("storage classes Kubernetes accepts", arguments: ["local-path", "managed-csi-premium", "storage.example.com"])
    func validStorageClasses(storageClass: String) throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3, defaults: [CockroachDB(storageClass: storageClass)]))
        #expect(plan.regions.allSatisfy { plan.cockroach[$0].storageClass == storageClass })
    }
}
