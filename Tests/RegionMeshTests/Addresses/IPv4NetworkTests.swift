import Foundation
import RegionMesh
import Testing

/// Arithmetic on parsed networks: membership, overlap, size, addresses, sub-blocks; /0 and /32.
@Suite("IPv4 network arithmetic")
struct IPv4NetworkTests {
    private func net(_ text: String) throws -> IPv4Network { try IPv4Network.parse(text) }
    private func ip(_ text: String) throws -> IPv4Address { try IPv4Address.parse(Substring(text)) }

    @Test("contains an address exactly from the first to the last address")
    func containsAddress() throws {
        let vnet = try net("10.1.0.0/16")
        #expect(vnet.contains(try ip("10.1.0.0")))
        #expect(vnet.contains(try ip("10.1.1.4")))
        #expect(vnet.contains(try ip("10.1.255.255")))
        #expect(!vnet.contains(try ip("10.0.255.255")))
        #expect(!vnet.contains(try ip("10.2.0.0")))
        #expect(!vnet.contains(try ip("11.1.0.0")))
    }

    @Test("contains a network when it is the same or nested inside")
    func containsNetwork() throws {
        let vnet = try net("10.1.0.0/16")
        #expect(vnet.contains(try net("10.1.1.0/24")))
        #expect(vnet.contains(try net("10.1.255.255/32")))
        #expect(vnet.contains(vnet))
        #expect(!vnet.contains(try net("10.0.0.0/8")), "a larger block is not inside a smaller one")
        #expect(!vnet.contains(try net("10.0.0.0/15")), "10.0.0.0/15 holds 10.1.0.0/16, not the other way round")
        #expect(!vnet.contains(try net("10.2.1.0/24")))
    }

    @Test("overlaps when one contains the other, in either order")
    func overlaps() throws {
        let vnet = try net("10.1.0.0/16")
        #expect(vnet.overlaps(try net("10.1.1.0/24")))
        #expect(try net("10.1.1.0/24").overlaps(vnet))
        #expect(vnet.overlaps(vnet))
        #expect(vnet.overlaps(try net("10.0.0.0/15")))
        #expect(vnet.overlaps(try net("0.0.0.0/0")))
    }

    @Test("adjacent and distant blocks do not overlap")
    func disjoint() throws {
        let vnet = try net("10.1.0.0/16")
        #expect(!vnet.overlaps(try net("10.0.0.0/16")), "ends right before")
        #expect(!vnet.overlaps(try net("10.2.0.0/16")), "starts right after")
        #expect(!vnet.overlaps(try net("10.2.0.0/15")))
        #expect(!vnet.overlaps(try net("192.168.0.0/16")))
        #expect(!(try net("10.1.1.0/32")).overlaps(try net("10.1.1.1/32")))
    }

    @Test("size is 2^(32 - prefix length)", arguments: [(0, UInt64(1) << 32), (1, UInt64(1) << 31), (8, 16_777_216), (16, 65_536), (24, 256), (29, 8), (31, 2), (32, 1)])
    func size(prefixLength: Int, size: UInt64) {
        #expect(IPv4Network(containing: IPv4Address(10, 1, 1, 1), prefixLength: prefixLength).size == size)
    }

    @Test("the nth address counts from the network address and stops at the end")
    func nthAddress() throws {
        let subnet = try net("10.1.1.0/24")
        #expect(subnet.address(at: 0) == (try ip("10.1.1.0")))
        #expect(subnet.address(at: 4) == (try ip("10.1.1.4")))
        #expect(subnet.address(at: 255) == (try ip("10.1.1.255")))
        #expect(subnet.address(at: 256) == nil)
        #expect(try net("10.1.0.0/16").address(at: 256 + 7) == (try ip("10.1.1.7")))
        #expect(try net("10.101.0.0/16").address(at: 10) == (try ip("10.101.0.10")))
        #expect(subnet.address(at: .max) == nil)
    }

    @Test("first, last and broadcast")
    func broadcast() throws {
        let subnet = try net("10.1.1.0/24")
        #expect(subnet.first == (try ip("10.1.1.0")))
        #expect(subnet.last == (try ip("10.1.1.255")))
        #expect(subnet.broadcast == (try ip("10.1.1.255")))
        #expect(try net("10.1.0.0/16").broadcast == (try ip("10.1.255.255")))
        #expect(try net("10.1.1.8/29").broadcast == (try ip("10.1.1.15")))
        #expect(try net("10.1.1.0/31").broadcast == (try ip("10.1.1.1")))
    }

    @Test("/0 is the whole address space")
    func wholeSpace() throws {
        let all = try net("0.0.0.0/0")
        #expect(all.size == 4_294_967_296)
        #expect(all.first == (try ip("0.0.0.0")))
        #expect(all.broadcast == (try ip("255.255.255.255")))
        #expect(all.contains(try ip("255.255.255.255")))
        #expect(all.contains(try ip("0.0.0.0")))
        #expect(all.contains(try net("10.1.0.0/16")))
        #expect(all.contains(try net("255.255.255.255/32")))
        #expect(all.address(at: 4_294_967_295) == (try ip("255.255.255.255")))
        #expect(all.address(at: 4_294_967_296) == nil)
        #expect(all.subnets(prefixLength: 1).map(\.description) == ["0.0.0.0/1", "128.0.0.0/1"])
        #expect(all.subnets(prefixLength: 0) == [all])
    }

    @Test("/32 is one address")
    func singleAddress() throws {
        let host = try net("168.63.129.16/32")
        #expect(host.size == 1)
        #expect(host.first == host.last)
        #expect(host.broadcast == (try ip("168.63.129.16")))
        #expect(host.address(at: 0) == (try ip("168.63.129.16")))
        #expect(host.address(at: 1) == nil)
        #expect(host.contains(try ip("168.63.129.16")))
        #expect(!host.contains(try ip("168.63.129.17")))
        #expect(host.subnets(prefixLength: 32) == [host])
        #expect(host.subnets(prefixLength: 33).isEmpty)
        #expect(try net("255.255.255.255/32").broadcast.value == .max)
    }

    @Test("subnets are the sub-blocks in address order")
    func subnets() throws {
        let vnet = try net("10.1.0.0/16")
        let blocks = vnet.subnets(prefixLength: 24)
        #expect(blocks.count == 256)
        #expect(blocks.first == (try net("10.1.0.0/24")))
        #expect(blocks[1] == (try net("10.1.1.0/24")))
        #expect(blocks.last == (try net("10.1.255.0/24")))
        #expect(vnet.subnets(prefixLength: 18).map(\.description) == ["10.1.0.0/18", "10.1.64.0/18", "10.1.128.0/18", "10.1.192.0/18"])
        #expect(vnet.subnets(prefixLength: 16) == [vnet])
    }

    @Test("subnets of a shorter or impossible length are empty", arguments: [-1, 0, 8, 15, 33])
    func noSubnets(length: Int) throws {
        #expect(try net("10.1.0.0/16").subnets(prefixLength: length).isEmpty)
    }

    @Test("subnets at the top of the address space do not overflow")
    func subnetsAtTop() throws {
        let top = try net("255.255.255.254/31")
        #expect(top.subnets(prefixLength: 32).map(\.description) == ["255.255.255.254/32", "255.255.255.255/32"])
        #expect(try net("240.0.0.0/4").subnets(prefixLength: 5).last == (try net("248.0.0.0/5")))
    }

    @Test("init(containing:) clears the host bits")
    func containingInit() throws {
        #expect(IPv4Network(containing: try ip("10.1.1.5"), prefixLength: 16) == (try net("10.1.0.0/16")))
        #expect(IPv4Network(containing: try ip("10.1.1.5"), prefixLength: 32) == (try net("10.1.1.5/32")))
        #expect(IPv4Network(containing: try ip("255.255.255.255"), prefixLength: 0) == (try net("0.0.0.0/0")))
    }

    @Test("ordering: by address, a larger block before the blocks it contains")
    func ordering() throws {
        let sorted = try ["10.1.1.0/24", "10.1.0.0/16", "10.0.0.0/8", "9.0.0.0/8", "10.1.0.0/24"].map(net).sorted()
        #expect(sorted.map(\.description) == ["9.0.0.0/8", "10.0.0.0/8", "10.1.0.0/16", "10.1.0.0/24", "10.1.1.0/24"])
    }

    @Test("networks and addresses encode as their text and decode strictly")
    func codable() throws {
        let encoded = try JSONEncoder().encode([try net("10.1.0.0/16")])
        #expect(try JSONDecoder().decode([String].self, from: encoded) == ["10.1.0.0/16"])
        #expect(try JSONDecoder().decode([IPv4Network].self, from: encoded) == [try net("10.1.0.0/16")])
        #expect(try JSONDecoder().decode([IPv4Address].self, from: Data(#"["10.1.1.4"]"#.utf8)) == [try ip("10.1.1.4")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IPv4Network].self, from: Data(#"["10.1.1.5/16"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IPv4Address].self, from: Data(#"["10.1.1"]"#.utf8)) }
    }
}
