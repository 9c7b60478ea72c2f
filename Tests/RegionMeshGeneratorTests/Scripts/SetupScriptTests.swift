import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// `setup.sh`'s preflight: this machine's public address must be inside every region's AdminAccess.
@Suite struct SetupScriptTests {
    /// The `problems+=` lines of the admin-address check.
    static func addressChecks(_ plan: Plan) -> [String] {
        SetupScript.adminAccessCheck(plan).flatMap(\.flattened).compactMap { statement -> String? in
            if case .when(let condition, _, _) = statement, condition.hasPrefix("! address_in ") { condition } else { nil }
        }
    }

    @Test func oneCheckPerDistinctAdminAccessNamingItsRegions() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3) { n in
            if n == 2 { AdminAccess(from: "151.101.0.0/24", "151.101.8.0/24") }
        })
        #expect(Self.addressChecks(plan) == [
            "! address_in \"$address\" 145.40.0.0/24", "! address_in \"$address\" 151.101.0.0/24 151.101.8.0/24",
        ])
        let text = SetupScript.adminAccessCheck(plan).flatMap(\.flattened).compactMap { statement -> String? in
            if case .shell(let text) = statement, text.hasPrefix("problems+=") { text } else { nil }
        }
        #expect(text.contains { $0.contains("is not in AdminAccess (145.40.0.0/24) of regions 'r1', 'r3'") })
        #expect(text.contains { $0.contains("is not in AdminAccess (151.101.0.0/24, 151.101.8.0/24) of regions 'r2'") })
    }

    @Test func accessFromAnyAddressNeedsNoCheck() throws {
        let plan = try Fixture.plan(Fixture.topology(regions: 3, defaults: [AdminAccess(from: "*")]))
        #expect(SetupScript.adminAccessCheck(plan).isEmpty)
        let mixed = try Fixture.plan(Fixture.topology(regions: 3, defaults: [AdminAccess(from: "0.0.0.0/0")]) { n in
            if n == 3 { AdminAccess(from: "145.40.0.0/24") }
        })
        #expect(Self.addressChecks(mixed) == ["! address_in \"$address\" 145.40.0.0/24"])
    }

    @Test(
        "address_in decides as CIDR arithmetic does",
        arguments: [
            ("145.40.0.7", ["145.40.0.0/24"], true), ("145.40.1.7", ["145.40.0.0/24"], false), ("145.40.1.7", ["10.0.0.0/8", "145.40.0.0/23"], true),
            ("8.8.8.8", ["0.0.0.0/0"], true), ("203.0.113.9", ["203.0.113.9/32"], true), ("203.0.113.10", ["203.0.113.9/32"], false),
            ("255.255.255.255", ["255.255.255.254/31"], true), ("0.0.0.0", ["128.0.0.0/1"], false),
        ])
    func addressIn(address: String, ranges: [String], inside: Bool) throws {
        var out = ShellScript()
        for helper in SetupScript.addressHelpers { ScriptRenderer.function(helper.name, doc: helper.doc, helper.body, in: &out) }
        let script = out.text + "\naddress_in \(address) \(ranges.joined(separator: " "))\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-address-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("check.bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try Bash.run(file.path, [], environment: ["PATH": "/usr/bin:/bin"], scratch: folder)
        #expect((result.status == 0) == inside, "\(result.stderr)")
        // The same question asked of the library.
        let parsed = try IPv4Address.parse(Substring(address))
        #expect(try ranges.contains { try IPv4Network.parse($0).contains(parsed) } == inside)
    }
}
