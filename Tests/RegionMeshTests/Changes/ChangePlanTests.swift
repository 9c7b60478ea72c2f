import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

/// The change plan as data: its groups (deployment, then regions in plan order, then removed
/// regions), its counts per kind, what needs an acknowledgement, and its JSON.
@Suite("Change plan")
struct ChangePlanTests {
    static func change(_ region: String?, _ resource: String, _ kind: Change.Kind, deletesStorage: Bool = false) -> Change {
        Change(region: region, resource: resource, kind: kind, detail: "detail of \(resource)", deletesStorage: deletesStorage)
    }

    static let sample = ChangePlan(
        topology: "fixture", baseline: .plan,
        changes: [
            change("r4", "region r4", .removed, deletesStorage: true),
            change("r2", "VM size", .impossible),
            change(nil, "DNS image", .rollingRestart),
            change("r1", "DNS forwarders", .inPlace),
            change("r2", "DNS forwarders", .inPlace),
            change("r1", "StatefulSet cockroachdb in r1", .rollingRestart),
            change("r5", "region r5", .added),
        ])

    @Test("grouped: the deployment first, then the regions in the new plan's order, then the regions it no longer has")
    func grouped() {
        let groups = Self.sample.grouped(regionOrder: ["r1", "r2", "r3", "r5"])
        #expect(groups.map(\.region) == [nil, "r1", "r2", "r5", "r4"], "r3 has no change; removed r4 comes last")
        #expect(groups.map { $0.changes.map(\.resource) } == [
            ["DNS image"], ["DNS forwarders", "StatefulSet cockroachdb in r1"], ["VM size", "DNS forwarders"], ["region r5"], ["region r4"],
        ])
        #expect(ChangePlan(topology: "fixture", baseline: .plan, changes: []).grouped(regionOrder: ["r1"]).isEmpty)
    }

    @Test("counts: per kind, in the order of the kinds, without the kinds that have none")
    func counts() {
        let counts = Self.sample.counts
        #expect(counts.map(\.kind) == [.added, .removed, .inPlace, .rollingRestart, .impossible])
        #expect(counts.map(\.count) == [1, 1, 2, 2, 1])
        #expect(Change.Kind.allCases.map(\.title) == [
            "added", "removed", "changed in place", "rolling restart", "recreated", "impossible in place",
        ])
    }

    @Test("what cannot be made in place or deletes storage needs an acknowledgement")
    func acknowledgement() {
        #expect(Self.sample.needingAcknowledgement.map(\.resource) == ["region r4", "VM size"])
        #expect(!Self.change("r1", "node crdb-r1-node3", .removed).needsAcknowledgement, "a removal that deletes no storage")
        #expect(Self.change("r1", "CockroachDB pod cockroachdb-2", .removed, deletesStorage: true).needsAcknowledgement)
    }

    @Test("the JSON names kinds and baselines as the summary does, and reads back")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(Self.sample), as: UTF8.self)
        #expect(text.contains("\"baseline\":\"plan\""))
        for kind in ["removed", "impossible-in-place", "rolling-restart", "in-place", "added"] {
            #expect(text.contains("\"kind\":\"\(kind)\""), "\(kind)")
        }
        #expect(try JSONDecoder().decode(ChangePlan.self, from: Data(text.utf8)) == Self.sample)
        let core = ChangePlan(topology: "fixture", baseline: .corePlan, changes: [])
        #expect(String(decoding: try encoder.encode(core), as: UTF8.self).contains("\"baseline\":\"core-plan\""))
    }
}
