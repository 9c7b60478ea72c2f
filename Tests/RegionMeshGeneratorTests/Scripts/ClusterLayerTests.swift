import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// What a first apply leaves behind in the clusters (#12), run for real against the stand-ins
/// (``ScriptWorld``): the CockroachDB license, the Cilium CA outside Helm, kube contexts left from
/// an earlier deployment, the question before anything is created, and the command log.
@Suite(.serialized) struct ClusterLayerTests {
    static let topology = Fixture.topology(regions: 3)
    static let license = "crl-0-ChB3cml0ZS1vbmx5LXRlc3Qta2V5"

    /// Everything under `folder`, read as text.
    static func text(under folder: URL) -> String {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return files.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    @Test func withoutALicenseSetupWarnsAndAsksBeforeItCreatesAnything() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let unanswered = try world.run("setup.sh", answeringYes: false)
        #expect(unanswered.status != 0)
        #expect(unanswered.stderr.contains(
            "warning: no CockroachDB license (COCKROACH_LICENSE or COCKROACH_LICENSE_FILE): since v24.3 a cluster without one is throttled after a 7-day grace period"))
        #expect(unanswered.stderr.contains("Go on despite the warnings above? Not confirmed"))
        #expect(unanswered.calls.allSatisfy { $0.hasPrefix("az account show") || $0.hasPrefix("curl ") }, "\(unanswered.calls)")

        let answered = try world.run("setup.sh")
        #expect(answered.status == 0, "\(answered.stderr.suffix(1500))")
        #expect(answered.stderr.contains("no CockroachDB license given: the cluster is throttled after its 7-day grace period"))
        #expect(!FileManager.default.fileExists(atPath: world.state.appendingPathComponent("crdb/settings.sql").path))
    }

    @Test func setupSummarisesWhatItCreatesAndAsksFirst() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let environment = ["COCKROACH_LICENSE": Self.license, "COCKROACH_ORGANIZATION": "Acme"]
        let run = try world.run("setup.sh", environment: environment, answeringYes: false)
        #expect(run.status != 0)
        #expect(run.stderr.contains("==> What setup.sh will create or bring to the plan"))
        #expect(run.stderr.contains("  VMs: 9 × Standard_D2s_v5 = 18 vCPUs"))
        #expect(run.stderr.contains("in eastus, westus, northeurope: 3 VNets, 6 peerings, 3 NSGs, 9 public IPs"))
        #expect(run.stderr.contains("Create or update fixture as above? Not confirmed"))
        #expect(!run.stderr.contains("warning: no CockroachDB license"))
        #expect(ScriptRunTests.creates(run.calls).isEmpty)
    }

    @Test func aLicenseIsSetOnceAfterInitAndAppearsInNoCommandLogOrFile() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let environment = ["COCKROACH_LICENSE": Self.license, "COCKROACH_ORGANIZATION": "Acme's Bank"]
        let run = try world.run("setup.sh", environment: environment)
        #expect(run.status == 0, "\(run.stderr.suffix(1500))")
        let sql = try String(contentsOf: world.state.appendingPathComponent("crdb/settings.sql"), encoding: .utf8)
        #expect(sql == "SET CLUSTER SETTING cluster.organization = 'Acme''s Bank';\nSET CLUSTER SETTING enterprise.license = '\(Self.license)';\n")
        let initCall = try #require(run.calls.firstIndex { $0.contains("/cockroach/cockroach init ") })
        let licenseCall = try #require(run.calls.firstIndex { $0.hasPrefix("kubectl exec -i ") && $0.contains(" sql ") })
        #expect(initCall < licenseCall)
        // The key is in no command line, no output, no log and no file of out/.
        #expect(!run.calls.joined().contains(Self.license))
        #expect(!run.stdout.contains(Self.license) && !run.stderr.contains(Self.license))
        let logs = world.home.appendingPathComponent(".regionmesh/fixture-logs")
        let log = Self.text(under: logs)
        #expect(log.contains("+ az group create --name rg-fixture"), "the log holds the commands")
        #expect(log.contains("+ license_sql '|' kubectl exec -i cockroachdb-0 "), "the pipeline is logged, the SQL it carries is not")
        #expect(!log.contains(Self.license))
        #expect(!Self.text(under: world.tree).contains(Self.license))

        // From a file, the same; run again, it sets the same values (setting them again changes nothing).
        let file = world.home.appendingPathComponent("license.txt")
        try "\(Self.license)\n".write(to: file, atomically: true, encoding: .utf8)
        let again = try world.run("cockroachdb/init.sh", ["--only", "license"], environment: ["COCKROACH_LICENSE_FILE": file.path, "COCKROACH_ORGANIZATION": "Acme's Bank"])
        #expect(again.status == 0, "\(again.stderr.suffix(1000))")
        #expect(try String(contentsOf: world.state.appendingPathComponent("crdb/settings.sql"), encoding: .utf8) == sql + sql)
        #expect(!again.calls.joined().contains(Self.license))
    }

    @Test func aLicenseWithoutItsOrganizationStopsThePreflight() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("setup.sh", environment: ["COCKROACH_LICENSE": Self.license])
        #expect(run.status != 0)
        #expect(run.stderr.contains("a CockroachDB license is issued to an organization: set COCKROACH_ORGANIZATION"))
        #expect(ScriptRunTests.creates(run.calls).isEmpty)
    }

    @Test func theCiliumCAKeyReachesTheClustersAsASecretAndNeverHelm() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(1500))")
        let caKey = world.home.appendingPathComponent(".regionmesh/fixture/cilium-ca/ca.key").path
        #expect(FileManager.default.fileExists(atPath: caKey))
        let helm = run.calls.filter { $0.hasPrefix("helm ") }
        #expect(!helm.isEmpty && helm.allSatisfy { !$0.contains("cilium-ca") && !$0.contains("--set") })
        let secrets = run.calls.filter { $0.hasPrefix("kubectl create secret generic cilium-ca ") }
        #expect(secrets.count == 3 && secrets.allSatisfy { $0.contains("--from-file ca.key=\(caKey)") })
        let lastSecret = try #require(run.calls.lastIndex { $0.hasPrefix("kubectl create secret generic cilium-ca ") })
        let firstInstall = try #require(run.calls.firstIndex { $0.hasPrefix("helm upgrade --install cilium ") })
        #expect(lastSecret < firstInstall, "certgen finds the CA when the chart installs")
        for cluster in ["crdb-r1", "crdb-r2", "crdb-r3"] {
            let values = try String(contentsOf: world.tree.appendingPathComponent("clusters/\(cluster)/cilium-values.yaml"), encoding: .utf8)
            #expect(values.contains("generateCA: false"))
            #expect(!values.contains("BEGIN") && !values.contains("key:"))
        }
    }

    @Test func aStaleContextOfTheSameNameIsShownAndReplacedOnlyWhenConfirmed() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        try FileManager.default.createDirectory(at: world.kubeconfig.deletingLastPathComponent(), withIntermediateDirectories: true)
        let stale = "context crdb-r1 https://198.51.100.9:6443\ncontext other https://192.0.2.1:6443\n"
        try stale.write(to: world.kubeconfig, atomically: true, encoding: .utf8)
        #expect(try world.run("azure/infrastructure.sh").status == 0)

        let refused = try world.run("k3s/install.sh", answeringYes: false)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("kube context crdb-r1 in \(world.kubeconfig.path) points at https://198.51.100.9:6443, but cluster crdb-r1 is at https://"))
        #expect(refused.stderr.contains("Replace kube context, cluster and user crdb-r1 in \(world.kubeconfig.path)? Not confirmed"))
        #expect(try String(contentsOf: world.kubeconfig, encoding: .utf8) == stale, "the kubeconfig is untouched")

        let replaced = try world.run("k3s/install.sh")
        #expect(replaced.status == 0, "\(replaced.stderr.suffix(1500))")
        let merged = try String(contentsOf: world.kubeconfig, encoding: .utf8)
        #expect(!merged.contains("198.51.100.9"))
        #expect(merged.contains("context other https://192.0.2.1:6443"), "other contexts stay")
        #expect(merged.split(separator: "\n").filter { $0.hasPrefix("context crdb-r") }.count == 3)
        // The node checks read each cluster's own kubeconfig, which no stale entry can shadow.
        #expect(replaced.calls.filter { $0.hasPrefix("kubectl get node ") }.allSatisfy { $0.contains("/kubeconfig/crdb-r") })
    }
}
