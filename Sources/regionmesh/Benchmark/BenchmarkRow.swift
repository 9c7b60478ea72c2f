import Foundation

/// Several runs of one measurement: the median wall time and the largest peak memory.
struct Measurement {
    /// The median wall time, in seconds.
    let seconds: Double
    /// The largest peak resident memory of the runs, in bytes.
    let peakBytes: Int

    init(_ runs: [ChildRun]) {
        let times = runs.map(\.seconds).sorted()
        seconds = times[times.count / 2]
        peakBytes = runs.map(\.peakBytes).max() ?? 0
    }
}

/// One line of the benchmark's table: a topology, its output, and its two measurements.
struct BenchmarkRow {
    /// `shipped`, or `<n> regions`.
    let name: String
    /// Files written.
    let files: Int
    /// Bytes written.
    let bytes: Int
    /// `generate` into an empty folder.
    let generate: Measurement
    /// `generate --check` of the folder generate wrote.
    let check: Measurement

    /// The column headings, aligned with ``line``.
    static let heading = "topology".padding(toLength: 12, withPad: " ", startingAt: 0)
        + "  files    output    generate     peak   s per MB       check     peak"

    /// The row: sizes in MB (10^6 bytes), times in seconds, time per MB of output.
    var line: String {
        let megabytes = Double(bytes) / 1e6
        return name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(
            format: " %6d %6.1f MB %9.3f s %5d MB %10.3f %9.3f s %5d MB",
            files, megabytes, generate.seconds, generate.peakBytes / 1_000_000, generate.seconds / megabytes,
            check.seconds, check.peakBytes / 1_000_000)
    }
}
