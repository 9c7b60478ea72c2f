import ArgumentParser
import Foundation

/// Writing to standard error, the way every RegionMesh command reports a problem.
public enum Console {
    /// Prints `line` on stderr.
    public static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `error: message` on stderr and returns the exit code to throw: one line, no usage text.
    public static func fail(_ message: String) -> ExitCode {
        error("error: \(message)")
        return ExitCode.failure
    }
}
