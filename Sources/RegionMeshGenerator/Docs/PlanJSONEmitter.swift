import Foundation
import RegionMesh

/// `plan.json`: the resolved Plan, every name, address, ID and port, so that a pull request's diff
/// shows exactly which resolved value changes (a renumbered cluster ID, a moved node IP).
enum PlanJSONEmitter {
    static func artifacts(for plan: Plan) throws -> [Artifact] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [Artifact(path: ArtifactPaths.planJSON, contents: String(decoding: try encoder.encode(plan), as: UTF8.self))]
    }
}
