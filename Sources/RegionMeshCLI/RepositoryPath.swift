import Foundation

/// Where an output folder lies in the repository it is committed to: the path that GitOps objects
/// and the generated README give for it (`out`, or `deploy/out` with `--out deploy/out`).
enum RepositoryPath {
    /// The path of `folder` relative to the root of the git repository that holds it (the nearest
    /// folder above it with a `.git`); without one, relative to `currentDirectory` when inside it,
    /// else the folder's own name.
    static func of(_ folder: URL, currentDirectory: URL) -> String {
        let path = folder.standardizedFileURL.path
        var ancestor = folder.standardizedFileURL
        while ancestor.path != "/" {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent(".git").path) {
                return relative(path, to: ancestor.path) ?? folder.lastPathComponent
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return relative(path, to: currentDirectory.standardizedFileURL.path) ?? folder.standardizedFileURL.lastPathComponent
    }

    /// `path` relative to `root`, `.` for the root itself; nil when it lies outside.
    static func relative(_ path: String, to root: String) -> String? {
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
