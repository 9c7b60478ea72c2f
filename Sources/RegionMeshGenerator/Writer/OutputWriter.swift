import Foundation

/// Owns `out/<topology>/`: computes what generation would change, refuses to overwrite or delete a
/// file edited by hand, and writes only changed files, each atomically (temporary file, then rename).
public struct OutputWriter: Sendable {
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
        var changes = ChangeSet(topology: topology, folder: folder)
        let folderPath = folder.path
        let shownFolder = changes.displayFolder
        @Sendable func existing(_ artifact: Artifact) throws(GeneratorError) -> ExistingFile {
            try existingFile(at: folderPath + "/" + artifact.path, displayed: ChangeSet.path(artifact.path, in: shownFolder), for: artifact)
        }
        // Every file is hashed for the manifest, read and compared, on every core; what differs is
        // then looked at in order.
        let found: [(file: ExistingFile, sha256: String)]
        do {
            found = try Parallel.map(artifacts) { artifact in (try existing(artifact), SHA256.hex(utf8: artifact.contents)) }
        } catch {
            throw error as? GeneratorError ?? GeneratorError("cannot read \(folder.relativePath): \(Self.reason(error))")
        }
        let manifest = OutputManifest(topology: topology, artifacts: artifacts, sha256: found.map(\.sha256))
        let manifestArtifact = manifest.artifact
        let manifestFile = try existing(manifestArtifact)
        // A manifest of the same bytes records the same files; any other is decoded.
        let previous: OutputManifest?
        switch manifestFile {
        case .absent: previous = nil
        case .same: previous = manifest
        case .different(let data):
            do { previous = try OutputManifest.decode(data, path: changes.displayPath(OutputManifest.fileName)) } catch where force { previous = nil }
        }
        let all = artifacts + [manifestArtifact]
        for (artifact, file) in zip(all, found.map(\.file) + [manifestFile]) {
            let existing: Data
            switch file {
            case .absent:
                changes.created.append(artifact)
                continue
            case .same:
                changes.unchanged.append(artifact.path)
                continue
            case .different(let contents):
                existing = contents
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
            guard let existing = try contents(of: folder.appendingPathComponent(path)) else { continue }
            changes.removed.append(FileRemoval(path: path, oldContents: String(decoding: existing, as: UTF8.self)))
            if entry.sha256 != SHA256.hex(existing) { changes.conflicts.append(.editedByHand(path)) }
        }
        return changes
    }

    /// What stands at `path` where `artifact` goes. One open, one fstat and one read; the bytes
    /// are compared where they were read and kept only when they differ.
    private func existingFile(at path: String, displayed: String, for artifact: Artifact) throws(GeneratorError) -> ExistingFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            // Missing, or a file stands where a folder above it goes (which writing reports).
            if errno == ENOENT || errno == ENOTDIR { return .absent }
            throw GeneratorError("cannot read \(displayed): \(Self.lastError)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw GeneratorError("cannot read \(displayed): \(Self.lastError)") }
        if status.st_mode & S_IFMT == S_IFDIR { throw GeneratorError("\(displayed) is a folder where RegionMesh writes a file; move it away") }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw GeneratorError("cannot read \(displayed): \(Self.lastError)") }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        let sameMode = artifact.path == OutputManifest.fileName || (status.st_mode & 0o111 != 0) == artifact.isExecutable
        var contents = artifact.contents
        let sameBytes = contents.withUTF8 { text in
            text.count == bytes.count && bytes.withUnsafeBytes { text.count == 0 || memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
        }
        return sameBytes && sameMode ? .same : .different(Data(bytes))
    }

    /// What stands where an artifact goes: nothing, the same bytes and mode, or other bytes.
    private enum ExistingFile: Sendable {
        case absent, same
        case different(Data)
    }

    /// Carries out `changes`: writes created and updated files atomically, removes stale ones,
    /// and prunes folders that became empty. The manifest is written last.
    public func apply(_ changes: ChangeSet) throws(GeneratorError) {
        let writes = changes.created + changes.updated.map(\.artifact)
        let ordered = writes.filter { $0.path != OutputManifest.fileName } + writes.filter { $0.path == OutputManifest.fileName }
        // Folders first, then the files on every core; the manifest last, once every file is written.
        let folderPath = changes.folder.path
        let shownFolder = changes.displayFolder
        let subfolders = Set(ordered.map { artifact in artifact.path.lastIndex(of: "/").map { String(artifact.path[..<$0]) } ?? "" })
        for subfolder in subfolders.sorted() {
            try makeFolder(subfolder.isEmpty ? changes.folder : changes.folder.appendingPathComponent(subfolder, isDirectory: true))
        }
        do {
            _ = try Parallel.map(ordered.filter { $0.path != OutputManifest.fileName }) { artifact in
                try writeAtomically(artifact, to: folderPath + "/" + artifact.path, displayed: ChangeSet.path(artifact.path, in: shownFolder))
            }
        } catch {
            throw error as? GeneratorError ?? GeneratorError("cannot write into \(changes.folder.relativePath): \(Self.reason(error))")
        }
        for manifest in ordered where manifest.path == OutputManifest.fileName {
            try writeAtomically(manifest, to: folderPath + "/" + manifest.path, displayed: changes.displayPath(manifest.path))
        }
        for removal in changes.removed {
            let url = changes.folder.appendingPathComponent(removal.path)
            do { try files.removeItem(at: url) } catch { throw GeneratorError("cannot remove \(url.relativePath): \(Self.reason(error))") }
            pruneEmptyFolders(from: url.deletingLastPathComponent(), upTo: changes.folder)
        }
    }

    private func contents(of url: URL) throws(GeneratorError) -> Data? {
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw GeneratorError("\(url.relativePath) is a folder where RegionMesh writes a file; move it away") }
        do { return try Data(contentsOf: url) } catch { throw GeneratorError("cannot read \(url.relativePath): \(Self.reason(error))") }
    }

    /// Creates `folder` and the folders above it that are missing.
    private func makeFolder(_ folder: URL) throws(GeneratorError) {
        try requireFolderPath(folder)
        do { try files.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw GeneratorError("cannot create \(folder.relativePath): \(Self.reason(error))")
        }
    }

    /// Writes `artifact` to `url` in an existing folder: into a temporary file beside it, renamed
    /// over `url` once complete, so no reader sees half a file. One file is created per artifact
    /// (FileManager's atomic write would create and sync a second one). Not synced to disk, as git
    /// does not sync its work tree: after a power loss right after a run, a file may be empty; the
    /// manifest then names it as edited by hand, and `generate --force` writes it again.
    private func writeAtomically(_ artifact: Artifact, to path: String, displayed: String) throws(GeneratorError) {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = "\(path[..<slash]).\(path[slash...]).regionmesh-tmp"
        let mode: mode_t = artifact.isExecutable ? 0o755 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw GeneratorError("cannot write \(displayed): \(Self.lastError)") }
        var contents = artifact.contents
        // The mode exactly, whatever the umask.
        var written = fchmod(descriptor, mode) == 0 && contents.withUTF8 { Self.writeAll($0, to: descriptor) }
        let problem = written ? "" : Self.lastError
        written = close(descriptor) == 0 && written
        guard written, rename(temporary, path) == 0 else {
            let reason = problem.isEmpty ? Self.lastError : problem
            unlink(temporary)
            throw GeneratorError("cannot write \(displayed): \(reason)")
        }
    }

    /// Writes every byte of `bytes` to `descriptor`; false on an error (see `errno`).
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// The last system call's error, in words.
    private static var lastError: String { String(cString: strerror(errno)) }

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
