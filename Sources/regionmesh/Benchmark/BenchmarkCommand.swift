import ArgumentParser
import Foundation
import RegionMeshCLI

/// `regionmesh benchmark`: times the whole path of `generate` — validate, plan, emit, write into an
/// empty temporary folder — and then `generate --check` of that up-to-date folder, for the shipped
/// topologies and for synthetic topologies of several sizes. Every run is a whole process, so the
/// figures are what a person waits for: wall time (median) and peak resident memory (the largest of
/// the runs). Then where a small run's time goes: process start (`regionmesh --version`), and the
/// shipped topologies generated and checked inside this process, first with the Swift runtime's
/// first-use costs and then without. `kubectl kustomize` of one generated cluster folder gives a
/// reference on the same machine, in the same run.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time generate and generate --check, whole process, of the shipped and synthetic topologies.",
        discussion: """
            A developers' command, not listed in the help. Build with -c release for meaningful figures.

            Examples:
              swift build -c release && .build/release/regionmesh benchmark
              .build/release/regionmesh benchmark --regions 255 --iterations 3
            """,
        shouldDisplay: false)

    @Option(parsing: .upToNextOption, help: "Region counts of the synthetic topologies (1–255 each).")
    var regions = [3, 30, 100, 255]
    @Option(help: "Runs of each measurement; the report gives the median time and the largest peak memory.")
    var iterations = 5

    func validate() throws {
        guard regions.allSatisfy({ (1...255).contains($0) }) else { throw ValidationError("--regions must be 1–255 (the most clusters one mesh connects)") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
    }

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-benchmark-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #if DEBUG
        print("note: this is a debug build; build with -c release for meaningful figures")
        #endif
        print("Each run is a whole process: wall time is the median of \(iterations) runs, peak the largest resident memory of any run.")
        print("generate writes into a new, empty folder each run; check is generate --check of the last folder it wrote.\n")
        print(BenchmarkRow.heading)
        do {
            let shipped = try measure(
                "shipped", folder: scratch.appendingPathComponent("shipped").path,
                generate: { ["generate", "--out", $0] }, check: { ["generate", "--check", "--out", $0] })
            print(shipped.row.line)
            for count in regions {
                let arguments = { (folder: String) in ["synthetic", "--regions", "\(count)", "--out", folder] }
                let synthetic = try measure(
                    "\(count) regions", folder: scratch.appendingPathComponent("synthetic-\(count)").path,
                    generate: arguments, check: { arguments($0) + ["--check"] })
                print(synthetic.row.line)
            }
            print("")
            try printProcessStart(shipped: shipped.row)
            let inProcess = try InProcessRun.measure(into: scratch.appendingPathComponent("in-process"), iterations: iterations)
            print(String(
                format: "in this process, no start: the shipped generate %.3f s the first time, %.3f s the second; --check %.3f s (median of %d)",
                inProcess.firstGenerate, inProcess.secondGenerate, inProcess.check, iterations))
            try printReference(shipped: shipped.row, clusterFolder: "\(shipped.folder)/crdb-three-region/clusters/crdb-eastus")
        } catch let error as BenchmarkError {
            throw Console.fail(error.description)
        }
    }

    /// Runs `generate` into a new folder each time (`folder-1`, `folder-2`, …: emptying one folder
    /// just before would measure the file system reallocating what it just freed), then `check` of
    /// the last one, `iterations` times each. Returns the row and the folder checked.
    private func measure(
        _ name: String, folder: String, generate: (String) -> [String], check: (String) -> [String]
    ) throws -> (row: BenchmarkRow, folder: String) {
        let executable = try Self.executable()
        let folders = (1...iterations).map { "\(folder)-\($0)" }
        let generateRuns = try folders.map { try ChildProcess.run(executable, generate($0)) }
        let last = folders[folders.count - 1]
        for earlier in folders.dropLast() { try? FileManager.default.removeItem(atPath: earlier) }
        let checkRuns = try (0..<iterations).map { _ in try ChildProcess.run(executable, check(last)) }
        let (files, bytes) = Self.size(of: last)
        let row = BenchmarkRow(name: name, files: files, bytes: bytes, generate: Measurement(generateRuns), check: Measurement(checkRuns))
        return (row, last)
    }

    /// This regionmesh executable, which the benchmark runs as child processes.
    private static func executable() throws -> String {
        guard let path = Bundle.main.executablePath else { throw BenchmarkError("cannot find the regionmesh executable") }
        return path
    }

    /// `regionmesh --version`: loading the executable and its libraries, which every command pays
    /// before it does anything, and what of the shipped generate is left after it.
    private func printProcessStart(shipped: BenchmarkRow) throws {
        let executable = try Self.executable()
        let start = Measurement(try (0..<iterations).map { _ in try ChildProcess.run(executable, ["--version"]) })
        print(String(
            format: "process start: regionmesh --version %.3f s; the shipped generate after it %.3f s",
            start.seconds, shipped.generate.seconds - start.seconds))
    }

    /// `kubectl kustomize` of one generated cluster folder, and the shipped generate as a ratio of it.
    private func printReference(shipped: BenchmarkRow, clusterFolder: String) throws {
        let runs: [ChildRun]
        do {
            runs = try (0..<iterations).map { _ in try ChildProcess.run("kubectl", ["kustomize", clusterFolder]) }
        } catch {
            return print("reference: kubectl kustomize could not run (\(error)); no ratio")
        }
        let kustomize = Measurement(runs)
        print(String(format: "reference: kubectl kustomize <shipped>/crdb-three-region/clusters/crdb-eastus %.3f s", kustomize.seconds))
        print(String(format: "shipped generate / kubectl kustomize = %.2f", shipped.generate.seconds / kustomize.seconds))
    }

    /// The number of files under `folder` and their total size in bytes.
    private static func size(of folder: String) -> (files: Int, bytes: Int) {
        var files = 0, bytes = 0
        let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true else { continue }
            files += 1
            bytes += values.fileSize ?? 0
        }
        return (files, bytes)
    }
}
