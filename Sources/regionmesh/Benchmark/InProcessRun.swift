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
        let first = folder.appendingPathExtension("1"), second = folder.appendingPathExtension("2")
        let generates = try [first, second].map { target in
            let (written, took) = try timed(.write(force: false), into: target)
            guard written.blocker == nil else { throw BenchmarkError("the shipped topologies did not generate in process: \(String(describing: written.blocker))") }
            return took
        }
        let checks = try (0..<iterations).map { _ in
            let (checked, took) = try timed(.check, into: second)
            guard checked.changeSets.allSatisfy(\.isEmpty) else { throw BenchmarkError("\(second.path) was not up to date right after generating it") }
            return took
        }
        return Figures(
            firstGenerate: generates[0].seconds, secondGenerate: generates[1].seconds, check: checks.sorted()[checks.count / 2].seconds)
    }

    /// `Generation.run` of the shipped topologies, and how long it took.
    private static func timed(_ mode: Generation.Mode, into folder: URL) throws -> (Generation.Result, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let result = try Generation.run(TopologyRegistry.all, into: folder, mode: mode)
            return (result, clock.now - start)
        } catch {
            throw BenchmarkError("the shipped topologies did not generate in process: \(error.message)")
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
