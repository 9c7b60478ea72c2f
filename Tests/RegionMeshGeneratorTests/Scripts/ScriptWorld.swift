import Foundation
import RegionMesh
import Testing

@testable import RegionMeshGenerator

/// A sandbox in which the generated scripts run for real against recording stand-ins of `az`,
/// `curl`, `k3sup`, `kubectl`, `helm`, `cockroach`, `openssl` and `ssh` (see `StandIns/stand-in.bash`).
/// Each stand-in appends its command line to a log and answers what the scripts read back; the
/// stand-ins keep what was "created" in a state folder, so a second run sees it. A test changes
/// what Azure answers (quotas, sizes, a VM that fails, this machine's address) through the methods
/// below, which write files into that folder.
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
    /// What `curl https://api.ipify.org` answers unless ``setPublicAddress(_:)`` says otherwise: an
    /// address inside the topology's AdminAccess.
    let publicAddress: String
    static let tools = ["az", "curl", "k3sup", "kubectl", "helm", "cockroach", "openssl", "ssh"]
    static let standIns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("StandIns")
    /// The stand-in every tool is a copy of, and the parts it reads.
    static let standIn = standIns.appendingPathComponent("stand-in.bash")
    static let standInParts = ["stand-in-az.bash", "stand-in-kube.bash", "stand-in-tools.bash"]

    /// Generates `topology` into a fresh sandbox and installs the stand-ins, less `missing` tools
    /// (not `curl`: the system's own would answer from the real network).
    init(_ topology: Topology, missing: Set<String> = []) throws {
        precondition(!missing.contains("curl"), "the stand-in curl keeps the tests off the network")
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
        tree = root.appendingPathComponent("out").appendingPathComponent(topology.name)
        publicAddress = Self.addressInAdminAccess(of: topology)
        try regenerate(topology)
        for part in Self.standInParts {
            try files.copyItem(at: Self.standIns.appendingPathComponent(part), to: bin.appendingPathComponent(part))
        }
        let script = try String(contentsOf: Self.standIn, encoding: .utf8)
        for tool in Self.tools where !missing.contains(tool) {
            let url = bin.appendingPathComponent(tool)
            try script.write(to: url, atomically: true, encoding: .utf8)
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// Generates `topology` (the same name, changed) into the sandbox again, as a person does after
    /// editing it; the state of the stand-ins stays. Returns the run, whose change plan says what
    /// changed.
    @discardableResult
    func regenerate(_ topology: Topology, allowDestructiveChanges: Bool = false) throws -> Generation.Result {
        try Generation.run(
            [topology], into: root.appendingPathComponent("out"), mode: .write(force: false), allowDestructiveChanges: allowDestructiveChanges)
    }

    /// An address inside the first region's AdminAccess (every fixture region has the same).
    static func addressInAdminAccess(of topology: Topology) -> String {
        guard let region = Pipeline.compile(topology).plan?.regions.first, case .network(let network) = region.adminAccess.sources.first
        else { return "145.40.0.7" }
        return network.address(at: min(7, network.size - 1))!.description
    }

    // MARK: What Azure and the network answer

    /// Writes `text` to `path` under the state folder, creating its folder.
    private func writeState(_ path: String, _ text: String) throws {
        let url = state.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// `curl https://api.ipify.org` prints `address` (an empty one: no answer).
    func setPublicAddress(_ address: String) throws { try writeState("public-address", address) }

    /// Quota `name` (`cores`, `standardDSv5Family`, `StandardSkuPublicIpAddresses`, …) of `location`
    /// has `current` of `limit` in use.
    func setQuota(_ name: String, in location: String, current: Int, limit: Int) throws {
        try writeState("usage/\(location)/\(name)", "\(current) \(limit)\n")
    }

    /// `az vm list-skus` answers `row` for `size` in `location`: family, vCPUs, location
    /// restrictions, zones offered and zones restricted, tab-separated; nil: the size is not offered.
    func setSKU(_ size: String, in location: String, row: [String]?) throws {
        try writeState("skus/\(location)/\(size)", row.map { $0.joined(separator: "\t") + "\n" } ?? "")
    }

    /// VM `name` is created but fails to provision, with `message` as Azure's reason; nil: it is fixed.
    func failVMCreation(_ name: String, message: String?) throws {
        if let message {
            try writeState("vm-create-fails/\(name)", message + "\n")
        } else {
            try? FileManager.default.removeItem(at: state.appendingPathComponent("vm-create-fails/\(name)"))
        }
    }

    /// Resource group `name` exists already, made outside RegionMesh with `tags` (`key=value`).
    func makeResourceGroup(_ name: String, location: String, tags: [String]) throws {
        let words = ["--name", name, "--location", location] + (tags.isEmpty ? [] : ["--tags"] + tags)
        try writeState("az/group----\(name)", words.map { $0 + "\n" }.joined())
    }

    /// Container registry `name` exists in resource group `group`, made outside RegionMesh (no tags).
    func makeRegistry(_ name: String, in group: String) throws {
        try writeState("az/acr----\(name)", ["--name", name, "--resource-group", group, "--sku", "Standard"].map { $0 + "\n" }.joined())
    }

    /// The script `az vm run-command invoke` sends to VM `vm` fails with `error` (the command itself
    /// still succeeds, as Azure's does).
    func failRunCommand(on vm: String, error: String) throws { try writeState("run-command-fails/\(vm)", error + "\n") }

    /// Azure refuses `az vm run-command invoke` on VM `vm` (another run command is in progress).
    func refuseRunCommand(on vm: String) throws { try writeState("run-command-refused/\(vm)", "") }

    /// Azure resource `key` loses its tags, as one made before RegionMesh tagged it.
    func removeTags(of key: String) throws {
        guard let words = azureResource(key) else { return }
        var kept: [String] = []
        var inTags = false
        for word in words {
            if word.hasPrefix("--") { inTags = word == "--tags" }
            if !inTags { kept.append(word) }
        }
        try writeState("az/\(key)", kept.map { $0 + "\n" }.joined())
    }

    /// Another Azure customer holds global name `name` (a Traffic Manager profile's or a registry's).
    func takeGlobalName(_ name: String) throws { try writeState("taken/\(name)", "") }

    /// VNet peering `name` is in `peeringState` (`Disconnected` after its remote VNet was recreated).
    func setPeeringState(_ name: String, _ peeringState: String) throws { try writeState("peering-state/\(name)", peeringState) }

    /// Peering `name` allows VNet access and forwarded traffic as given (an update makes both true).
    func setPeeringFlags(_ name: String, vnetAccess: Bool, forwardedTraffic: Bool) throws {
        try writeState("peering-flags/\(name)", "\(vnetAccess ? "True" : "False")\t\(forwardedTraffic ? "True" : "False")")
    }

    /// The arguments of the command that made (or last updated) Azure resource `key`
    /// (`network-nsg-rule--<nsg>--<rule>`, `vm----<name>`), or nil when it does not exist.
    func azureResource(_ key: String) -> [String]? {
        (try? String(contentsOf: state.appendingPathComponent("az/\(key)"), encoding: .utf8))?.split(separator: "\n").map(String.init)
    }

    /// Databases of the running CockroachDB cluster for `SHOW DATABASES`: name, regions, survival goal.
    func setDatabases(_ rows: [(name: String, regions: [String], survival: String)]) throws {
        try writeState("crdb/databases", rows.map { "\($0.name) \($0.regions.joined(separator: ",")) \($0.survival)\n" }.joined())
    }

    /// Moves CockroachDB pod `pod` of `namespace` in cluster `context` onto Kubernetes node `node`, as
    /// the scheduler may have placed it.
    func placePod(_ pod: String, namespace: String, context: String, on node: String) throws {
        try writeState("pods/\(context)/\(namespace)/\(pod)", node + "\n")
    }

    /// The Kubernetes node CockroachDB pod `pod` of `namespace` in cluster `context` runs on.
    func node(ofPod pod: String, namespace: String, context: String) -> String? {
        (try? String(contentsOf: state.appendingPathComponent("pods/\(context)/\(namespace)/\(pod)"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The CockroachDB nodes: id, address, membership, region.
    var databaseNodes: [(id: Int, address: String, membership: String, region: String)] {
        ((try? String(contentsOf: state.appendingPathComponent("crdb/nodes"), encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4, let id = Int(fields[0]) else { return nil }
            return (id, fields[1], fields[2], fields[3])
        }
    }

    /// What happened in the stand-ins' world, in order (see stand-in-kube.bash): restarts, decommissions, …
    var events: [String] {
        ((try? String(contentsOf: state.appendingPathComponent("events"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The kubeconfig the scripts merge every cluster into.
    var kubeconfig: URL { home.appendingPathComponent(".kube/config") }

    /// Runs `script` (relative to the topology folder) with `arguments` and extra environment; a
    /// question is answered yes (YES=1) unless `answeringYes` is false, as without a terminal.
    func run(_ script: String, _ arguments: [String] = [], environment extra: [String: String] = [:], answeringYes: Bool = true) throws -> Run {
        let log = state.appendingPathComponent("calls.log")
        let before = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        // Only the stand-ins and the basic system tools: no real az, kubectl or cilium.
        var environment = [
            "PATH": "\(bin.path):/usr/bin:/bin",
            "HOME": home.path,
            "STANDIN_STATE": state.path,
            "STANDIN_PUBLIC_ADDRESS": publicAddress,
            "WAIT_INTERVAL": "0",
            "LC_ALL": "C",
        ]
        if answeringYes { environment["YES"] = "1" }
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
        // A script that waits forever (a stand-in that never answers what it waits for) fails the
        // test instead of hanging the suite.
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            Issue.record("\(path) \(arguments.joined(separator: " ")) did not finish within 300 seconds")
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
