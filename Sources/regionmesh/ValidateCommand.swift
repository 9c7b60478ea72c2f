import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `regionmesh validate`: every diagnostic of the selected topologies; exit 1 on any error.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check topologies; print every problem at once and exit 1 if any is an error.")

    @OptionGroup var selection: TopologySelection
    @Option(help: "text (diagnostics on stderr) or json (a report on stdout, for CI bots).")
    var format: OutputFormat = .text

    func run() throws {
        let topologies = try selection.topologies()
        let reports = zip(topologies, Pipeline.validate(topologies)).map { ($0.name, $1.diagnostics) }
        switch format {
        case .text:
            for (_, diagnostics) in reports {
                for diagnostic in diagnostics { Console.error(diagnostic.description) }
            }
            for (name, diagnostics) in reports {
                let errors = diagnostics.filter { $0.severity == .error }.count
                let warnings = diagnostics.filter { $0.severity == .warning }.count
                Console.error("\(name): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
        case .json:
            let report = reports.map { ValidationReport(topology: $0.0, valid: !$0.1.containsErrors, diagnostics: $0.1) }
            print(try JSON.encode(report))
        }
        if reports.contains(where: { $0.1.containsErrors }) { throw ExitCode.failure }
    }
}

/// The JSON form of one topology's validation.
struct ValidationReport: Encodable {
    let topology: String
    let valid: Bool
    let diagnostics: [Diagnostic]
}

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
