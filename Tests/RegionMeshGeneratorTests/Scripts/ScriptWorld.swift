import Foundation
import RegionMesh
import Testing

@testable import RegionMeshGenerator

/// A sandbox in which the generated scripts run for real against recording stand-ins of `az`,
/// `k3sup`, `kubectl`, `helm`, `cockroach`, `openssl` and `ssh` (see `StandIns/stand-in.bash`).
/// Each stand-in appends its command line to a log and answers what the scripts read back; the
/// stand-ins keep what was "created" in a state folder, so a second run sees it.
struct ScriptWorld {
    /// One finished script run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        /// The stand-in calls of this run, one command line each (`az group create --name …`).
        let calls: [String]
    }

    let root: URL
    let tree: URL
    let bin: URL
    let state: URL
    let home: URL
    static let tools = ["az", "k3sup", "kubectl", "helm", "cockroach", "openssl", "ssh"]
    static let standIn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("StandIns/stand-in.bash")

    /// Generates `topology` into a fresh sandbox and installs the stand-ins, less `missing` tools.
    init(_ topology: Topology, missing: Set<String> = []) throws {
        let files = FileManager.default
        root = files.temporaryDirectory.appendingPathComponent("regionmesh-scripts-\(UUID().uuidString)")
        bin = root.appendingPathComponent("bin")
        state = root.appendingPathComponent("state")
        home = root.appendingPathComponent("home")
        for folder in [bin, state, home.appendingPathComponent(".ssh")] {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "ssh-ed25519 AAAA stand-in\n".write(to: home.appendingPathComponent(".ssh/id_ed25519.pub"), atomically: true, encoding: .utf8)
        try "stand-in private key\n".write(to: home.appendingPathComponent(".ssh/id_ed25519"), atomically: true, encoding: .utf8)
        let result = try Generation.run([topology], into: root.appendingPathComponent("out"), mode: .write(force: false))
        #expect(result.wrote, "generation failed: \(result.diagnostics)")
        tree = root.appendingPathComponent("out").appendingPathComponent(topology.name)
        let script = try String(contentsOf: Self.standIn, encoding: .utf8)
        for tool in Self.tools where !missing.contains(tool) {
            let url = bin.appendingPathComponent(tool)
            try script.write(to: url, atomically: true, encoding: .utf8)
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// Runs `script` (relative to the topology folder) with `arguments` and extra environment.
    func run(_ script: String, _ arguments: [String] = [], environment extra: [String: String] = [:]) throws -> Run {
        let log = state.appendingPathComponent("calls.log")
        let before = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        // Only the stand-ins and the basic system tools: no real az, kubectl or cilium.
        var environment = [
            "PATH": "\(bin.path):/usr/bin:/bin",
            "HOME": home.path,
            "STANDIN_STATE": state.path,
            "WAIT_INTERVAL": "0",
            "LC_ALL": "C",
        ]
        environment.merge(extra) { _, new in new }
        let result = try Bash.run(tree.appendingPathComponent(script).path, arguments, environment: environment, scratch: state)
        let after = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let calls = after.dropFirst(before.count).split(separator: "\n").map(String.init)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr, calls: calls)
    }

    /// Every file under the sandbox's home folder, relative to it.
    var homeFiles: [String] {
        (try? FileManager.default.subpathsOfDirectory(atPath: home.path)) ?? []
    }

    /// Removes the sandbox.
    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Runs a bash script in a process of its own, its output captured in files.
enum Bash {
    /// Runs `/bin/bash path arguments…` with exactly `environment`, stdin from /dev/null; `scratch`
    /// is a folder for the output files.
    static func run(_ path: String, _ arguments: [String], environment: [String: String], scratch: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        process.environment = environment
        // Output goes to files, so a chatty script never blocks on a full pipe.
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
