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

    /// The folder as the command line gives it, `out/x`: what ``displayPath(_:)`` starts with.
    let displayFolder: String

    init(topology: String, folder: URL) {
        self.topology = topology
        self.folder = folder
        var shown = folder.relativePath
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        displayFolder = shown
    }

    /// Whether anything would change, the manifest included.
    public var isEmpty: Bool { created.isEmpty && updated.isEmpty && removed.isEmpty }

    /// Whether the manifest changes (it follows every other change, and records the version).
    public var manifestChanges: Bool {
        created.contains { $0.path == OutputManifest.fileName } || updated.contains { $0.artifact.path == OutputManifest.fileName }
    }

    /// How many generated files (the manifest aside) would be created, updated and removed.
    public var counts: (created: Int, updated: Int, removed: Int) {
        (
            created.filter { $0.path != OutputManifest.fileName }.count,
            updated.filter { $0.artifact.path != OutputManifest.fileName }.count,
            removed.count
        )
    }

    /// Each changed file, by path relative to the folder: `create`, `update` or `remove`. The
    /// manifest is bookkeeping: it is listed only when nothing else changes (a new RegionMesh version).
    public var changedFiles: [(action: String, path: String)] {
        let all = (created.map { ("create", $0.path) } + updated.map { ("update", $0.artifact.path) } + removed.map { ("remove", $0.path) })
            .sorted { $0.1 < $1.1 }
        let files = all.filter { $0.1 != OutputManifest.fileName }
        return files.isEmpty ? all : files
    }

    /// The path of `file` (relative to the folder) as the command line gives the folder: `out/x/a.sh`.
    public func displayPath(_ file: String) -> String { Self.path(file, in: displayFolder) }

    /// `file` under `folder`: `out/x` and `a.sh` make `out/x/a.sh`.
    static func path(_ file: String, in folder: String) -> String { folder == "/" ? "/\(file)" : "\(folder)/\(file)" }

    /// One line per changed file: `create out/x/a.sh`, `update …`, `remove …`, as ``changedFiles``.
    public var summaryLines: [String] { changedFiles.map { "\($0.action) \(displayPath($0.path))" } }

    /// A unified diff of every change but the manifest's, which is bookkeeping (hashes, the version).
    public var diff: String {
        let path = displayPath
        var entries: [(String, String)] = []
        for artifact in created where artifact.path != OutputManifest.fileName {
            entries.append((artifact.path, UnifiedDiff.make(old: "", new: artifact.contents, oldName: "/dev/null", newName: path(artifact.path))))
        }
        for change in updated where change.artifact.path != OutputManifest.fileName {
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
