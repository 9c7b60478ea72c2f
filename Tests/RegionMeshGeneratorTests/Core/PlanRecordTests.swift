import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// What an output folder records of its last generation (`plan.json`, `change-plan.json`), and how
/// the next generation reads it.
@Suite struct PlanRecordTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-plan-record-\(UUID().uuidString)")

    /// Writes `text` as `out/fixture/<file>` under the temporary root.
    func write(_ text: String, to file: String) throws {
        let folder = root.appendingPathComponent("fixture")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    @Test func aFolderWithoutPlanJSONIsAFirstGeneration() throws {
        let record = try PlanRecord.read(topology: "fixture", root: root)
        guard case .none = record.previous else {
            Issue.record("expected no previous plan, got \(record.previous)")
            return
        }
        #expect(record.lastChange == nil)
        #expect(record.changes(to: try Fixture.smallPlan()).baseline == .none)
    }

    @Test func aCurrentPlanJSONIsReadWhole() throws {
        let plan = try Fixture.smallPlan()
        try write(try JSON.encode(plan), to: "plan.json")
        let record = try PlanRecord.read(topology: "fixture", root: root)
        guard case .plan(let previous) = record.previous else {
            Issue.record("expected the whole plan, got \(record.previous)")
            return
        }
        #expect(previous == plan)
        #expect(record.changes(to: plan) == ChangePlan(topology: "fixture", baseline: .plan, changes: []))
    }

    @Test func aRecordedPlanJSONOfTheNewPlansBytesIsTheNewPlanWithoutDecoding() throws {
        let recorded = try Fixture.smallPlan()
        let other = try Fixture.smallPlan(regions: 3)
        let text = try Generator.planFile(recorded).contents
        try write(text, to: "plan.json")
        // The same bytes: taken as the new plan (here another one, to show nothing was decoded).
        guard case .plan(let same) = try PlanRecord.read(topology: "fixture", root: root, current: (other, text)).previous else {
            Issue.record("expected a whole plan")
            return
        }
        #expect(same == other)
        // Other bytes: the recorded file is decoded.
        guard case .plan(let decoded) = try PlanRecord.read(topology: "fixture", root: root, current: (other, try Generator.planFile(other).contents)).previous else {
            Issue.record("expected a whole plan")
            return
        }
        #expect(decoded == recorded)
    }

    @Test func aPlanJSONOfAnotherShapeIsReadForItsCore() throws {
        let plan = try Fixture.smallPlan()
        // Another version's plan.json: the core fields as they are, the rest different.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(try JSON.encode(plan).utf8)) as? [String: Any])
        object["provider"] = ["gcp": ["project": "x"]]
        object.removeValue(forKey: "tools")
        try write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), to: "plan.json")
        let record = try PlanRecord.read(topology: "fixture", root: root)
        guard case .core(let core) = record.previous else {
            Issue.record("expected the core of the plan, got \(record.previous)")
            return
        }
        #expect(core == CorePlanRecord(plan))
        #expect(record.changes(to: plan).baseline == .corePlan)
    }

    @Test(arguments: ["{ not json", "{\"name\": \"fixture\"}", "[]"])
    func aPlanJSONRegionMeshDidNotWriteIsAnErrorNamingTheFile(text: String) throws {
        try write(text, to: "plan.json")
        #expect {
            _ = try PlanRecord.read(topology: "fixture", root: root)
        } throws: { error in
            let message = (error as? GeneratorError)?.message ?? ""
            return message.contains("fixture/plan.json is not a plan RegionMesh wrote (")
                && message.hasSuffix("restore it from version control, or delete it to generate without a change plan")
        }
    }

    @Test func aMissingKeyIsNamed() throws {
        try write("{\"name\": \"fixture\"}", to: "plan.json")
        #expect {
            _ = try PlanRecord.read(topology: "fixture", root: root)
        } throws: { error in
            (error as? GeneratorError)?.message.contains("(no 'regions')") == true
        }
    }

    @Test func theRecordedChangePlanIsKeptWhileNothingChanges() throws {
        let previous = try Fixture.plan(Fixture.topology(regions: 2, nodes: 2))
        let plan = try Fixture.plan(Fixture.topology(regions: 3, nodes: 2))
        let recorded = PlanComparison.changes(from: .plan(previous), to: plan)
        #expect(!recorded.isEmpty)
        try write(try JSON.encode(plan), to: "plan.json")
        try write(try JSON.encode(recorded), to: "change-plan.json")
        let record = try PlanRecord.read(topology: "fixture", root: root)
        #expect(record.lastChange == recorded)
        // Regenerating the same plan records the change that led to it, not "no change".
        let none = record.changes(to: plan)
        #expect(none.isEmpty)
        #expect(record.changeToRecord(none) == recorded)
        // A new change replaces it.
        let next = try Fixture.plan(Fixture.topology(regions: 3, nodes: 2, cilium: "1.19.6"))
        let changed = record.changes(to: next)
        #expect(!changed.isEmpty)
        #expect(record.changeToRecord(changed) == changed)
        // A first generation records itself.
        let first = PlanRecord(previous: .none, lastChange: recorded)
        let firstChanges = first.changes(to: plan)
        #expect(first.changeToRecord(firstChanges) == firstChanges)
    }

    @Test func anUnreadableChangePlanIsIgnored() throws {
        let plan = try Fixture.smallPlan()
        try write(try JSON.encode(plan), to: "plan.json")
        try write("{ not json", to: "change-plan.json")
        let record = try PlanRecord.read(topology: "fixture", root: root)
        #expect(record.lastChange == nil)
        let none = record.changes(to: plan)
        #expect(record.changeToRecord(none) == none)
    }

    @Test func theChangePlanArtifactIsTheLastChangeAndTheReadmeShowsIt() throws {
        let plan = try Fixture.smallPlan()
        let first = try Generator.artifacts(for: plan)
        let empty = try #require(first.first { $0.path == "change-plan.json" })
        #expect(try JSONDecoder().decode(ChangePlan.self, from: Data(empty.contents.utf8)) == ChangePlan(topology: "fixture", baseline: .none, changes: []))
        #expect(!empty.isExecutable)
        let readme = try #require(first.first { $0.path == "README.md" }).contents
        #expect(readme.contains("\n## Last change\n\nFirst generation: `setup.sh` creates everything below.\n\n## "))

        let previous = try Fixture.plan(Fixture.topology(regions: 3, nodes: 2))
        let last = PlanComparison.changes(from: .plan(previous), to: plan)
        let artifacts = try Generator.artifacts(for: plan, lastChange: last)
        let json = try #require(artifacts.first { $0.path == "change-plan.json" })
        #expect(json.contents == (try JSON.encode(last)) + "\n")
        let readmeAfter = try #require(artifacts.first { $0.path == "README.md" }).contents
        let section = try #require(readmeAfter.components(separatedBy: "\n## Last change\n\n").dropFirst().first)
        #expect(section.hasPrefix(ChangeSummary.markdown(last, plan: plan)))
        #expect(section.contains("| r3 | removed | region r3 |"))
    }
}
