import Foundation

/// The record the writer keeps in `out/<topology>/.regionmesh-manifest.json`: every file it wrote,
/// with its content hash. It lets the writer remove files the topology no longer produces, leave
/// alone files it never wrote, and notice a file edited by hand.
public struct OutputManifest: Codable, Equatable, Sendable {
    /// The manifest's file name inside the topology folder.
    public static let fileName = ".regionmesh-manifest.json"

    /// One written file.
    public struct Entry: Codable, Equatable, Sendable {
        /// SHA-256 of the bytes written.
        public var sha256: String
        /// Whether the file was written executable.
        public var executable: Bool
    }

    /// Always `regionmesh`.
    public var generator = "regionmesh"
    /// The version of RegionMesh that wrote the files (absent in manifests of versions before 0.1.0).
    public var generatorVersion: String?
    /// The topology the files belong to.
    public var topology: String
    /// Path (relative to the topology folder) → entry.
    public var files: [String: Entry]

    /// The manifest of `artifacts`, written by RegionMesh `generatorVersion`, whose SHA-256
    /// digests, in the same order, are `sha256` (computed where the files are compared).
    init(topology: String, artifacts: [Artifact], sha256: [String], generatorVersion: String = RegionMeshVersion.current) {
        self.topology = topology
        self.generatorVersion = generatorVersion
        files = Dictionary(uniqueKeysWithValues: zip(artifacts, sha256).map {
            ($0.path, Entry(sha256: $1, executable: $0.isExecutable))
        })
    }

    /// The manifest as an artifact: sorted keys, two-space indentation, a trailing newline.
    public var artifact: Artifact {
        Artifact(path: OutputManifest.fileName, contents: (try? JSON.encode(self)) ?? "{}")
    }

    /// Reads a manifest, with a one-line error when it is not one.
    static func decode(_ data: Data, path: String) throws(GeneratorError) -> OutputManifest {
        do {
            return try JSONDecoder().decode(OutputManifest.self, from: data)
        } catch {
            throw GeneratorError("\(path) is not a RegionMesh manifest (\(Self.reason(error))); restore it from git, or delete it and run again with --force")
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "no '\(key.stringValue)' field"
        case DecodingError.typeMismatch(_, let context): "unexpected value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "unreadable"
        }
    }
}
