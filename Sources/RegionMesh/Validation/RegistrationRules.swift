import Foundation

/// A topology that is written but not registered is never validated or generated, and nothing else
/// would say so: the tool reads the folders its topologies were declared in and reports every
/// other topology declared there.
extension Rule {
    /// The rule `unregistered-topology`.
    public static let unregisteredTopology = Rule(
        "unregistered-topology", .warning,
        "a topology declared beside the registered ones is not in the list the tool runs on, so it is never validated or generated")
}

/// The check of ``Rule/unregisteredTopology``.
public enum Registration {
    /// A warning for each topology declared (`Topology("name"`) in a Swift file under the folders
    /// that hold `registered`'s source files, whose name none of them has. Nothing when the sources
    /// are not on this machine.
    public static func unregisteredTopologies(among registered: [Topology]) -> [Diagnostic] {
        let names = Set(registered.map(\.name))
        let folders = Set(registered.map { URL(fileURLWithPath: $0.filePath).deletingLastPathComponent().standardizedFileURL.path })
        var files = Set<String>()
        for folder in folders.sorted() where !folders.contains(where: { folder.hasPrefix($0 + "/") }) {
            files.formUnion(swiftFiles(under: folder))
        }
        var findings: [Diagnostic] = []
        for file in files.sorted() {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for (name, line) in declarations(in: text) where !names.contains(name) {
                let location = SourceLocation(fileID: file, filePath: file, line: line)
                findings.append(
                    Diagnostic(
                        .unregisteredTopology,
                        "topology '\(name)' is declared here but is not among the topologies the tool runs on, so it is never validated or generated; add it to that list (beside \(registered.map { "'\($0.name)'" }.joined(separator: ", ")))",
                        at: location))
            }
        }
        return findings
    }

    /// The names and lines of the `Topology("name"` declarations of a Swift source text; names with
    /// an interpolation are skipped, since they are only known when the code runs.
    static func declarations(in text: String) -> [(name: String, line: Int)] {
        let pattern = /\bTopology\(\s*"([^"\\\n]*)"/
        return text.matches(of: pattern).map { match in
            let line = text[..<match.range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return (String(match.output.1), line)
        }
    }

    /// The Swift files under `folder`, hidden folders (`.build`) left out.
    private static func swiftFiles(under folder: String) -> [String] {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        return enumerator.compactMap { ($0 as? URL)?.standardizedFileURL.path }.filter { $0.hasSuffix(".swift") }
    }
}
