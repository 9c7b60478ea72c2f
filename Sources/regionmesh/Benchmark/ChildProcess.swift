import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One finished run of a program: its wall time and the most memory it held.
struct ChildRun {
    /// Wall time from spawning to reaping, in seconds.
    let seconds: Double
    /// Peak resident memory (`ru_maxrss` of the child), in bytes.
    let peakBytes: Int
}

/// Runs a program as a child process, its output discarded, and measures it as a whole: wall time,
/// and peak resident memory from `wait4`'s resource usage of exactly that child.
enum ChildProcess {
    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`; throws with the
    /// command line, to run again by hand, when it cannot start or exits non-zero.
    static func run(_ program: String, _ arguments: [String]) throws -> ChildRun {
        let commandLine = ([program] + arguments).joined(separator: " ")
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError("cannot run \(commandLine): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchmarkError("cannot wait for \(commandLine): \(String(cString: strerror(errno)))") }
        }
        let elapsed = clock.now - start
        guard status == 0 else { throw BenchmarkError("\(commandLine) failed (wait status \(status))") }
        #if os(Linux)
        let peakBytes = usage.ru_maxrss * 1024
        #else
        let peakBytes = usage.ru_maxrss
        #endif
        return ChildRun(
            seconds: elapsed.seconds,
            peakBytes: peakBytes)
    }
}

/// A benchmark that could not run, in one line.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
