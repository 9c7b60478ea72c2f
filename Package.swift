// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RegionMesh",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RegionMesh", targets: ["RegionMesh"]),
        .library(name: "RegionMeshGenerator", targets: ["RegionMeshGenerator"]),
        // The whole command-line tool, for a team's own package: a list of topologies and an entry point.
        .library(name: "RegionMeshCLI", targets: ["RegionMeshCLI"]),
        .executable(name: "regionmesh", targets: ["regionmesh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The DSL, the model, validation and the resolved Plan.
        .target(name: "RegionMesh"),
        // Emitters (one folder per artifact family) and the writer that owns out/.
        .target(
            name: "RegionMeshGenerator",
            dependencies: ["RegionMesh", "RegionMeshTemplates", "CSHA256", .product(name: "Yams", package: "Yams")]
        ),
        // SHA-256 block compression with the CPU's SHA instructions, for the writer's content hashes.
        .target(name: "CSHA256"),
        // The templates of the generated scripts and documents.
        .target(name: "RegionMeshTemplates", path: "templates", resources: [.copy("prelude.bash")]),
        // The example deployments, written in the DSL.
        .target(name: "Topologies", dependencies: ["RegionMesh"], path: "topologies"),
        // The command-line tool over any app's topologies: thin, over the two libraries.
        .target(
            name: "RegionMeshCLI",
            dependencies: [
                "RegionMesh", "RegionMeshGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // This repository's tool: the CLI over topologies/, with `init` and the benchmark.
        .executableTarget(
            name: "regionmesh",
            dependencies: [
                "RegionMesh", "RegionMeshGenerator", "RegionMeshCLI", "Topologies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What both test targets share: the one fixture builder and the snapshot assertion.
        .target(
            name: "RegionMeshTestSupport",
            dependencies: ["RegionMesh", "RegionMeshGenerator", "Topologies"],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "RegionMeshTests",
            dependencies: [
                "RegionMesh", "Topologies", "RegionMeshTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RegionMeshGeneratorTests",
            dependencies: [
                "RegionMesh", "RegionMeshGenerator", "Topologies", "RegionMeshTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: snapshotFolders + ["Scripts/StandIns"]
        ),
        .testTarget(
            name: "RegionMeshCLITests",
            dependencies: [
                "RegionMesh", "RegionMeshGenerator", "RegionMeshCLI", "Topologies", "RegionMeshTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// The `__Snapshots__` folders of the generator tests: text the snapshot assertion compares with,
/// not sources.
var snapshotFolders: [String] {
    [
        "Databases/CockroachDB/__Snapshots__",
        "Distributions/K3s/__Snapshots__",
        "NetworkPlugins/Cilium/__Snapshots__",
        "Providers/Azure/__Snapshots__",
        "Scripts/__Snapshots__",
    ]
}
