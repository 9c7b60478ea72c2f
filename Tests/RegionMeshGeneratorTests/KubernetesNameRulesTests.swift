import RegionMesh
import Testing

/// The validation rules added with the DNS and CockroachDB artifacts (their IDs are stable):
/// `invalid-topology-name`, `reserved-region-key`, `invalid-storage-class`.
@Suite struct KubernetesNameRulesTests {
    /// A valid three-region topology, with the given name, first region key and storage class.
    static func topology(name: String = "names-ok", firstKey: String = "east", storageClass: String? = nil) -> Topology {
        Topology(name) {
            Azure(resourceGroup: "rg-names", location: .eastus)
            Defaults {
                CockroachDB(version: "v26.2.1", storage: "10Gi", cpu: 1, memory: "4Gi", storageClass: storageClass)
                AdminAccess(from: "192.0.2.0/24")
            }
            Region(firstKey, location: .eastus, clusterID: 1) {
                Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
                Pods("10.10.0.0/16")
                Services("10.101.0.0/16")
            }
            Region("west", location: .westus, clusterID: 2) {
                Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24")
                Pods("10.11.0.0/16")
                Services("10.102.0.0/16")
            }
            Region("north", location: .northeurope, clusterID: 3) {
                Network(vnet: "10.3.0.0/16", subnet: "10.3.1.0/24")
                Pods("10.12.0.0/16")
                Services("10.103.0.0/16")
            }
        }
    }

    private func rules(_ topology: Topology) -> [Rule] { Validator.validate(topology).map(\.rule) }

    @Test func theBaseTopologyIsClean() {
        #expect(Validator.validate(Self.topology(storageClass: "local-path")).isEmpty)
    }

    @Test(arguments: ["default", "kube-system", "kube-public", "kube-node-lease"])
    func reservedNamespacesAreNotRegionKeys(key: String) throws {
        let diagnostics = Validator.validate(Self.topology(firstKey: key)).filter { $0.rule == .reservedRegionKey }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("'\(key)'"))
        #expect(Planner.compile(Self.topology(firstKey: key)).plan == nil)
    }

    @Test func aKeyThatOnlyContainsKubeIsFine() {
        #expect(!rules(Self.topology(firstKey: "cube-east")).contains(.reservedRegionKey))
        #expect(!rules(Self.topology(firstKey: "east-kube")).contains(.reservedRegionKey))
    }

    @Test(arguments: ["Local_Path", "local path", "-fast", "fast.", "a..b", String(repeating: "a", count: 64)])
    func storageClassMustBeADNSSubdomain(storageClass: String) {
        let diagnostics = Validator.validate(Self.topology(storageClass: storageClass)).filter { $0.rule == .invalidStorageClass }
        #expect(diagnostics.count == 3, "one per region using the default")
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("'\(storageClass)'") })
    }

    @Test(arguments: ["local-path", "managed-csi-premium", "storage.example.com"])
    func validStorageClasses(storageClass: String) {
        #expect(!rules(Self.topology(storageClass: storageClass)).contains(.invalidStorageClass))
    }

    @Test(arguments: ["Three Regions", "crdb_three", "-crdb", String(repeating: "x", count: 64), ""])
    func topologyNameMustBeADNSLabel(name: String) throws {
        let diagnostic = try #require(Validator.validate(Self.topology(name: name)).first { $0.rule == .invalidTopologyName })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("app.kubernetes.io/part-of"))
    }

    @Test func rulesAreListedAlphabetically() {
        let ids = Rule.allCases.map(\.rawValue)
        #expect(ids == ids.sorted())
        for rule in [Rule.invalidStorageClass, .invalidTopologyName, .reservedRegionKey] {
            #expect(!rule.summary.isEmpty)
        }
    }
}
