import RegionMesh
import RegionMeshTestSupport
import Testing

/// k3s releases: a pinned `+k3s` release, or a channel (which warns).
@Suite("k3s rules")
struct K3sRuleTests {
    @Test(
        "k3s: a pinned +k3s release or a channel",
        arguments: [
            (K3s(version: "v1.33.5+k3s1"), Rule?.none), (K3s(version: "v1.32.9+k3s2"), nil),
            (K3s(version: "v1.33.5"), .invalidVersion), (K3s(version: "1.33.5+k3s1"), .invalidVersion), (K3s(version: "latest"), .invalidVersion),
            (K3s(channel: "stable"), .unpinnedK3sVersion), (K3s(channel: "v1.33"), .unpinnedK3sVersion), (K3s(channel: ""), .invalidVersion),
            (K3s(channel: "stable; rm -rf /"), .invalidVersion),
        ])
    func k3sVersions(k3s: K3s, rule: Rule?) {
        let reported = Fixture.withSecondRegion { k3s }.rulesReported
        #expect(reported == (rule.map { [$0] } ?? []))
    }

    @Test("a channel is planned as a channel; a region without K3s gets the release of Defaults")
    func planned() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { K3s(channel: "stable") })
        #expect(plan.regions.map { plan.k3s[$0].release.description } == ["v1.33.5+k3s1", "channel 'stable'", "v1.33.5+k3s1"])
    }
}
