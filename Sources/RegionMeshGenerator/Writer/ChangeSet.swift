import Foundation

/// What generating one topology would change in its output folder.
public struct ChangeSet {
    /// The topology.
    public let topology: String
    /// Its output folder.
    public let folder: URL
    /// Files that do not exist yet.
    public var created: [Artifact] = []
    /// Files whose bytes or mode change.
    public var updated: [FileChange] = []
    /// Files whose bytes stay the same.
    public var unchanged: [String] = []
    /// Files RegionMesh wrote earlier that the topology no longer produces.
    public var removed: [FileRemoval] = []
    /// Changes that would lose someone's work; they block writing unless forced.
    public var conflicts: [Conflict] = []

    init(topology: String, folder: URL) {
        self.topology = topology
        self.folder = folder
    }

    /// Whether anything would change.
    public var isEmpty: Bool { created.isEmpty && updated.isEmpty && removed.isEmpty }

    /// One line per changed file: `create out/x/a.sh`, `update …`, `remove …`.
    public var summaryLines: [String] {
        let path = { (file: String) in self.folder.appendingPathComponent(file).relativePath }
        return (created.map { ("create", $0.path) } + updated.map { ("update", $0.artifact.path) } + removed.map { ("remove", $0.path) })
            .sorted { $0.1 < $1.1 }
            .map { "\($0.0) \(path($0.1))" }
    }

    /// A unified diff of every change.
    public var diff: String {
        let path = { (file: String) in self.folder.appendingPathComponent(file).relativePath }
        var entries: [(String, String)] = []
        for artifact in created {
            entries.append((artifact.path, UnifiedDiff.make(old: "", new: artifact.contents, oldName: "/dev/null", newName: path(artifact.path))))
        }
        for change in updated {
            let text = UnifiedDiff.make(old: change.oldContents, new: change.artifact.contents, oldName: path(change.artifact.path), newName: path(change.artifact.path))
            entries.append((change.artifact.path, text.isEmpty ? "mode of \(path(change.artifact.path)) changes\n" : text))
        }
        for removal in removed {
            entries.append((removal.path, UnifiedDiff.make(old: removal.oldContents, new: "", oldName: path(removal.path), newName: "/dev/null")))
        }
        return entries.sorted { $0.0 < $1.0 }.map(\.1).joined()
    }
}

/// A file whose contents change.
public struct FileChange {
    /// The new file.
    public let artifact: Artifact
    /// What is on disk now.
    public let oldContents: String
}

/// A file to remove.
public struct FileRemoval {
    /// The path relative to the topology folder.
    public let path: String
    /// What is on disk now.
    public let oldContents: String
}

/// A change that would lose work not made by RegionMesh.
public enum Conflict: Equatable {
    /// The file differs from what RegionMesh last wrote.
    case editedByHand(String)
    /// The file exists but RegionMesh's manifest does not list it.
    case notWrittenByRegionMesh(String)

    /// The one-line explanation, with the file's path under `folder`.
    public func message(in folder: URL) -> String {
        switch self {
        case .editedByHand(let path):
            "\(folder.appendingPathComponent(path).relativePath) was edited by hand since regionmesh wrote it; move your change into the topology (or keep a copy), then run again with --force to overwrite it"
        case .notWrittenByRegionMesh(let path):
            "\(folder.appendingPathComponent(path).relativePath) exists but regionmesh did not write it; move it away, or run again with --force to overwrite it"
        }
    }
}
