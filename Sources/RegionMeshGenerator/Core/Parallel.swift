import Foundation

/// Work spread over the machine's cores, results in input order, so output stays byte-identical
/// whatever the number of cores. Used where the pieces are independent and each is large enough
/// to pay for a thread hop: the artifacts of a topology, the files read or written.
enum Parallel {
    /// `transform` of each of `items`, run concurrently, in the order of `items`. Rethrows the
    /// error of the first item (in input order) that failed.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        guard items.count > 1 else { return try items.map(transform) }
        let results = Results<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, Swift.Result { try transform(items[index]) })
        }
        return try results.values.map { try $0!.get() }
    }

    /// Slots for results that threads fill in, each exactly once.
    private final class Results<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Swift.Result<Value, any Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Swift.Result<Value, any Error>) { lock.withLock { slots[index] = result } }

        var values: [Swift.Result<Value, any Error>?] { lock.withLock { slots } }
    }
}
