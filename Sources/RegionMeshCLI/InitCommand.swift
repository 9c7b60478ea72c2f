import ArgumentParser
import Foundation

/// `init DIR`: a new repository for a team's own topologies, with a tool named after it.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a repository for your own topologies: a Swift package whose tool is named after the folder.",
        discussion: """
            The folder gets Package.swift (depending on this RegionMesh release, or on a local checkout with \
            --regionmesh-path), a sample topology in topologies/, the tool's entry point in Sources/<name>/, a \
            test, .gitignore, a CI workflow that runs validate and generate --check, and a README that starts \
            with the commands to run. The folder must be new or empty.

            Examples:
              swift run regionmesh init ../acme-platform
              swift run regionmesh init /tmp/acme --regionmesh-path "$PWD"
            """)

    @Argument(help: "The folder of the new repository; its name names the tool (acme → swift run acme).")
    var folder: String
    @Option(help: "Depend on the RegionMesh checkout at this path instead of the tagged release.")
    var regionmeshPath: String?

    public init() {}

    public func run() throws {
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let dependency: Scaffold.Dependency
        if let regionmeshPath {
            let checkout = URL(fileURLWithPath: regionmeshPath, isDirectory: true).standardizedFileURL
            guard FileManager.default.fileExists(atPath: checkout.appendingPathComponent("Package.swift").path) else {
                throw ValidationError("--regionmesh-path \(regionmeshPath) is not a RegionMesh checkout (it has no Package.swift)")
            }
            dependency = .path(checkout.path)
        } else {
            dependency = .current
        }
        let scaffold = Scaffold(folderName: target.lastPathComponent, dependency: dependency)
        do { try scaffold.write(into: target) } catch { throw ValidationError(error.description) }
        print("created \(folder): a RegionMesh repository whose tool is `\(scaffold.command)`")
        for (path, _) in scaffold.files { print("  \(path)") }
        print("next: cd \(folder) && \(scaffold.command) generate && swift test")
    }
}
