import ArgumentParser
import Foundation
import RegionMeshGenerator
import RegionMeshTestSupport
import Testing

@testable import RegionMeshCLI

/// An app with `init`, as this repository's own tool has it.
enum InitApp: RegionMeshApp {
    static let commandName = "regionmesh"
    static let topologies = [Fixture.valid()]
    static let additionalCommands: [any ParsableCommand.Type] = [InitCommand.self]
}

/// What `regionmesh init` writes: a package named after its folder, depending on RegionMesh, whose
/// README, CI workflow, entry point and tests name its own tool.
@Suite struct ScaffoldTests {
    static let local = Scaffold(folderName: "acme", dependency: .path("/src/region-mesh"))
    static let released = Scaffold(folderName: "acme", dependency: .release(url: Scaffold.repositoryURL, version: "1.2.3"))

    @Test func theToolIsNamedAfterTheFolder() {
        let scaffold = Scaffold(folderName: "Acme Platform", dependency: .current)
        #expect(scaffold.name == "acme-platform")
        #expect(scaffold.typeName == "AcmePlatform")
        #expect(scaffold.topologiesTarget == "AcmePlatformTopologies")
        #expect(scaffold.command == "swift run acme-platform")
        #expect(Scaffold(folderName: "42_ops", dependency: .current).name == "deploy-42-ops")
        #expect(scaffold.files.map(\.path) == [
            "README.md", "Package.swift", ".gitignore", ".github/workflows/regionmesh.yml",
            "Sources/acme-platform/AcmePlatform.swift", "topologies/Topologies.swift", "topologies/ThreeRegion.swift",
            "Tests/AcmePlatformTests/TopologyTests.swift",
        ])
    }

    @Test func theReadmeOpensWithTheGenerateAndTestCommands() {
        #expect(Self.local.readme.hasPrefix("""
            # acme

            ```sh
            swift run acme generate    # validate every topology in topologies/ and write out/<topology>/
            swift test                 # every topology compiles without an error and is registered
            ```

            """))
        #expect(Self.local.readme.contains("swift run acme validate "))
        #expect(Self.local.readme.contains("swift run acme generate --check "))
    }

    @Test func aLocalCheckoutIsAPathDependencyWithTheReleaseInAComment() {
        let manifest = Self.local.packageManifest
        #expect(manifest.hasPrefix("// swift-tools-version:6.0\n"))
        #expect(manifest.contains("""
                    // A local checkout of RegionMesh; for a released one:
                    // .package(url: "https://github.com/regionmesh/regionmesh.git", from: "\(RegionMeshVersion.current)"),
                    .package(path: "/src/region-mesh"),
            """))
        #expect(manifest.contains("""
            .target(name: "AcmeTopologies", dependencies: [.product(name: "RegionMesh", package: "region-mesh")], path: "topologies"),
            """))
        #expect(manifest.contains("""
                        name: "acme",
                        dependencies: ["AcmeTopologies", .product(name: "RegionMesh", package: "region-mesh"), .product(name: "RegionMeshCLI", package: "region-mesh")]
            """))
        #expect(Self.local.workflow.hasPrefix("# Package.swift depends on a local checkout of RegionMesh (/src/region-mesh)"))
    }

    @Test func theReleaseIsATaggedDependency() {
        let manifest = Self.released.packageManifest
        #expect(manifest.contains("        .package(url: \"https://github.com/regionmesh/regionmesh.git\", from: \"1.2.3\"),\n"))
        #expect(manifest.contains(".product(name: \"RegionMeshCLI\", package: \"regionmesh\")"))
        #expect(!manifest.contains("local checkout"))
        #expect(Self.released.workflow.hasPrefix("# Checks every pull request"))
    }

    @Test func theCIWorkflowValidatesChecksOutAndTests() {
        let workflow = Self.released.workflow
        #expect(workflow.contains("""
                  - name: Validate the topologies
                    run: swift run acme validate
                  - name: out/ is up to date
                    run: swift run acme generate --check
                  - name: Tests
                    run: swift test
            """))
    }

    @Test func theEntryPointRunsRegionMeshUnderTheToolsName() {
        #expect(Self.local.entryPoint.contains("""
            import AcmeTopologies
            import RegionMesh
            import RegionMeshCLI
            """))
        #expect(Self.local.entryPoint.contains(
            "    // static let gitRepository: GitRepository? = GitRepository(url: \"https://github.com/acme/acme.git\", revision: \"main\")\n"))
        #expect(Self.local.entryPoint.contains("""
            @main
            struct Acme: RegionMeshApp {
                static let commandName = "acme"
                static let topologies = allTopologies
            """))
        #expect(Self.local.registry.contains("public let allTopologies: [Topology] = [threeRegion]"))
        #expect(Self.local.sampleTopology.contains("public let threeRegion = Topology("))
        #expect(Self.local.tests.contains("import AcmeTopologies"))
        #expect(Self.local.tests.contains("Registration.unregisteredTopologies(among: allTopologies)"))
    }

    @Test func nothingSecretIsCommitted() {
        let ignored = Set(Self.local.gitignore.split(separator: "\n").map(String.init))
        #expect(ignored.isSuperset(of: [".build/", "*.key", "*.pem"]))
    }

    @Test func initWritesEveryFileIntoANewFolderAndRefusesAFullOne() throws {
        let parent = try temporaryFolder()
        let folder = parent.appendingPathComponent("acme")
        #expect(RootCommand<InitApp>.run(["init", folder.path, "--regionmesh-path", packageRoot.path]) == 0)
        let expected = Scaffold(folderName: "acme", dependency: .path(packageRoot.standardizedFileURL.path))
        for (path, contents) in expected.files {
            let written = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(written == contents, "\(path)")
        }
        #expect(RootCommand<InitApp>.run(["init", folder.path, "--regionmesh-path", packageRoot.path]) == 1, "the folder is not empty now")
    }

    @Test func aPathThatIsNotACheckoutIsAnErrorAndWritesNothing() throws {
        let folder = try temporaryFolder().appendingPathComponent("acme")
        #expect(RootCommand<InitApp>.run(["init", folder.path, "--regionmesh-path", "/no/such/checkout"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
