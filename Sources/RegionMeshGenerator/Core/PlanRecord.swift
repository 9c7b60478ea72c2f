import Foundation
import RegionMesh

/// What a topology's output folder records of its last generation: the plan (plan.json) and the
/// change plan that led to it (change-plan.json). The next generation compares its plan with the
/// recorded one, so the change summary says what applying it will do to the deployment built from
/// the committed folder.
public struct PlanRecord: Sendable {
    /// The plan last generated.
    public let previous: PreviousPlan
    /// The change plan last recorded, if the folder has one RegionMesh can read.
    public let lastChange: ChangePlan?

    /// Reads the record of `topology` under `root`; a folder without plan.json is a first generation.
    /// With `current` (the new plan and the text of its plan.json), a recorded plan.json of the same bytes
    /// is that plan, without decoding it: regenerating an unchanged topology reads no plan.
    public static func read(topology: String, root: URL, current: (plan: Plan, json: String)? = nil) throws(GeneratorError) -> PlanRecord {
        let folder = root.appendingPathComponent(topology, isDirectory: true)
        let planFile = folder.appendingPathComponent(ArtifactPaths.planJSON)
        guard let data = try contents(of: planFile) else { return PlanRecord(previous: .none, lastChange: nil) }
        let decoder = JSONDecoder()
        let previous: PreviousPlan
        if let current, Self.bytes(of: data, equal: current.json) {
            previous = .plan(current.plan)
        } else if let plan = try? decoder.decode(Plan.self, from: data) {
            previous = .plan(plan)
        } else {
            do { previous = .core(try decoder.decode(CorePlanRecord.self, from: data)) } catch {
                throw GeneratorError(
                    "\(planFile.relativePath) is not a plan RegionMesh wrote (\(JSONProblem.describe(error))); "
                        + "restore it from version control, or delete it to generate without a change plan")
            }
        }
        let changeFile = folder.appendingPathComponent(ArtifactPaths.changePlanJSON)
        let lastChange = try contents(of: changeFile).flatMap { try? decoder.decode(ChangePlan.self, from: $0) }
        return PlanRecord(previous: previous, lastChange: lastChange)
    }

    /// The change plan from the recorded plan to `plan`.
    public func changes(to plan: Plan) -> ChangePlan {
        PlanComparison.changes(from: previous, to: plan)
    }

    /// The change plan the new output records: the new changes, or, when the plan has not changed,
    /// the one recorded before, so that regenerating an unchanged topology changes no file.
    public func changeToRecord(_ changes: ChangePlan) -> ChangePlan {
        if changes.isEmpty, changes.baseline != .none, let lastChange { return lastChange }
        return changes
    }

    /// Whether `data` holds exactly the UTF-8 bytes of `text` (compared in place).
    private static func bytes(of data: Data, equal text: String) -> Bool {
        var text = text
        return text.withUTF8 { text in
            data.count == text.count && data.withUnsafeBytes { data in text.isEmpty || memcmp(data.baseAddress!, text.baseAddress!, text.count) == 0 }
        }
    }

    private static func contents(of file: URL) throws(GeneratorError) -> Data? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do { return try Data(contentsOf: file) } catch {
            throw GeneratorError("cannot read \(file.relativePath): \(error.localizedDescription)")
        }
    }
}

/// A one-line description of a JSON decoding failure.
enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context): context.debugDescription
        case .keyNotFound(let key, let context): "no '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "unexpected value at '\(path(context.codingPath))'"
        default: "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
