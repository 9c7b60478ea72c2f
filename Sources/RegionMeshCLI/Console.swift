import ArgumentParser
import Foundation

/// Writing to standard error.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `error: message` on stderr and returns the exit code to throw: one line, no usage text.
    static func fail(_ message: String) -> ExitCode {
        error("error: \(message)")
        return ExitCode.failure
    }
}
