/// Finds every pair of overlapping networks in a list in O(n log n + k) for k overlapping pairs.
///
/// CIDR blocks nest or are disjoint, so after sorting by start address (larger block first) the
/// blocks still open at any point form a chain of containing blocks: a stack. Each new block
/// overlaps exactly the blocks left on the stack once the ones that end before it are popped.
public enum OverlapFinder {
    /// Returns the index pairs `(earlier, later)` of overlapping networks, ordered by the later one's
    /// position in the sorted sweep. Each pair is reported once.
    public static func overlappingPairs(_ networks: [IPv4Network]) -> [(Int, Int)] {
        let order = networks.indices.sorted { networks[$0] < networks[$1] || (networks[$0] == networks[$1] && $0 < $1) }
        var open: [Int] = []
        var pairs: [(Int, Int)] = []
        for index in order {
            let network = networks[index]
            while let top = open.last, networks[top].last < network.first { open.removeLast() }
            for container in open { pairs.append((container, index)) }
            open.append(index)
        }
        return pairs
    }
}
