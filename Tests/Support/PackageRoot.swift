import Foundation

/// The root of this package, found from this file's path (`Tests/Support/PackageRoot.swift`).
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
