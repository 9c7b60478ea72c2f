import Foundation
import RegionMeshGenerator

/// A team's own RegionMesh repository, as `regionmesh init` writes it: a package with its
/// topologies in `topologies/` (a target of its own), a small entry point that makes them a tool
/// named after the repository, a test, a CI workflow, `.gitignore` and a README that starts with
/// the commands to run.
struct Scaffold {
    /// How the package depends on RegionMesh.
    enum Dependency: Equatable {
        /// The release `version` from RegionMesh's repository.
        case release(url: String, version: String)
        /// A local checkout (an absolute path), for developing RegionMesh and a repository together.
        case path(String)

        /// The released RegionMesh this version of the tool belongs to.
        static let current = Dependency.release(url: Scaffold.repositoryURL, version: RegionMeshVersion.current)

        /// The line of `dependencies:` in Package.swift.
        var packageLine: String {
            switch self {
            case .release(let url, let version): ".package(url: \(swiftString(url)), from: \(swiftString(version)))"
            case .path(let path): ".package(path: \(swiftString(path)))"
            }
        }

        /// SwiftPM's identity of the package: what `.product(name:package:)` names.
        var identity: String {
            switch self {
            case .release(let url, _): URL(string: url)?.deletingPathExtension().lastPathComponent.lowercased() ?? "regionmesh"
            case .path(let path): URL(fileURLWithPath: path).lastPathComponent.lowercased()
            }
        }
    }

    /// Where RegionMesh's releases are tagged.
    static let repositoryURL = "https://github.com/regionmesh/regionmesh.git"

    /// The tool's name: the executable, `swift run <name>`; lower-case letters, digits and `-`.
    let name: String
    /// How the package depends on RegionMesh.
    let dependency: Dependency

    /// A scaffold for the repository folder `folderName`, its tool named after it.
    init(folderName: String, dependency: Dependency) {
        let lowered = folderName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let trimmed = String(lowered).split(separator: "-").joined(separator: "-")
        name = trimmed.first?.isLetter == true ? trimmed : "deploy-\(trimmed)".trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        self.dependency = dependency
    }

    /// The Swift type name of the tool: `acme-platform` → `AcmePlatform`.
    var typeName: String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The target that holds the topologies; never `Topologies`, which RegionMesh's own package has.
    var topologiesTarget: String { "\(typeName)Topologies" }

    /// The command a person runs: `swift run acme`.
    var command: String { "swift run \(name)" }

    /// Every file, by path relative to the repository folder.
    var files: [(path: String, contents: String)] {
        [
            ("README.md", readme),
            ("Package.swift", packageManifest),
            (".gitignore", gitignore),
            (".github/workflows/regionmesh.yml", workflow),
            ("Sources/\(name)/\(typeName).swift", entryPoint),
            ("topologies/Topologies.swift", registry),
            ("topologies/ThreeRegion.swift", sampleTopology),
            ("Tests/\(typeName)Tests/TopologyTests.swift", tests),
        ]
    }

    /// Writes every file into `folder`, which must not exist or be empty.
    func write(into folder: URL) throws(ScaffoldError) {
        let files = FileManager.default
        if let existing = try? files.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw ScaffoldError("\(folder.relativePath) is not empty; give a new or empty folder")
        }
        for (path, contents) in self.files {
            let url = folder.appendingPathComponent(path)
            do {
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw ScaffoldError("cannot write \(url.relativePath): \(error.localizedDescription)")
            }
        }
    }
}

/// Why a scaffold was not written.
struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A Swift string literal of `text`.
func swiftString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
