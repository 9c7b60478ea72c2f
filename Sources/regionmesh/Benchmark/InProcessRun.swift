import Foundation
import RegionMeshGenerator
import Topologies

/// The shipped topologies generated and checked inside the benchmark's own process, with no process
/// start: the first generate pays the Swift runtime resolving generic types and conformances on
/// first use; a second generate into a new folder, and the checks after it, are the work alone.
enum InProcessRun {
    /// What the runs took, in seconds.
    struct Figures {
        /// The first `generate`, into an empty folder: the work and the runtime's first-use costs.
        let firstGenerate: Double
        /// The same again into another empty folder: the work alone, files created included.
        let secondGenerate: Double
        /// The median `generate --check` of that folder after it.
        let check: Double
    }

    /// Generates the shipped topologies into `folder`-1, then into `folder`-2, then checks the
    /// second `iterations` times.
    static func measure(into folder: URL, iterations: Int) throws -> Figures {
        let clock = ContinuousClock()
        let first = folder.appendingPathExtension("1"), second = folder.appendingPathExtension("2")
        let generates = try [first, second].map { target in
            var took = Duration.zero
            let written = try run(.write(force: false), into: target, took: &took, clock: clock)
            guard written.blocker == nil else { throw BenchmarkError("the shipped topologies did not generate in process: \(String(describing: written.blocker))") }
            return took
        }
        let checks = try (0..<iterations).map { _ in
            var took = Duration.zero
            let checked = try run(.check, into: second, took: &took, clock: clock)
            guard checked.changeSets.allSatisfy(\.isEmpty) else { throw BenchmarkError("\(second.path) was not up to date right after generating it") }
            return took
        }
        return Figures(
            firstGenerate: seconds(generates[0]), secondGenerate: seconds(generates[1]), check: seconds(checks.sorted()[checks.count / 2]))
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
