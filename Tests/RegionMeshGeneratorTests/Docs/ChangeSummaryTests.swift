import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The change summary as people read it: the terminal lines of `regionmesh generate` and `plan`,
/// and the "Last change" section of the generated README.
@Suite struct ChangeSummaryTests {
    static let record = "out/fixture/plan.json"

    /// Two regions of two nodes: r2's VMs grow (impossible in place) and Cilium is upgraded (a
    /// rolling restart in both regions).
    static func resizedAndUpgraded() throws -> (changes: ChangePlan, plan: Plan) {
        let previous = try Fixture.plan(Fixture.topology(regions: 2, nodes: 2))
        let next = try Fixture.plan(
            Fixture.topology(regions: 2, nodes: 2, cilium: "1.19.6") { n in if n == 2 { VirtualMachines(size: "Standard_D4s_v5") } })
        return (PlanComparison.changes(from: .plan(previous), to: next), next)
    }

    @Test func aFirstGenerationSaysSetupCreatesEverything() throws {
        let plan = try Fixture.smallPlan()
        let changes = PlanComparison.changes(from: .none, to: plan)
        #expect(ChangeSummary.lines(changes, plan: plan, recordPath: Self.record) == [
            "fixture: first generation (no out/fixture/plan.json): setup.sh creates everything"
        ])
        #expect(ChangeSummary.markdown(changes, plan: plan) == "First generation: `setup.sh` creates everything below.\n")
    }

    @Test func anUnchangedPlanSaysSo() throws {
        let plan = try Fixture.smallPlan()
        let changes = PlanComparison.changes(from: .plan(plan), to: plan)
        #expect(ChangeSummary.lines(changes, plan: plan, recordPath: Self.record) == ["fixture: no change against out/fixture/plan.json"])
        #expect(ChangeSummary.markdown(changes, plan: plan) == "No change against the plan generated before.\n")
        // Against another version's plan.json, it says what was compared.
        let core = PlanComparison.changes(from: .core(CorePlanRecord(plan)), to: plan)
        let lines = ChangeSummary.lines(core, plan: plan, recordPath: Self.record)
        #expect(lines.count == 2)
        #expect(lines.first == "fixture: no change against out/fixture/plan.json")
        #expect(lines.last?.hasSuffix("only regions, clusters, address ranges and nodes were compared)") == true)
    }

    @Test func theTerminalSummaryGoesRegionByRegionWithRestartsAndRemedies() throws {
        let (changes, plan) = try Self.resizedAndUpgraded()
        let cilium = "1.19.5 → 1.19.6 (helm upgrade); pods keep their connections while an agent restarts"
        let restarts = "      restarts: DaemonSet cilium, Deployment cilium-operator, Deployment clustermesh-apiserver"
        #expect(ChangeSummary.lines(changes, plan: plan, recordPath: Self.record) == [
            "fixture: 3 changes (2 rolling restart, 1 impossible in place) against out/fixture/plan.json",
            "  region r1",
            "    ↻ rolling restart     Cilium release  \(cilium)",
            restarts,
            "  region r2",
            "    ! impossible in place VM size         Standard_D2s_v5 → Standard_D4s_v5: resizing restarts each VM, which setup.sh does not do to a running database",
            "      instead: per node, one at a time: cockroach node drain, az vm resize --size Standard_D4s_v5, then wait until the node is live again",
            "    ↻ rolling restart     Cilium release  \(cilium)",
            restarts,
        ])
        #expect(ChangeSummary.headline(changes) == "3 changes (2 rolling restart, 1 impossible in place)")
    }

    @Test func theReadmeSectionIsATableWithTheAcknowledgementNote() throws {
        let (changes, plan) = try Self.resizedAndUpgraded()
        let markdown = ChangeSummary.markdown(changes, plan: plan)
        #expect(markdown.hasPrefix(
            "Against the plan generated before (3 changes (2 rolling restart, 1 impossible in place)), applying this folder with `setup.sh` does:\n\n"
                + "| Region | Change | Resource | What happens |\n| --- | --- | --- | --- |\n"))
        #expect(markdown.contains(
            "\n| r1 | rolling restart | Cilium release | 1.19.5 → 1.19.6 (helm upgrade); pods keep their connections while an agent restarts. "
                + "Restarts: DaemonSet cilium, Deployment cilium-operator, Deployment clustermesh-apiserver |\n"))
        #expect(markdown.contains(
            "\n| r2 | impossible in place | VM size | Standard_D2s_v5 → Standard_D4s_v5: resizing restarts each VM, which setup.sh does not do to a running database. "
                + "Instead: per node, one at a time: cockroach node drain, az vm resize --size Standard_D4s_v5, then wait until the node is live again |\n"))
        #expect(markdown.hasSuffix(
            "\n\n1 of these cannot be made in place or delete storage; they were acknowledged with `swift run regionmesh generate --allow-destructive-changes`.\n"))
        // Without anything to acknowledge, there is no note.
        let safe = PlanComparison.changes(from: .plan(try Fixture.plan(Fixture.topology(regions: 2, nodes: 2))), to: try Fixture.plan(Fixture.topology(regions: 3, nodes: 2)))
        #expect(!ChangeSummary.markdown(safe, plan: try Fixture.plan(Fixture.topology(regions: 3, nodes: 2))).contains("acknowledged"))
    }

    @Test func aRemovedRegionComesLastAndTheCoreBaselineIsNamed() throws {
        let previous = try Fixture.plan(Fixture.topology(regions: 3, nodes: 2))
        let next = try Fixture.plan(Fixture.topology(regions: 2, nodes: 2))
        let core = PlanComparison.changes(from: .core(CorePlanRecord(previous)), to: next)
        let lines = ChangeSummary.lines(core, plan: next, recordPath: Self.record)
        #expect(lines.count == 4)
        #expect(lines[0] == "fixture: 1 change (1 removed) against out/fixture/plan.json")
        #expect(lines[1].hasPrefix("  (out/fixture/plan.json ") && lines[1].hasSuffix("only regions, clusters, address ranges and nodes were compared)"))
        #expect(lines[2] == "  region r3")
        #expect(lines[3].hasPrefix("    - removed             region r3  its database nodes are decommissioned first"))
        // Against the whole plan, the deployment-wide and kept regions' changes come before the removed region.
        let whole = PlanComparison.changes(from: .plan(previous), to: next)
        let regions = ChangeSummary.lines(whole, plan: next, recordPath: Self.record).filter { $0.hasPrefix("  region ") }
        #expect(regions == ["  region r1", "  region r2", "  region r3"])
    }
}
