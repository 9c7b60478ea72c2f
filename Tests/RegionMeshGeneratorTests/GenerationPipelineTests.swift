import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// A whole `generate` run: validation gates writing.
@Suite struct GenerationPipelineTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-generation-\(UUID().uuidString)")

    static let valid = Fixture.topology("fixture-two-region", regions: 2, nodes: 2)

    static let broken = Topology("broken") {
        Azure(resourceGroup: "rg", location: .eastus)
        Region("east", location: .eastus, clusterID: 1) {
            Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24")
            Pods("10.1.0.0/16")
            Services("10.101.0.0/16")
        }
    }

    @Test func aTopologyWithErrorsWritesNothingAtAll() throws {
        let result = try Generation.run([Self.valid, Self.broken], into: root, mode: .write(force: false))
        #expect(result.blocker == .invalidTopology)
        #expect(!result.wrote)
        #expect(result.diagnostics.contains { $0.rule == .overlappingCIDR && $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: root.path), "not even the valid topology is written")
    }

    @Test func writesThenFindsNothingToDo() throws {
        let first = try Generation.run([Self.valid], into: root, mode: .write(force: false))
        #expect(first.wrote && first.blocker == nil)
        #expect(first.changeSets[0].created.count > 3)
        let second = try Generation.run([Self.valid], into: root, mode: .check)
        #expect(second.changeSets.allSatisfy { $0.isEmpty })
    }

    @Test func checkFailsAfterAnyByteIsEditedAndWritingIsRefused() throws {
        _ = try Generation.run([Self.valid], into: root, mode: .write(force: false))
        let script = root.appendingPathComponent("fixture-two-region/azure/infrastructure.sh")
        var text = try String(contentsOf: script, encoding: .utf8)
        text = text.replacingOccurrences(of: "--size Standard_D2s_v5", with: "--size Standard_D2s_v4")
        try text.write(to: script, atomically: true, encoding: .utf8)
        let check = try Generation.run([Self.valid], into: root, mode: .check)
        #expect(check.changeSets[0].summaryLines.contains { $0.hasSuffix("azure/infrastructure.sh") })
        let write = try Generation.run([Self.valid], into: root, mode: .write(force: false))
        guard case .conflicts(let messages) = write.blocker else {
            Issue.record("expected a conflict, got \(String(describing: write.blocker))")
            return
        }
        #expect(messages.count == 1 && messages[0].contains("azure/infrastructure.sh was edited by hand"))
        #expect(try String(contentsOf: script, encoding: .utf8) == text)
    }

    @Test func twoTopologiesWithOneNameAreRefusedBeforeAnythingIsWritten() throws {
        #expect {
            _ = try Generation.run([Self.valid, Fixture.topology("fixture-two-region", regions: 1)], into: root, mode: .write(force: false))
        } throws: { error in
            (error as? GeneratorError)?.message.contains("two topologies are named 'fixture-two-region'") == true
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    /// Every file under `folder` with its bytes, by relative path.
    func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    static let threeRegions = Fixture.topology("fixture-day-two", regions: 3, nodes: 2)
    static let twoRegions = Fixture.topology("fixture-day-two", regions: 2, nodes: 2)

    @Test func aChangeThatDeletesStorageIsRefusedUnlessAcknowledgedAndNothingIsWritten() throws {
        let first = try Generation.run([Self.threeRegions], into: root, mode: .write(force: false))
        #expect(first.wrote && first.changePlans.map(\.baseline) == [.none])
        let before = try files(under: root)

        // Removing r3 decommissions its database nodes and deletes its storage.
        let refused = try Generation.run([Self.twoRegions], into: root, mode: .write(force: false))
        #expect(!refused.wrote)
        guard case .unacknowledgedChanges(let plans) = refused.blocker else {
            Issue.record("expected unacknowledged changes, got \(String(describing: refused.blocker))")
            return
        }
        #expect(plans.map(\.topology) == ["fixture-day-two"])
        #expect(plans.first?.needingAcknowledgement.map(\.resource) == ["region r3"])
        #expect(refused.changeSets.first?.removed.contains { $0.path.hasPrefix("clusters/crdb-r3/") } == true, "what it would do is still reported")
        #expect(try files(under: root) == before, "not a byte written")

        // A check never writes, so it is not refused: it reports the change.
        let check = try Generation.run([Self.twoRegions], into: root, mode: .check)
        #expect(check.blocker == nil && !check.wrote)
        #expect(check.changePlans.first?.needingAcknowledgement.count == 1)

        let acknowledged = try Generation.run([Self.twoRegions], into: root, mode: .write(force: false), allowDestructiveChanges: true)
        #expect(acknowledged.wrote && acknowledged.blocker == nil)
        let folder = root.appendingPathComponent("fixture-day-two")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("clusters/crdb-r3").path))
        // The folder records the change that led to it, in change-plan.json and in the README.
        let recorded = try JSONDecoder().decode(ChangePlan.self, from: Data(contentsOf: folder.appendingPathComponent("change-plan.json")))
        #expect(recorded == acknowledged.changePlans.first)
        #expect(recorded.baseline == .plan && recorded.changes.first?.resource == "region r3")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("\n## Last change\n\nAgainst the plan generated before (") )
        #expect(readme.contains("\n| r3 | removed | region r3 | "))
        #expect(readme.contains("acknowledged with `swift run regionmesh generate --allow-destructive-changes`"))
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: folder.appendingPathComponent("plan.json")))
        #expect(plan.regions.map(\.key) == ["r1", "r2"])
    }

    @Test func aSafeChangeIsWrittenWithoutAcknowledgementAndRegeneratingKeepsItsRecord() throws {
        _ = try Generation.run([Self.twoRegions], into: root, mode: .write(force: false))
        let added = try Generation.run([Self.threeRegions], into: root, mode: .write(force: false))
        #expect(added.wrote && added.blocker == nil)
        let changes = try #require(added.changePlans.first)
        #expect(changes.changes.first.map { "\($0.kind.rawValue) \($0.resource)" } == "added region r3")
        #expect(changes.needingAcknowledgement.isEmpty)
        // Generating the same topology again changes no file: the record of the last change stays.
        let again = try Generation.run([Self.threeRegions], into: root, mode: .write(force: false))
        #expect(again.changePlans.first?.isEmpty == true)
        #expect(again.changeSets.first?.isEmpty == true, "\(again.changeSets.first?.summaryLines ?? [])")
        let folder = root.appendingPathComponent("fixture-day-two")
        let recorded = try JSONDecoder().decode(ChangePlan.self, from: Data(contentsOf: folder.appendingPathComponent("change-plan.json")))
        #expect(recorded == changes)
    }

    @Test func aPlanJSONRegionMeshCannotReadStopsTheRunBeforeAnythingIsWritten() throws {
        _ = try Generation.run([Self.twoRegions], into: root, mode: .write(force: false))
        let planFile = root.appendingPathComponent("fixture-day-two/plan.json")
        try "{ not json".write(to: planFile, atomically: true, encoding: .utf8)
        let before = try files(under: root)
        #expect {
            _ = try Generation.run([Self.threeRegions], into: root, mode: .write(force: false))
        } throws: { error in
            (error as? GeneratorError)?.message.contains("fixture-day-two/plan.json is not a plan RegionMesh wrote") == true
        }
        #expect(try files(under: root) == before)
    }
}
