import PropertyBased
import RegionMeshTestSupport
import Testing

@testable import RegionMesh

/// The DSL fed arbitrary values in one region of the valid fixture, through the whole pipeline:
/// validation never crashes, a malformed value is always reported under its rule, and a value the
/// reference grammar accepts never is. (The reference grammars are in ``Reference``.)
@Suite("Validation properties")
struct ValidationPropertyTests {
    /// The rules the topology with region `r2` changed by `content` reports, compiled to the end
    /// (a Plan when nothing is an error).
    private func reported(@RegionBuilder _ content: () -> [any RegionStatement]) -> (rules: Set<Rule>, diagnostics: [Diagnostic]) {
        let topology = Fixture.withSecondRegion(content)
        let compilation = Pipeline.compile(topology)
        #expect((compilation.plan == nil) == compilation.diagnostics.containsErrors)
        return (Set(compilation.diagnostics.map(\.rule)), compilation.diagnostics)
    }

    @Test("region keys: anything but a DNS-1123 label is invalid-region-key")
    func regionKeys() async {
        let examples = ["eastus", "r2", "west-2", "kube-system", "default", String(repeating: "k", count: 63)]
        await propertyCheck(count: 300, input: TextGen.strings(near: examples, length: 0...70)) { key in
            let topology = Fixture.topology {
                Fixture.region(1)
                Fixture.region(2, key: key) { ClusterName("two") }
                Fixture.region(3)
            }
            let compilation = Pipeline.compile(topology)
            let rules = Set(compilation.diagnostics.map(\.rule))
            #expect(rules.contains(.invalidRegionKey) == !Reference.dnsLabel(key), "'\(key)': \(compilation.diagnostics)")
            if let plan = compilation.plan {
                #expect(plan.regions.map(\.namespace) == ["r1", key, "r3"])
            }
        }
    }

    @Test("cluster names: anything but 1–32 of a DNS-1123 label (and not 'default') is invalid-cluster-name")
    func clusterNames() async {
        let examples = ["crdb-r2", "two", "default", String(repeating: "c", count: 32), "a-b-c"]
        await propertyCheck(count: 300, input: TextGen.strings(near: examples, length: 0...40)) { name in
            let (rules, diagnostics) = reported { ClusterName(name) }
            let valid = Reference.dnsLabel(name) && name.count <= 32 && name != "default"
            #expect(rules.contains(.invalidClusterName) == !valid, "'\(name)': \(diagnostics)")
        }
    }

    @Test("CockroachDB versions: only v-prefixed SemVer without a build suffix")
    func cockroachVersions() async {
        await propertyCheck(count: 300, input: TextGen.strings(near: ["v26.2.1", "v25.4.0", "v26.2.0-beta.1", "26.2.1"])) { version in
            let (rules, diagnostics) = reported { CockroachDB(version: version) }
            let valid = Reference.version(version, requireV: true) && !version.contains("+")
            #expect(rules.contains(.invalidVersion) == !valid, "'\(version)': \(diagnostics)")
        }
    }

    @Test("k3s versions: only v-prefixed SemVer with a +k3s build")
    func k3sVersions() async {
        await propertyCheck(count: 300, input: TextGen.strings(near: ["v1.35.4+k3s1", "v1.33.5+k3s2", "v1.35.4-rc1+k3s1", "1.35.4"])) { version in
            let (rules, diagnostics) = reported { K3s(version: version) }
            let core = version.prefix { $0 != "-" && $0 != "+" }
            let valid = Reference.version(version, requireV: true) && version.dropFirst(core.count).hasPrefix("+k3s")
            #expect(rules.contains(.invalidVersion) == !valid, "'\(version)': \(diagnostics)")
        }
    }

    @Test("Cilium versions: malformed is invalid-version; well-formed outside 1.18 and 1.19 is unsupported-cilium-version")
    func ciliumVersions() async {
        await propertyCheck(count: 300, input: TextGen.strings(near: ["1.19.5", "1.18.11", "v1.19.0", "1.17.4", "1.19.0-pre.1"])) { version in
            let (rules, diagnostics) = reported { Cilium(version: version) }
            let wellFormed = Reference.version(version, requireV: false)
            #expect(rules.contains(.invalidVersion) == !wellFormed, "'\(version)': \(diagnostics)")
            let bare = version.hasPrefix("v") ? version.dropFirst() : Substring(version)
            let supported = wellFormed && (bare.hasPrefix("1.18.") || bare.hasPrefix("1.19.")) && !bare.contains("-") && !bare.contains("+")
            #expect(rules.contains(.unsupportedCiliumVersion) == (wellFormed && !supported), "'\(version)': \(diagnostics)")
        }
    }

    @Test("quantities: storage and memory that are no Kubernetes quantity of at least one byte are invalid-quantity", arguments: ["storage", "memory"])
    func quantities(field: String) async {
        await propertyCheck(count: 300, input: TextGen.strings(near: ["10Gi", "7.5Gi", "512Mi", "1e9", "0", "100m", "-1Gi"])) { text in
            let (rules, diagnostics) = reported { field == "storage" ? CockroachDB(storage: text) : CockroachDB(memory: text) }
            let grammatical = Reference.quantity(text).valid
            let accepted = grammatical && (Quantity(text)?.value ?? 0) >= 1
            #expect(rules.contains(.invalidQuantity) == !accepted, "'\(text)': \(diagnostics)")
        }
    }

    @Test("VM sizes: malformed is invalid-vm-size with a suggestion that is a known size; well-formed but unknown warns")
    func vmSizes() async {
        await propertyCheck(count: 200, input: TextGen.strings(near: ["Standard_D4s_v5", "Standard_D8sv5", "Standard_B2ms", "Standard_D9s_v5"])) { size in
            let (rules, diagnostics) = reported { VirtualMachines(size: size) }
            #expect(rules.contains(.invalidVMSize) == !Reference.vmSize(size), "'\(size)': \(diagnostics)")
            #expect(rules.contains(.unknownVMSize) == (Reference.vmSize(size) && !AzureVMSizes.known.contains(size)), "'\(size)': \(diagnostics)")
            for diagnostic in diagnostics where [.invalidVMSize, .unknownVMSize].contains(diagnostic.rule) {
                if let hint = Self.quoted(after: "did you mean '", in: diagnostic.message) {
                    #expect(AzureVMSizes.known.contains(hint), "the hint '\(hint)' is a size RegionMesh knows")
                }
            }
        }
    }

    @Test("admin users: every name the Azure CLI refuses is invalid-admin-user; a suggested spelling passes")
    func adminUsers() async {
        let examples = ["ops", "azureuser", "root", "Admin", "crdb_ops", "-ops", "$ops", String(repeating: "u", count: 64)]
        await propertyCheck(count: 300, input: TextGen.strings(near: examples, length: 0...70)) { user in
            let (rules, diagnostics) = reported { VirtualMachines(adminUser: user) }
            if Reference.azureRefusesAdminUser(user) {
                #expect(rules.contains(.invalidAdminUser), "'\(user)': \(diagnostics)")
            }
            for diagnostic in diagnostics where diagnostic.rule == .invalidAdminUser {
                if let hint = Self.quoted(after: "write '", in: diagnostic.message) {
                    #expect(!reported { VirtualMachines(adminUser: hint) }.rules.contains(.invalidAdminUser), "the hint '\(hint)' for '\(user)' passes")
                }
            }
        }
    }

    /// The text between `marker` and the next `'` in `message`.
    static func quoted(after marker: String, in message: String) -> String? {
        guard let start = message.range(of: marker)?.upperBound, let end = message[start...].firstIndex(of: "'") else { return nil }
        return String(message[start..<end])
    }
}
