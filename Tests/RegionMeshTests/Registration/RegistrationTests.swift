import Foundation
import RegionMesh
import Testing

/// `unregistered-topology`: a topology written in the folder of the registered ones but not
/// registered is reported where it is declared; nothing else is.
@Suite struct RegistrationTests {
    /// A package in a temporary folder: `Package.swift` and the given files under `topologies/`.
    static func package(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("regionmesh-registration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("topologies/more"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        for (path, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent("topologies/\(path)")) }
        return root.standardizedFileURL
    }

    /// A topology as if declared at line 3 of `file` in `root`.
    static func registered(_ name: String, in root: URL, file: String) -> Topology {
        Topology(name, fileID: "Acme/\(file)", filePath: root.appendingPathComponent("topologies/\(file)").path, line: 3) {}
    }

    @Test func reportsATopologyDeclaredBesideTheRegisteredOnesAtItsLineRelativeToThePackage() throws {
        let root = try Self.package([
            "Production.swift": "import RegionMesh\n\npublic let production = Topology(\"production\") {}\n",
            "more/Staging.swift": "import RegionMesh\n\n// staging\npublic let staging = Topology(\n    \"staging\", summary: \"s\") {}\n",
            "Helpers.swift": "func make(_ n: Int) -> Topology { Topology(\"synthetic-\\(n)\") {} }\n",
        ])
        let findings = Registration.unregisteredTopologies(among: [Self.registered("production", in: root, file: "Production.swift")])
        #expect(findings.map(\.description) == [
            "topologies/more/Staging.swift:4: warning: [unregistered-topology] topology 'staging' is declared here but is not among the topologies the tool runs on, so it is never validated or generated; add it to that list (beside 'production')"
        ])
    }

    @Test func reportsNothingWhenEveryDeclaredTopologyIsRegistered() throws {
        let root = try Self.package([
            "Production.swift": "public let production = Topology(\"production\") {}\n",
            "Staging.swift": "public let staging = Topology(\"staging\") {}\n",
        ])
        let topologies = [
            Self.registered("production", in: root, file: "Production.swift"), Self.registered("staging", in: root, file: "Staging.swift"),
        ]
        #expect(Registration.unregisteredTopologies(among: topologies).isEmpty)
    }

    @Test func reportsNothingWhenTheSourcesAreNotOnThisMachine() {
        let topology = Topology("gone", fileID: "Gone/Gone.swift", filePath: "/nonexistent/regionmesh/topologies/Gone.swift", line: 1) {}
        #expect(Registration.unregisteredTopologies(among: [topology]).isEmpty)
    }

    @Test func aLocationIsRelativeToTheNearestPackageThatHoldsTheFile() throws {
        let root = try Self.package([:])
        let topology = Self.registered("production", in: root, file: "Production.swift")
        #expect(topology.location.file == "topologies/Production.swift")
        #expect(topology.location.description == "topologies/Production.swift:3")
    }
}
