import RegionMesh
import Testing
import Yams

@testable import RegionMeshGenerator

/// Reads generated manifests back, for tests that check what they say rather than how.
enum ManifestParsing {
    /// The YAML document of `artifact` as nested dictionaries and arrays.
    static func document(_ artifact: Artifact) throws -> [String: Any] {
        let loaded = try Yams.load(yaml: artifact.contents)
        return try #require(loaded as? [String: Any], "\(artifact.path) is not a YAML mapping")
    }

    /// The value at `path` (keys, or decimal indices into arrays) in `document`.
    static func value(_ document: [String: Any], _ path: String...) -> Any? {
        value(document, path)
    }

    /// The value at `path` (keys, or decimal indices into arrays) in `document`.
    static func value(_ document: [String: Any], _ path: [String]) -> Any? {
        var current: Any? = document
        for key in path {
            if let index = Int(key), let array = current as? [Any] {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = (current as? [String: Any])?[key]
            }
        }
        return current
    }

    /// The artifact at `path`, failing the test when it is missing.
    static func artifact(_ path: String, in artifacts: [Artifact]) throws -> Artifact {
        try #require(Fixtures.artifact(path, in: artifacts), "no artifact at \(path)")
    }

    /// The value of `--<option>` on a line of `command` (one option per line, as the StatefulSet writes it).
    static func option(_ option: String, in command: String) -> String? {
        for line in command.split(separator: "\n") {
            let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            if words.count >= 2, words[0] == "--\(option)" { return String(words[1]) }
        }
        return nil
    }

    /// The StatefulSet's container script (the third word of `command`).
    static func startScript(_ statefulSet: [String: Any]) throws -> String {
        let command = value(statefulSet, "spec", "template", "spec", "containers", "0", "command") as? [String]
        return try #require(command?.last)
    }

    /// Whether certificate host `san` covers `host`: equal, or a `*.` wildcard over exactly one label.
    static func covers(_ san: String, _ host: String) -> Bool {
        if san == host { return true }
        guard san.hasPrefix("*.") else { return false }
        let suffix = String(san.dropFirst(1))
        guard host.hasSuffix(suffix) else { return false }
        let label = host.dropLast(suffix.count)
        return !label.isEmpty && !label.contains(".")
    }
}
