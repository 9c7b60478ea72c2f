import Foundation

/// Owns `out/<topology>/`: computes what generation would change, refuses to overwrite or delete a
/// file edited by hand, and writes only changed files, each atomically (temporary file, then rename).
public struct OutputWriter {
    /// The output root, e.g. `out`.
    public let root: URL
    private let files = FileManager.default

    /// A writer for the output root `root`.
    public init(root: URL) { self.root = root }

    /// The folder of one topology.
    public func folder(for topology: String) -> URL { root.appendingPathComponent(topology, isDirectory: true) }

    /// What writing `artifacts` for `topology` would do. Reads the folder; writes nothing.
    /// `force` treats an unreadable manifest as absent (every existing file then counts as not
    /// written by RegionMesh, which `--force` overwrites).
    public func changes(topology: String, artifacts: [Artifact], force: Bool = false) throws(GeneratorError) -> ChangeSet {
        let folder = folder(for: topology)
        let manifest = OutputManifest(topology: topology, artifacts: artifacts)
        let all = artifacts + [manifest.artifact]
        let previous: OutputManifest?
        do { previous = try readManifest(folder) } catch where force { previous = nil }
        var changes = ChangeSet(topology: topology, folder: folder)
        for artifact in all {
            let url = folder.appendingPathComponent(artifact.path)
            guard let existing = try read(url) else {
                changes.created.append(artifact)
                continue
            }
            let sameMode = artifact.path == OutputManifest.fileName || isExecutable(url) == artifact.isExecutable
            if existing == Data(artifact.contents.utf8), sameMode {
                changes.unchanged.append(artifact.path)
                continue
            }
            changes.updated.append(FileChange(artifact: artifact, oldContents: String(decoding: existing, as: UTF8.self)))
            if artifact.path == OutputManifest.fileName { continue }
            if let entry = previous?.files[artifact.path] {
                if entry.sha256 != SHA256.hex(existing) { changes.conflicts.append(.editedByHand(artifact.path)) }
            } else {
                changes.conflicts.append(.notWrittenByRegionMesh(artifact.path))
            }
        }
        let produced = Set(all.map(\.path))
        for (path, entry) in (previous?.files ?? [:]).sorted(by: { $0.key < $1.key }) where !produced.contains(path) {
            guard let existing = try read(folder.appendingPathComponent(path)) else { continue }
            changes.removed.append(FileRemoval(path: path, oldContents: String(decoding: existing, as: UTF8.self)))
            if entry.sha256 != SHA256.hex(existing) { changes.conflicts.append(.editedByHand(path)) }
        }
        return changes
    }

    /// Carries out `changes`: writes created and updated files atomically, removes stale ones,
    /// and prunes folders that became empty. The manifest is written last.
    public func apply(_ changes: ChangeSet) throws(GeneratorError) {
        let writes = changes.created + changes.updated.map(\.artifact)
        let ordered = writes.filter { $0.path != OutputManifest.fileName } + writes.filter { $0.path == OutputManifest.fileName }
        for artifact in ordered {
            try writeAtomically(artifact, to: changes.folder.appendingPathComponent(artifact.path))
        }
        for removal in changes.removed {
            let url = changes.folder.appendingPathComponent(removal.path)
            do { try files.removeItem(at: url) } catch { throw GeneratorError("cannot remove \(url.relativePath): \(Self.reason(error))") }
            pruneEmptyFolders(from: url.deletingLastPathComponent(), upTo: changes.folder)
        }
    }

    private func readManifest(_ folder: URL) throws(GeneratorError) -> OutputManifest? {
        let url = folder.appendingPathComponent(OutputManifest.fileName)
        guard let data = try read(url) else { return nil }
        return try OutputManifest.decode(data, path: url.relativePath)
    }

    private func read(_ url: URL) throws(GeneratorError) -> Data? {
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw GeneratorError("\(url.relativePath) is a folder where RegionMesh writes a file; move it away") }
        do { return try Data(contentsOf: url) } catch { throw GeneratorError("cannot read \(url.relativePath): \(Self.reason(error))") }
    }

    private func isExecutable(_ url: URL) -> Bool {
        ((try? files.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0) & 0o111 != 0
    }

    private func writeAtomically(_ artifact: Artifact, to url: URL) throws(GeneratorError) {
        let folder = url.deletingLastPathComponent()
        try requireFolderPath(folder)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).regionmesh-tmp")
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            guard files.createFile(
                atPath: temporary.path, contents: Data(artifact.contents.utf8),
                attributes: [.posixPermissions: artifact.isExecutable ? 0o755 : 0o644])
            else { throw GeneratorError("cannot write \(url.relativePath): permission denied or no space left") }
            guard rename(temporary.path, url.path) == 0 else {
                try? files.removeItem(at: temporary)
                throw GeneratorError("cannot replace \(url.relativePath): \(String(cString: strerror(errno)))")
            }
        } catch let error as GeneratorError {
            throw error
        } catch {
            throw GeneratorError("cannot write \(url.relativePath): \(Self.reason(error))")
        }
    }

    /// Fails with a clear message when a file stands where a folder of `folder`'s path must be.
    private func requireFolderPath(_ folder: URL) throws(GeneratorError) {
        var current = folder.standardizedFileURL
        while current.path != "/" {
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: current.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw GeneratorError("cannot write into \(current.relativePath): it is a file, not a folder") }
                return
            }
            current = current.deletingLastPathComponent()
        }
    }

    private func pruneEmptyFolders(from folder: URL, upTo top: URL) {
        var current = folder.standardizedFileURL
        let stop = top.standardizedFileURL.path
        while current.path.hasPrefix(stop + "/"), (try? files.contentsOfDirectory(atPath: current.path))?.isEmpty == true {
            try? files.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }

    /// The operating system's reason, without Foundation's long wording.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or folder"
        default: return nsError.localizedDescription
        }
    }
}
