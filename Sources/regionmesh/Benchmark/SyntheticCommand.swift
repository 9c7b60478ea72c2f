import ArgumentParser
import Foundation
import RegionMeshCLI
import RegionMeshGenerator

/// `regionmesh synthetic` (hidden): `generate` of the benchmark's synthetic topology, so that
/// `regionmesh benchmark` can time the same path as `generate`, whole process, at any size.
struct SyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic",
        abstract: "Generate the benchmark's synthetic topology (used by `regionmesh benchmark`).",
        shouldDisplay: false)

    @Option(help: "Regions in the synthetic topology (1–255).")
    var regions: Int
    @Option(name: .customLong("out"), help: "The output folder.")
    var outputFolder: String
    @Flag(help: "Write nothing; exit 1 when the output folder is not up to date.")
    var check = false

    func validate() throws {
        guard (1...255).contains(regions) else { throw ValidationError("--regions must be 1–255 (the most clusters one mesh connects)") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: outputFolder, isDirectory: true)
        let result: Generation.Result
        do {
            result = try Generation.run([SyntheticTopology.make(regions: regions)], into: root, mode: check ? .check : .write(force: false))
        } catch {
            throw Console.fail(error.message)
        }
        guard result.blocker == nil else { throw Console.fail("the synthetic topology of \(regions) regions did not generate: \(String(describing: result.blocker))") }
        let stale = result.changeSets.filter { !$0.isEmpty }
        if check, !stale.isEmpty { throw Console.fail("\(root.relativePath) is not up to date") }
        print("\(regions) regions: \(result.changeSets.map { $0.created.count + $0.updated.count }.reduce(0, +)) files written")
    }
}
