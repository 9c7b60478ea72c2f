import Foundation

/// Where a declaration was written: a file and a line, captured by the DSL with `#filePath`/`#line`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The file, relative to the root of the Swift package that holds it (so that output is the
    /// same on every machine and tools find the file from the package root), otherwise as
    /// `#fileID` gave it.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location from a file path as given and a line.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// Creates a location from the `#fileID` and `#filePath` literals of a call site.
    public init(fileID: String, filePath: String, line: Int) {
        self.init(file: PackageRoot.relativePath(of: filePath) ?? fileID, line: line)
    }

    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// The root of the Swift package a source file belongs to, so that a location reads the same on
/// every machine and an editor or a CI annotation finds the file: `topologies/ThreeRegion.swift`
/// in this repository, `topologies/Production.swift` in a team's own package that depends on it.
enum PackageRoot {
    /// The root of the package this library was built from, found from this file's own path
    /// (`…/Sources/RegionMesh/Diagnostics/SourceLocation.swift` → `…/`): the answer when the file
    /// system does not have the source any more (a binary run on another machine).
    static let library: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/") + "/"
    }()

    /// The path of `filePath` relative to the root of the package that holds it: the nearest folder
    /// above it with a `Package.swift`. Nil when no such folder exists and the file does not lie in
    /// this library's own package.
    static func relativePath(of filePath: String) -> String? {
        let root = roots.root(of: filePath) ?? (filePath.hasPrefix(library) ? library : nil)
        return root.map { String(filePath.dropFirst($0.count)) }
    }

    private static let roots = RootCache()

    /// The package root of each folder asked about, found once: the DSL asks for every declaration.
    private final class RootCache: @unchecked Sendable {
        private let lock = NSLock()
        private var rootOfFolder: [String: String?] = [:]

        /// The nearest folder above `filePath` holding a `Package.swift`, with a trailing `/`.
        func root(of filePath: String) -> String? {
            guard filePath.hasPrefix("/"), let slash = filePath.lastIndex(of: "/") else { return nil }
            let folder = String(filePath[..<slash])
            lock.lock()
            defer { lock.unlock() }
            if let known = rootOfFolder[folder] { return known }
            let found = search(from: folder)
            rootOfFolder[folder] = found
            return found
        }

        private func search(from folder: String) -> String? {
            var components = folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            while components.count > 1 {
                let candidate = components.joined(separator: "/")
                if FileManager.default.fileExists(atPath: candidate + "/Package.swift") { return candidate + "/" }
                components.removeLast()
            }
            return nil
        }
    }
}
