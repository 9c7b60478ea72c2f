import PropertyBased
import RegionMesh
import RegionMeshTestSupport
import Testing

/// Laws of CIDR arithmetic, checked on random networks.
@Suite("CIDR properties")
struct CIDRPropertyTests {
    @Test("overlap is symmetric and agrees with interval arithmetic")
    func overlapSymmetric() async {
        await propertyCheck(count: 500, input: NetworkGen.crowded, NetworkGen.crowded) { a, b in
            #expect(a.overlaps(b) == b.overlaps(a))
            #expect(a.overlaps(b) == intervalsOverlap(a, b), "\(a) and \(b)")
        }
        await propertyCheck(count: 200, input: NetworkGen.any, NetworkGen.any) { a, b in
            #expect(a.overlaps(b) == b.overlaps(a))
            #expect(a.overlaps(b) == intervalsOverlap(a, b), "\(a) and \(b)")
        }
    }

    @Test("a network overlaps and contains itself")
    func reflexive() async {
        await propertyCheck(input: NetworkGen.any) { network in
            #expect(network.overlaps(network))
            #expect(network.contains(network))
        }
    }

    @Test("parse(description) gives back the same network")
    func descriptionRoundTrip() async {
        await propertyCheck(count: 500, input: NetworkGen.any) { network in
            let parsed = try IPv4Network.parse(network.description)
            #expect(parsed == network)
        }
    }

    @Test("an address prints as four octets and parses back")
    func addressRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.uint32(in: 0...UInt32.max)) { value in
            let address = IPv4Address(value)
            #expect(address.description == dotted(value))
            let parsed = try IPv4Address.parse(Substring(address.description))
            #expect(parsed == address)
        }
    }

    @Test("octets of one, two and three digits print without padding", arguments: [
        (IPv4Address(0, 0, 0, 0), "0.0.0.0"), (IPv4Address(255, 255, 255, 255), "255.255.255.255"),
        (IPv4Address(9, 10, 99, 100), "9.10.99.100"), (IPv4Address(100, 99, 10, 9), "100.99.10.9"), (IPv4Address(10, 0, 1, 4), "10.0.1.4"),
    ])
    func addressDigits(address: IPv4Address, text: String) {
        #expect(address.description == text)
    }

    @Test("setting host bits is reported with the network that contains the address")
    func hostBitsSuggestion() async {
        await propertyCheck(count: 300, input: Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...31)) { value, length in
            let canonical = IPv4Network(containing: IPv4Address(value), prefixLength: length)
            let text = "\(dotted(value))/\(length)"
            if canonical.address.value == value {
                let parsed = try IPv4Network.parse(text)
                #expect(parsed == canonical)
            } else {
                #expect(throws: CIDRError.hostBitsSet(text, canonical: canonical)) { try IPv4Network.parse(text) }
            }
        }
    }

    @Test("a network contains each of its sub-blocks, and they tile it")
    func containsSubBlocks() async {
        await propertyCheck(count: 300, input: NetworkGen.any, Gen.int(in: 0...8)) { network, extra in
            let length = min(network.prefixLength + extra, 32)
            let blocks = network.subnets(prefixLength: length)
            #expect(blocks.count == 1 << (length - network.prefixLength))
            for block in blocks {
                #expect(network.contains(block), "\(network) should contain \(block)")
                #expect(network.overlaps(block))
                #expect(block.prefixLength == length)
            }
            #expect(blocks.first?.first == network.first)
            #expect(blocks.last?.last == network.last)
            for (before, after) in zip(blocks, blocks.dropFirst()) {
                #expect(UInt64(before.last.value) + 1 == UInt64(after.first.value), "\(before) then \(after) leave a gap")
            }
        }
    }

    @Test("two distinct sibling sub-blocks never overlap")
    func siblingsDisjoint() async {
        await propertyCheck(
            count: 300, input: NetworkGen.any, Gen.int(in: 1...6), Gen.int(in: 0...63), Gen.int(in: 0...63)
        ) { network, extra, i, j in
            let length = min(network.prefixLength + extra, 32)
            let blocks = network.subnets(prefixLength: length)
            guard blocks.count > 1 else { return }
            let (a, b) = (i % blocks.count, j % blocks.count)
            if a == b {
                #expect(blocks[a].overlaps(blocks[b]))
            } else {
                #expect(!blocks[a].overlaps(blocks[b]), "\(blocks[a]) and \(blocks[b]) of \(network)")
                #expect(!blocks[a].contains(blocks[b]))
            }
        }
    }

    @Test("every address(at:) of a network lies in it; the one past the end does not exist")
    func nthAddress() async {
        await propertyCheck(count: 300, input: NetworkGen.any, Gen.uint64(in: 0...UInt64(UInt32.max))) { network, offset in
            if offset < network.size {
                let address = network.address(at: offset)
                #expect(address.map(network.contains) == true)
                #expect(address.map { UInt64($0.value) - UInt64(network.address.value) } == offset)
            } else {
                #expect(network.address(at: offset) == nil)
            }
            #expect(network.address(at: network.size) == nil)
            #expect(network.address(at: network.size - 1) == network.broadcast)
        }
    }
}
