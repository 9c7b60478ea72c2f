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
}
