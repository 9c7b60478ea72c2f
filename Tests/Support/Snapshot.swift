import Foundation
import RegionMeshGenerator
import Testing

/// Compares `text` with the snapshot file `__Snapshots__/<test file name>/<name>` next to the
/// calling test file, and records an issue with a unified diff when they differ.
///
/// To (re)record, run the tests with `RECORD_SNAPSHOTS=1` (or pass `record: true` while working on
/// one test): the file is written and an issue says so, so a recording run never passes, and a
/// forgotten `record: true` cannot pass in CI. A missing snapshot is recorded the same way.
/// Commit the snapshot files.
public func assertSnapshot(
    of text: String, named name: String, record: Bool = false,
    filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: filePath)
    let folder = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let file = folder.appendingPathComponent(name)
    let shown = "__Snapshots__/\(folder.lastPathComponent)/\(name)"
    let recording = record || ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)

    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("cannot write snapshot \(shown): \(error)", sourceLocation: sourceLocation)
            return
        }
        let why = existing == nil ? "there was none" : (record ? "record: true" : "RECORD_SNAPSHOTS=1")
        Issue.record(
            "recorded snapshot \(shown) (\(why)); check it, commit it, and run the tests again without recording",
            sourceLocation: sourceLocation)
        return
    }
    guard let existing, existing != text else { return }
    let diff = UnifiedDiff.make(old: existing, new: text, oldName: shown, newName: "actual")
    Issue.record(
        """
        \(name) differs from its snapshot \(shown); if the change is intended, re-record with RECORD_SNAPSHOTS=1 swift test
        \(diff)
        """, sourceLocation: sourceLocation)
}
