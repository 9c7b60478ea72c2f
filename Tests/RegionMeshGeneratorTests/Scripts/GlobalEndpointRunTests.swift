import Foundation
import RegionMesh
import RegionMeshTestSupport
import Testing

@testable import RegionMeshGenerator

/// The global endpoint and the registry (#17), run for real against the stand-ins (``ScriptWorld``):
/// the first run creates the registry, its replications, images and token, every node's registry
/// configuration, the front ends and Traffic Manager; a second run creates nothing; a global name
/// someone else holds stops the preflight before anything exists.
@Suite(.serialized) struct GlobalEndpointRunTests {
    static let topology = Fixture.withGlobalEndpoint("global-run")

    /// The calls that make something: creates, imports, pool memberships, passwords.
    static func makes(_ calls: [String]) -> [String] {
        calls.filter { call in
            call.hasPrefix("az ") && [" create ", " import ", " add ", " generate "].contains { call.contains($0) }
        }
    }

    @Test func theFirstRunMakesEverythingAndASecondRunMakesNothing() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        let made = Self.makes(first.calls)
        func count(_ prefix: String) -> Int { made.filter { $0.hasPrefix(prefix) }.count }
        #expect(count("az acr create ") == 1)
        #expect(count("az acr replication create ") == 2)
        #expect(count("az acr import ") == (try Fixture.plan(Self.topology)).images.count)
        #expect(count("az acr token create ") == 1 && count("az acr token credential generate ") == 1)
        #expect(count("az network lb create ") == 3 && count("az network lb probe create ") == 3 && count("az network lb rule create ") == 6)
        #expect(count("az network nic ip-config address-pool add ") == 9)
        #expect(count("az network traffic-manager profile create ") == 1 && count("az network traffic-manager endpoint create ") == 3)
        #expect(count("az network public-ip create ") == 9 + 3)
        // The registry and the nodes' configuration come before k3s; the front ends after the database.
        let registry = try #require(first.calls.firstIndex { $0.hasPrefix("az acr create ") })
        let k3s = try #require(first.calls.firstIndex { $0.hasPrefix("k3sup install ") })
        let database = try #require(first.calls.lastIndex { $0.hasPrefix("kubectl ") && $0.contains("cockroachdb") })
        let frontEnd = try #require(first.calls.firstIndex { $0.hasPrefix("az network lb create ") })
        #expect(registry < k3s && database < frontEnd)
        #expect(world.events.filter { $0.hasPrefix("registries written on ") }.count == 9)

        // The password is in the secrets folder (mode 600), on the nodes, and nowhere else.
        let secrets = world.home.appendingPathComponent(".regionmesh/global-run")
        let passwordFile = secrets.appendingPathComponent("registry/fixtureimages-pull-password")
        let password = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(password.hasPrefix("stand-in-password-"))
        let mode = try FileManager.default.attributesOfItem(atPath: passwordFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let node = try #require(try FileManager.default.contentsOfDirectory(atPath: world.state.appendingPathComponent("registries").path).first)
        #expect(try String(contentsOf: world.state.appendingPathComponent("registries/\(node)"), encoding: .utf8).contains("password: \(password)"))
        #expect(!first.stdout.contains(password) && !first.stderr.contains(password) && !first.calls.contains { $0.contains(password) })
        for path in (FileManager.default.subpaths(atPath: world.tree.path) ?? []) {
            let text = (try? String(contentsOf: world.tree.appendingPathComponent(path), encoding: .utf8)) ?? ""
            #expect(!text.contains(password), "out/ holds the password in \(path)")
        }
        let logs = secrets.deletingLastPathComponent().appendingPathComponent("global-run-logs")
        for log in (try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? [] {
            #expect(!(try String(contentsOf: logs.appendingPathComponent(log), encoding: .utf8)).contains(password), "the run log holds the password")
        }

        let events = world.events.count
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "\(second.stderr.suffix(3000))")
        #expect(Self.makes(second.calls).isEmpty, "\(Self.makes(second.calls))")
        #expect(!second.calls.contains { $0.hasPrefix("az ") && $0.contains(" delete ") })
        #expect(world.events.dropFirst(events).filter { $0.hasPrefix("registries written") || $0.hasPrefix("token password") }.isEmpty)
        #expect(second.stderr.contains("registry configuration of crdb-r1-node1: unchanged"))
    }

    @Test func aPasswordKeptFromAnEarlierDeploymentIsReplacedWhenTheTokenIsNew() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        // Teardown keeps the secrets folder: the next deployment's new token finds the old password.
        let passwordFile = world.home.appendingPathComponent(".regionmesh/global-run/registry/fixtureimages-pull-password")
        try FileManager.default.createDirectory(at: passwordFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "stale-password\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let run = try world.run("setup.sh")
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        #expect(run.calls.filter { $0.hasPrefix("az acr token credential generate ") }.count == 1)
        let password = try String(contentsOf: passwordFile, encoding: .utf8)
        #expect(password.hasPrefix("stand-in-password-"), "the new token's password, not the stale one")
    }

    @Test func aProfileAndRegistryMadeBeforeTheOwnerTagGetItAddedToTheirOwnTags() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        let registry = "acr----\(Fixture.registryName)", profile = "network-traffic-manager-profile----\(Fixture.globalName)"
        try world.removeTags(of: registry)
        try world.removeTags(of: profile)
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "\(second.stderr.suffix(3000))")
        // Added, not replacing: --set for the registry, a merge for the profile.
        #expect(second.calls.filter { $0.hasPrefix("az acr update ") && $0.contains("--set tags.regionmesh-topology=global-run tags.managed-by=regionmesh") }.count == 1)
        #expect(second.calls.filter { $0.hasPrefix("az tag update ") && $0.contains("--operation Merge --tags regionmesh-topology=global-run managed-by=regionmesh") }.count == 1)
        for key in [registry, profile] {
            #expect(world.azureResource(key)?.contains("regionmesh-topology=global-run") == true, "\(key) is tagged again")
        }
        // Tagged, nothing more happens on the next run.
        let third = try world.run("setup.sh")
        #expect(!third.calls.contains { $0.hasPrefix("az acr update ") || $0.hasPrefix("az tag update ") })
    }

    @Test func aNodeWithANewHostKeyStopsTheRegistryStepWithHowToForgetTheOldKey() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        // The first node's VM was made again on its public IP: a new host key.
        let ip = try #require(first.calls.first { $0.hasPrefix("ssh ") }.flatMap { $0.split(separator: " ").first { $0.contains("@") } }?.split(separator: "@").last)
        // The deployment's own known-hosts file holds the nodes' keys; the operator's is untouched.
        let known = world.home.appendingPathComponent(".regionmesh/global-run/known_hosts")
        #expect(try String(contentsOf: known, encoding: .utf8).contains("\(ip) "))
        #expect(!FileManager.default.fileExists(atPath: world.home.appendingPathComponent(".ssh/known_hosts").path))
        try FileManager.default.createDirectory(at: world.state.appendingPathComponent("host-key-changed"), withIntermediateDirectories: true)
        try "2\n".write(to: world.state.appendingPathComponent("host-key-changed/\(ip)"), atomically: true, encoding: .utf8)
        let run = try world.run("k3s/install.sh")
        #expect(run.status != 0)
        #expect(run.stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        #expect(run.stderr.contains(
            "if its VM was made again, its host key changed: forget the old one with ssh-keygen -R \(ip) -f '\(known.path)', then run again"))
    }

    @Test func aGlobalNameSomeoneElseHoldsStopsThePreflightBeforeAnythingIsCreated() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        try world.takeGlobalName(Fixture.globalName)
        try world.takeGlobalName(Fixture.registryName)
        let run = try world.run("setup.sh")
        #expect(run.status != 0)
        #expect(Self.makes(run.calls).isEmpty)
        #expect(run.stderr.contains("error: Traffic Manager name fixture-global.trafficmanager.net is taken by a profile outside resource group rg-fixture"))
        #expect(run.stderr.contains("error: container registry name fixtureimages.azurecr.io is taken by a registry outside resource group rg-fixture"))
        #expect(run.stderr.contains("error: preflight failed; nothing was created"))
    }

    @Test func aRegistryThePlanDropsIsDeletedAndOneSomeoneElseKeepsInTheGroupStays() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        let group = try Fixture.plan(Self.topology).azure.resourceGroup
        try world.makeRegistry("teamimages", in: group)
        // The topology drops its registry: retire.sh deletes it, found by its owner tag, and not the other.
        try world.regenerate(Fixture.withGlobalEndpoint("global-run", registry: false), allowDestructiveChanges: true)
        let second = try world.run("azure/retire.sh")
        #expect(second.status == 0, "\(second.stderr.suffix(3000))")
        let deletes = second.calls.filter { $0.hasPrefix("az acr delete ") }
        #expect(deletes.count == 1 && deletes[0].contains("--name \(Fixture.registryName)"), "\(deletes)")
        #expect(world.azureResource("acr----teamimages") != nil)
        #expect(second.stderr.contains("container registries without the tag regionmesh-topology, left alone: teamimages"))
        #expect(world.azureResource("acr----\(Fixture.registryName)") == nil)
    }

    @Test func aRegionClosedToClientsLeavesTheGlobalNameFirstThenItsFrontEndIsDeleted() throws {
        let world = try ScriptWorld(Self.topology)
        defer { world.remove() }
        let first = try world.run("setup.sh")
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        try world.regenerate(Fixture.withGlobalEndpoint("global-run") { n in if n == 3 { ClientAccess() } })
        let second = try world.run("setup.sh")
        #expect(second.status == 0, "\(second.stderr.suffix(3000))")
        func index(_ prefix: String, _ name: String) -> Int? {
            second.calls.firstIndex { $0.hasPrefix(prefix) && $0.contains("--name \(name)") }
        }
        let endpoint = try #require(index("az network traffic-manager endpoint delete ", "r3"))
        let removes = second.calls.filter { $0.hasPrefix("az network nic ip-config address-pool remove ") }
        #expect(removes.count == 3 && removes.allSatisfy { $0.contains("--nic-name crdb-r3-node") }, "\(removes)")
        let lb = try #require(index("az network lb delete ", "crdb-r3-lb"))
        let ip = try #require(index("az network public-ip delete ", "crdb-r3-lb-ip"))
        #expect(endpoint < lb && lb < ip, "clients leave the region before its front end goes")
        #expect(world.azureResource("network-lb----crdb-r3-lb") == nil && world.azureResource("network-lb----crdb-r1-lb") != nil)
        #expect(!second.calls.contains { $0.hasPrefix("az ") && $0.contains(" delete ") && ($0.contains("crdb-r1-") || $0.contains("crdb-r2-")) })
        #expect(Self.makes(second.calls).isEmpty, "\(Self.makes(second.calls))")
    }
}
