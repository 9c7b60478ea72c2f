import Foundation
import Testing

@testable import RegionMeshGenerator

/// The writer that owns `out/<topology>/`.
@Suite struct WriterTests {
    let root: URL
    let writer: OutputWriter
    let artifacts = [
        Artifact(path: "a.sh", contents: "#!/usr/bin/env bash\necho a\n", isExecutable: true),
        Artifact(path: "clusters/x/b.yaml", contents: "b: 1\n"),
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-writer-\(UUID().uuidString)")
        writer = OutputWriter(root: root)
    }

    private func write(_ artifacts: [Artifact], force: Bool = false) throws -> ChangeSet {
        let changes = try writer.changes(topology: "t", artifacts: artifacts)
        if force || changes.conflicts.isEmpty { try writer.apply(changes) }
        return changes
    }

    private func url(_ path: String) -> URL { root.appendingPathComponent("t").appendingPathComponent(path) }

    private func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    @Test func writesFilesAndManifestThenReportsNothingToDo() throws {
        let first = try write(artifacts)
        #expect(first.created.map(\.path).sorted() == [".regionmesh-manifest.json", "a.sh", "clusters/x/b.yaml"])
        #expect(try read("clusters/x/b.yaml") == "b: 1\n")
        let mode = try FileManager.default.attributesOfItem(atPath: url("a.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        let second = try writer.changes(topology: "t", artifacts: artifacts)
        #expect(second.isEmpty)
        #expect(second.unchanged.count == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url("").path).filter { $0.contains("regionmesh-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func rewritesOnlyChangedFiles() throws {
        _ = try write(artifacts)
        let changed = [artifacts[0], Artifact(path: "clusters/x/b.yaml", contents: "b: 2\n")]
        let changes = try write(changed)
        #expect(changes.updated.map(\.artifact.path).sorted() == [".regionmesh-manifest.json", "clusters/x/b.yaml"])
        #expect(changes.unchanged == ["a.sh"])
        #expect(changes.diff.contains("-b: 1\n+b: 2\n"))
        #expect(try read("clusters/x/b.yaml") == "b: 2\n")
    }

    @Test func refusesToOverwriteAHandEditedFileUnlessForced() throws {
        _ = try write(artifacts)
        try "b: edited\n".write(to: url("clusters/x/b.yaml"), atomically: true, encoding: .utf8)
        let changed = [artifacts[0], Artifact(path: "clusters/x/b.yaml", contents: "b: 2\n")]
        let refused = try write(changed)
        #expect(refused.conflicts == [.editedByHand("clusters/x/b.yaml")])
        #expect(try read("clusters/x/b.yaml") == "b: edited\n")
        #expect(refused.conflicts[0].message(in: refused.folder).contains("edited by hand"))
        _ = try write(changed, force: true)
        #expect(try read("clusters/x/b.yaml") == "b: 2\n")
    }

    @Test func aHandEditIsNoticedEvenWhenTheGeneratedBytesStayTheSame() throws {
        _ = try write(artifacts)
        try "b: edited\n".write(to: url("clusters/x/b.yaml"), atomically: true, encoding: .utf8)
        let changes = try writer.changes(topology: "t", artifacts: artifacts)
        #expect(changes.conflicts == [.editedByHand("clusters/x/b.yaml")])
        #expect(!changes.isEmpty, "--check must fail after any byte of out/ is edited")
    }

    @Test func removesStaleFilesButNeverFilesItDidNotWrite() throws {
        _ = try write(artifacts)
        try "my notes\n".write(to: url("clusters/x/NOTES.md"), atomically: true, encoding: .utf8)
        let changes = try write([artifacts[0]])
        #expect(changes.removed.map(\.path) == ["clusters/x/b.yaml"])
        #expect(!FileManager.default.fileExists(atPath: url("clusters/x/b.yaml").path))
        #expect(try read("clusters/x/NOTES.md") == "my notes\n")
    }

    @Test func prunesFoldersThatBecameEmpty() throws {
        _ = try write(artifacts)
        _ = try write([artifacts[0]])
        #expect(!FileManager.default.fileExists(atPath: url("clusters").path))
    }

    @Test func refusesToOverwriteAFileItDidNotWrite() throws {
        try FileManager.default.createDirectory(at: url(""), withIntermediateDirectories: true)
        try "mine\n".write(to: url("a.sh"), atomically: true, encoding: .utf8)
        let changes = try write(artifacts)
        #expect(changes.conflicts == [.notWrittenByRegionMesh("a.sh")])
        #expect(try read("a.sh") == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: url("clusters/x/b.yaml").path), "nothing is written when one file conflicts")
    }

    @Test func aMalformedManifestIsAOneLineError() throws {
        try FileManager.default.createDirectory(at: url(""), withIntermediateDirectories: true)
        try "{ not json".write(to: url(OutputManifest.fileName), atomically: true, encoding: .utf8)
        #expect {
            _ = try writer.changes(topology: "t", artifacts: artifacts)
        } throws: { error in
            let message = (error as? GeneratorError)?.message ?? ""
            return message.contains(".regionmesh-manifest.json is not a RegionMesh manifest (not valid JSON)") && !message.contains("\n")
        }
    }

    @Test func forceRecoversFromAMalformedManifest() throws {
        _ = try write(artifacts)
        try "{ not json".write(to: url(OutputManifest.fileName), atomically: true, encoding: .utf8)
        let changes = try writer.changes(topology: "t", artifacts: artifacts, force: true)
        #expect(changes.updated.map(\.artifact.path) == [OutputManifest.fileName])
        try writer.apply(changes)
        #expect(try writer.changes(topology: "t", artifacts: artifacts).isEmpty)
    }

    @Test func anUnwritableOutputFolderIsAOneLineError() throws {
        // A regular file where the output folder should be: no permission trick needed (tests may run as root).
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("t"), atomically: true, encoding: .utf8)
        #expect {
            try writer.apply(try writer.changes(topology: "t", artifacts: artifacts))
        } throws: { error in
            let message = (error as? GeneratorError)?.message ?? ""
            return message.hasPrefix("cannot write into") && message.hasSuffix("it is a file, not a folder") && !message.contains("\n")
        }
    }

    @Test func aChangedModeAloneIsAnUpdate() throws {
        _ = try write(artifacts)
        #expect(chmod(url("a.sh").path, 0o644) == 0)
        let changes = try writer.changes(topology: "t", artifacts: artifacts)
        #expect(changes.updated.map(\.artifact.path).contains("a.sh"))
        #expect(changes.diff.contains("mode of \(changes.displayPath("a.sh")) changes"))
    }

    @Test func anEditOfTheSameLengthOrAnEmptiedFileIsNoticed() throws {
        _ = try write(artifacts)
        try "b: 9\n".write(to: url("clusters/x/b.yaml"), atomically: true, encoding: .utf8)
        try "".write(to: url("a.sh"), atomically: false, encoding: .utf8)
        #expect(chmod(url("a.sh").path, 0o755) == 0)
        let changes = try writer.changes(topology: "t", artifacts: artifacts)
        #expect(changes.conflicts.sorted { "\($0)" < "\($1)" } == [.editedByHand("a.sh"), .editedByHand("clusters/x/b.yaml")])
    }

    @Test func aFolderWhereAFileGoesIsAOneLineError() throws {
        try FileManager.default.createDirectory(at: url("a.sh"), withIntermediateDirectories: true)
        #expect {
            _ = try writer.changes(topology: "t", artifacts: artifacts)
        } throws: { error in
            let message = (error as? GeneratorError)?.message ?? ""
            return message.hasSuffix("a.sh is a folder where RegionMesh writes a file; move it away") && !message.contains("\n")
        }
    }
}
