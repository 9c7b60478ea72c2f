/// Where a declaration was written: a file and a line, captured by the DSL with `#filePath`/`#line`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The file, relative to the package root when it lies inside the package (so that output is
    /// the same on every machine), otherwise as `#fileID` gave it.
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

/// The root of the package this library was built from, found from this file's own path.
enum PackageRoot {
    /// `…/Sources/RegionMesh/Diagnostics/SourceLocation.swift` → `…/`.
    static let path: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/") + "/"
    }()

    /// The path of `filePath` relative to the package root, or nil when it lies outside it.
    static func relativePath(of filePath: String) -> String? {
        filePath.hasPrefix(path) ? String(filePath.dropFirst(path.count)) : nil
    }
}
