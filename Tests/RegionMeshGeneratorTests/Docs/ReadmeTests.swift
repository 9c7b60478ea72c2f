import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

/// The project README keeps its promises: the two commands first, every rule listed as
/// `regionmesh rules` lists it, and no rule that does not exist.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The rule rows of the README's table: `| \`id\` | severity | summary |`.
    static var ruleRows: [String] {
        readme.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") && ($0.contains("` | error | ") || $0.contains("` | warning | ")) }
    }

    @Test func startsWithTheGenerateAndTestCommands() {
        let firstBlock = Self.readme.components(separatedBy: "```").dropFirst().first ?? ""
        #expect(firstBlock.contains("swift run regionmesh generate"))
        #expect(firstBlock.contains("swift test"))
    }

    @Test(arguments: Rule.catalogue)
    func listsEveryRule(rule: Rule) {
        #expect(Self.readme.contains("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.summary) |"))
    }

    @Test func listsNoOtherRule() {
        let rows = Self.ruleRows
        #expect(rows.count == Rule.catalogue.count, "\(rows.count) rule rows for \(Rule.catalogue.count) rules")
        #expect(rows == Rule.catalogue.map { "| `\($0.id)` | \($0.severity.rawValue) | \($0.summary) |" }, "the table is in catalogue order")
    }
}
