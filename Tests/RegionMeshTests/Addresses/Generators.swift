import PropertyBased
import RegionMesh

/// Random networks for the property tests.
enum NetworkGen {
    /// Any network: a random address with a random prefix length, host bits cleared.
    static var any: Generator<IPv4Network, Shrink.Tuple<(UInt32, Int)>> {
        zip(Gen.uint32(in: 0...UInt32.max), Gen.int(in: 0...32)).map { value, length in
            IPv4Network(containing: IPv4Address(value), prefixLength: length)
        }
    }

    /// Networks crowded into 10.0.0.0/16 and its surroundings, so that a list of a few dozen has
    /// many nested, identical and adjacent blocks, and some disjoint ones.
    static var crowded: Generator<IPv4Network, Shrink.Tuple<(UInt32, Int)>> {
        zip(Gen.uint32(in: 0...0x3_FFFF), Gen.int(in: 13...32)).map { offset, length in
            IPv4Network(containing: IPv4Address(0x0A00_0000 &+ offset), prefixLength: length)
        }
    }
}

/// The first and last address of a network as plain integers, computed without the library.
func addressInterval(_ network: IPv4Network) -> ClosedRange<UInt64> {
    let size = UInt64(1) << UInt64(32 - network.prefixLength)
    let start = UInt64(network.address.value) / size * size
    return start...(start + size - 1)
}

/// Whether two networks share an address, by interval arithmetic.
func intervalsOverlap(_ a: IPv4Network, _ b: IPv4Network) -> Bool {
    addressInterval(a).overlaps(addressInterval(b))
}

/// An unordered pair of indices.
struct IndexPair: Hashable, CustomStringConvertible {
    let low: Int, high: Int
    init(_ a: Int, _ b: Int) { (low, high) = (min(a, b), max(a, b)) }
    var description: String { "(\(low), \(high))" }
}

/// Every overlapping pair, by comparing each pair of networks.
func bruteForceOverlaps(_ networks: [IPv4Network]) -> Set<IndexPair> {
    var pairs: Set<IndexPair> = []
    for i in networks.indices {
        for j in networks.indices where j > i && intervalsOverlap(networks[i], networks[j]) {
            pairs.insert(IndexPair(i, j))
        }
    }
    return pairs
}
