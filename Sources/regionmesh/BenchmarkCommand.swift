import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `regionmesh benchmark`, hidden from the command list: measures validation, planning and generation of a synthetic topology
/// with many regions. Build with `-c release` for meaningful figures.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time validation, planning and generation of a synthetic topology with many regions.",
        discussion: """
            A developers' command, not listed in the help.

            Examples:
              swift run -c release regionmesh benchmark --regions 250
            """,
        shouldDisplay: false)

    @Option(help: "Regions in the synthetic topology (1–255).")
    var regions = 250
    @Option(help: "Runs of each stage; the report gives the median.")
    var iterations = 5

    func validate() throws {
        guard (1...255).contains(regions) else { throw ValidationError("--regions must be 1–255 (the most clusters one mesh connects)") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
    }

    func run() throws {
        let topology = SyntheticTopology.make(regions: regions)
        let compilation = Pipeline.compile(topology)
        guard let plan = compilation.plan else {
            throw ValidationError("the synthetic topology does not validate: \(compilation.diagnostics.first.map(\.description) ?? "")")
        }
        let ranges = regions * 3
        print("synthetic topology: \(regions) regions, \(ranges) ranges checked pairwise for overlaps (\(ranges * (ranges - 1) / 2) pairs), \(plan.regions.count * (plan.regions.count - 1)) peerings")
        report("validate", milliseconds: measure { _ = Pipeline.validate(topology) })
        report("validate + plan", milliseconds: measure { _ = Pipeline.compile(topology) })
        var count = 0
        report("generate artifacts", milliseconds: measure { count = (try? Generator.artifacts(for: plan).count) ?? 0 })
        print("(\(count) artifacts; median of \(iterations) runs)")
    }

    private func measure(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let samples = (0..<iterations).map { _ in clock.measure(body) }.sorted()
        let median = samples[samples.count / 2]
        return Double(median.components.seconds) * 1000 + Double(median.components.attoseconds) / 1e15
    }

    private func report(_ stage: String, milliseconds: Double) {
        print("\(stage.padding(toLength: 20, withPad: " ", startingAt: 0))\(String(format: "%10.1f ms", milliseconds))")
    }
}
