import Foundation
import RegionMesh

/// The whole pipeline, top to bottom, for one run of `regionmesh generate`:
///
/// ```
/// Topology ─▶ GatheredTopology ─▶ ValidatedTopology ─▶ Plan      (RegionMesh.Pipeline.compile)
///          ─▶ ChangePlan against out/<topology>/plan.json         (PlanRecord, PlanComparison)
///          ─▶ [Artifact]                                          (Generator.artifacts)
///          ─▶ ChangeSet                                           (OutputWriter.changes)
///          ─▶ out/<topology>/                                     (OutputWriter.apply)
/// ```
///
/// Nothing is written when any topology has an error, any change would overwrite work done by
/// hand (unless forced), or a change that cannot be made in place or deletes storage is not
/// acknowledged.
public enum Generation {
    /// What a run does with the changes it finds.
    public enum Mode: Equatable, Sendable {
        /// Write the changes; `force` overwrites files edited by hand.
        case write(force: Bool)
        /// Write nothing; report what would change.
        case check
    }

    /// Why a run wrote nothing.
    public enum Blocker: Equatable {
        /// A topology has errors (see the diagnostics).
        case invalidTopology
        /// Writing would lose work; one message per file.
        case conflicts([String])
        /// Changes that cannot be made in place or delete storage, not acknowledged with
        /// `allowDestructiveChanges`.
        case unacknowledgedChanges([ChangePlan])
    }

    /// The outcome of a run.
    public struct Result {
        /// Every diagnostic of every topology.
        public var diagnostics: [Diagnostic] = []
        /// The changes per topology (empty when a topology is invalid).
        public var changeSets: [ChangeSet] = []
        /// Each topology's change plan against the plan recorded in its output folder.
        public var changePlans: [ChangePlan] = []
        /// The plans the change plans lead to, in the same order.
        public var plans: [Plan] = []
        /// Why nothing was written, if so.
        public var blocker: Blocker?
        /// Whether files were written.
        public var wrote = false
    }

    /// Runs generation of `topologies` into `root`; `context` is what the files say about the
    /// command that regenerates them and where `root` lies in the repository.
    public static func run(
        _ topologies: [Topology], into root: URL, mode: Mode, allowDestructiveChanges: Bool = false,
        context: GenerationContext = GenerationContext()
    ) throws(GeneratorError) -> Result {
        var result = Result()
        var names = Set<String>()
        for topology in topologies where !names.insert(topology.name).inserted {
            throw GeneratorError("two topologies are named '\(topology.name)'; each needs its own folder under \(root.relativePath)")
        }
        var plans: [Plan] = []
        for compilation in Pipeline.compile(topologies) {
            result.diagnostics += compilation.diagnostics
            if let plan = compilation.plan { plans.append(plan) }
        }
        if plans.count < topologies.count {
            result.blocker = .invalidTopology
            return result
        }
        let writer = OutputWriter(root: root)
        result.plans = plans
        for plan in plans {
            // The recorded plan is compared with the new plan.json once that is made, beside the other artifacts.
            var changes = ChangePlan(topology: plan.name, baseline: .none, changes: [])
            let artifacts: [Artifact]
            var unreadableRecord: GeneratorError?
            do {
                artifacts = try Generator.artifacts(for: plan, context: context) { planFile in
                    let record: PlanRecord
                    do { record = try PlanRecord.read(topology: plan.name, root: root, current: (plan, planFile.contents)) } catch let error as GeneratorError {
                        unreadableRecord = error
                        throw error
                    }
                    changes = record.changes(to: plan)
                    return record.changeToRecord(changes)
                }
            } catch {
                // The record's own message names its file; anything else names the topology.
                if let unreadableRecord { throw unreadableRecord }
                throw GeneratorError("cannot generate \(plan.name): \(error)")
            }
            result.changePlans.append(changes)
            result.changeSets.append(try writer.changes(topology: plan.name, artifacts: artifacts, force: mode == .write(force: true)))
        }
        guard case .write(let force) = mode else { return result }
        let unacknowledged = result.changePlans.filter { !$0.needingAcknowledgement.isEmpty }
        if !unacknowledged.isEmpty && !allowDestructiveChanges {
            result.blocker = .unacknowledgedChanges(unacknowledged)
            return result
        }
        let conflicts = result.changeSets.flatMap { set in set.conflicts.map { $0.message(in: set.folder) } }
        if !conflicts.isEmpty && !force {
            result.blocker = .conflicts(conflicts)
            return result
        }
        for changes in result.changeSets { try writer.apply(changes) }
        result.wrote = true
        return result
    }
}
