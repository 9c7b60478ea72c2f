import ArgumentParser
import Foundation
import RegionMesh
import RegionMeshGenerator

/// `validate`: every diagnostic of the selected topologies; exit 1 on any error.
struct ValidateCommand<App: RegionMeshApp>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate", abstract: "Check topologies; print every problem at once and exit 1 if any is an error.",
            discussion: """
                Diagnostics name the file and line of the declaration, relative to the package root. Warnings \
                do not change the exit status.

                Examples:
                  \(App.invocation) validate
                  \(App.invocation) validate \(App.topologies.first?.name ?? "NAME")
                  \(App.invocation) validate --format json > report.json
                """)
    }

    @OptionGroup var selection: TopologySelection<App>
    @Option(help: "text (diagnostics on stderr) or json (a report on stdout, for CI bots).")
    var format: OutputFormat = .text

    func run() throws {
        let topologies = try selection.topologies()
        let reports = zip(topologies, Pipeline.validate(topologies)).map { ($0.name, $1.diagnostics) }
        selection.reportUnregistered()
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
