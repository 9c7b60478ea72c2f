import PropertyBased
import RegionMesh
import Testing

/// `OverlapFinder.overlappingPairs` reports exactly the overlapping pairs, each once.
@Suite("OverlapFinder")
struct OverlapFinderTests {
    private func pairs(_ texts: [String]) throws -> [IndexPair] {
        OverlapFinder.overlappingPairs(try texts.map(IPv4Network.parse)).map { IndexPair($0.0, $0.1) }
    }

    @Test("no networks, one network: no pair")
    func trivial() throws {
        #expect(try pairs([]).isEmpty)
        #expect(try pairs(["10.0.0.0/8"]).isEmpty)
    }

    @Test("disjoint and adjacent networks: no pair")
    func disjoint() throws {
        #expect(try pairs(["10.1.0.0/16", "10.2.0.0/16", "10.0.0.0/16", "10.3.0.0/16", "192.168.0.0/16"]).isEmpty)
    }

    @Test("the seed's address plan has no overlap")
    func seed() throws {
        let ranges = [
            "10.1.0.0/16", "10.10.0.0/16", "10.101.0.0/16", "10.2.0.0/16", "10.11.0.0/16", "10.102.0.0/16",
            "10.3.0.0/16", "10.12.0.0/16", "10.103.0.0/16",
        ]
        #expect(try pairs(ranges).isEmpty)
    }

    @Test("identical networks are one pair")
    func identical() throws {
        #expect(try pairs(["10.1.0.0/16", "10.1.0.0/16"]) == [IndexPair(0, 1)])
        #expect(Set(try pairs(["10.1.0.0/16", "10.1.0.0/16", "10.1.0.0/16"])) == [IndexPair(0, 1), IndexPair(0, 2), IndexPair(1, 2)])
    }

    @Test("a block nested in another is one pair, whichever comes first in the list")
    func nested() throws {
        #expect(try pairs(["10.1.1.0/24", "10.1.0.0/16"]) == [IndexPair(0, 1)])
        #expect(try pairs(["10.1.0.0/16", "10.1.1.0/24"]) == [IndexPair(0, 1)])
    }

    @Test("a chain of nested blocks gives every pair of the chain, and a block after it none")
    func chain() throws {
        let found = try pairs(["10.1.1.0/24", "10.0.0.0/8", "10.1.0.0/16", "10.1.1.128/25", "10.2.0.0/16", "11.0.0.0/8"])
        let expected: Set<IndexPair> = [
            IndexPair(0, 1), IndexPair(0, 2), IndexPair(0, 3), IndexPair(1, 2), IndexPair(1, 3), IndexPair(2, 3), IndexPair(1, 4),
        ]
        #expect(Set(found) == expected)
        #expect(found.count == expected.count, "each pair once")
    }

    @Test("a block that ends is popped before a later sibling inside the same parent")
    func siblingsInsideParent() throws {
        // 10.0.0.0/8 contains both /16s; the /16s do not overlap each other; the /24 is in the second.
        let found = try pairs(["10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.2.5.0/24"])
        #expect(Set(found) == [IndexPair(0, 1), IndexPair(0, 2), IndexPair(0, 3), IndexPair(2, 3)])
        #expect(found.count == 4)
    }

    @Test("/0 overlaps everything; /32s at the top end do not wrap around")
    func extremes() throws {
        let found = try pairs(["255.255.255.255/32", "0.0.0.0/32", "0.0.0.0/0", "255.255.255.254/31"])
        #expect(Set(found) == [IndexPair(0, 2), IndexPair(1, 2), IndexPair(2, 3), IndexPair(0, 3)])
    }

    @Test("each reported pair really overlaps, and is reported once")
    func pairsAreOverlapsProperty() async {
        await propertyCheck(count: 200, input: NetworkGen.crowded.array(of: 0...40)) { networks in
            let found = OverlapFinder.overlappingPairs(networks)
            for (a, b) in found {
                #expect(a != b)
                #expect(networks.indices.contains(a) && networks.indices.contains(b))
                if networks.indices.contains(a), networks.indices.contains(b) {
                    #expect(intervalsOverlap(networks[a], networks[b]), "\(networks[a]) and \(networks[b])")
                }
            }
            #expect(Set(found.map { IndexPair($0.0, $0.1) }).count == found.count, "a pair was reported twice")
        }
    }

    @Test("the sweep finds exactly the pairs a brute-force comparison finds")
    func matchesBruteForceProperty() async {
        await propertyCheck(count: 300, input: NetworkGen.crowded.array(of: 0...40)) { networks in
            let found = OverlapFinder.overlappingPairs(networks).map { IndexPair($0.0, $0.1) }
            let expected = bruteForceOverlaps(networks)
            #expect(Set(found) == expected, "networks: \(networks)")
            #expect(found.count == expected.count)
        }
        await propertyCheck(count: 100, input: NetworkGen.any.array(of: 0...30)) { networks in
            let found = OverlapFinder.overlappingPairs(networks).map { IndexPair($0.0, $0.1) }
            #expect(Set(found) == bruteForceOverlaps(networks), "networks: \(networks)")
        }
    }

    @Test("lists with many duplicates match brute force")
    func duplicatesProperty() async {
        let few = Gen<IPv4Network?>.element(of: ["10.0.0.0/8", "10.1.0.0/16", "10.1.1.0/24", "10.2.0.0/16", "10.1.1.0/25"].map { try! IPv4Network.parse($0) })
            .map { $0! }
        await propertyCheck(count: 200, input: few.array(of: 0...25)) { networks in
            let found = OverlapFinder.overlappingPairs(networks).map { IndexPair($0.0, $0.1) }
            #expect(Set(found) == bruteForceOverlaps(networks), "networks: \(networks)")
            #expect(found.count == bruteForceOverlaps(networks).count)
        }
    }
}
