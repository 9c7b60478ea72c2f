import Foundation
import RegionMeshGenerator
import Topologies

/// The shipped topologies generated and checked inside the benchmark's own process, with no process
/// start: the first generate pays the Swift runtime resolving generic types and conformances on
/// first use; the checks after it are the work alone.
enum InProcessRun {
    /// What the runs took, in seconds.
    struct Figures {
        /// The first `generate`, into an empty folder.
        let firstGenerate: Double
        /// The median `generate --check` of that folder after it.
        let check: Double
    }

    /// Generates the shipped topologies into `folder`, then checks them `iterations` times.
    static func measure(into folder: URL, iterations: Int) throws -> Figures {
        let clock = ContinuousClock()
        var firstGenerate = Duration.zero
        let written = try run(.write(force: false), into: folder, took: &firstGenerate, clock: clock)
        guard written.blocker == nil else { throw BenchmarkError("the shipped topologies did not generate in process: \(String(describing: written.blocker))") }
        let checks = try (0..<iterations).map { _ in
            var took = Duration.zero
            let checked = try run(.check, into: folder, took: &took, clock: clock)
            guard checked.changeSets.allSatisfy(\.isEmpty) else { throw BenchmarkError("\(folder.path) was not up to date right after generating it") }
            return took
        }
        return Figures(firstGenerate: seconds(firstGenerate), check: seconds(checks.sorted()[checks.count / 2]))
    }

    private static func run(_ mode: Generation.Mode, into folder: URL, took: inout Duration, clock: ContinuousClock) throws -> Generation.Result {
        let start = clock.now
        do {
            let result = try Generation.run(TopologyRegistry.all, into: folder, mode: mode)
            took = clock.now - start
            return result
        } catch {
            throw BenchmarkError("the shipped topologies did not generate in process: \(error.message)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
