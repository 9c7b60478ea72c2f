import Foundation
import RegionMesh
import Testing

/// The project README keeps its promises: the two commands first, every rule listed.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: GoldenTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test func startsWithTheGenerateAndTestCommands() {
        let firstBlock = Self.readme.components(separatedBy: "```").dropFirst().first ?? ""
        #expect(firstBlock.contains("swift run regionmesh generate"))
        #expect(firstBlock.contains("swift test"))
    }

    @Test(arguments: Rule.allCases)
    func listsEveryRule(rule: Rule) {
        #expect(Self.readme.contains("| `\(rule.rawValue)` | \(rule.severity.rawValue) | \(rule.summary) |"))
    }
}
