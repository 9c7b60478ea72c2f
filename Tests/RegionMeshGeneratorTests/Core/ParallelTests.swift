import Foundation
import Testing

@testable import RegionMeshGenerator

/// Work spread over the cores keeps the order of its input, so generated output does not depend
/// on the number of cores or on which piece finishes first.
@Suite struct ParallelTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test func resultsKeepTheOrderOfTheirInputWhateverFinishesFirst() throws {
        let items = Array(0..<200)
        let results = try Parallel.map(items) { item in
            // Earlier items take longer, so they finish last.
            if item < 20 { usleep(UInt32(20 - item) * 200) }
            return item * item
        }
        #expect(results == items.map { $0 * $0 })
    }

    @Test func theErrorOfTheFirstFailingItemInInputOrderIsThrown() {
        #expect(throws: Failure(index: 3)) {
            _ = try Parallel.map(Array(0..<50)) { item -> Int in
                if item == 3 || item == 40 { throw Failure(index: item) }
                return item
            }
        }
    }

    @Test func noItemsAndOneItem() throws {
        #expect(try Parallel.map([Int]()) { $0 }.isEmpty)
        #expect(try Parallel.map([7]) { $0 + 1 } == [8])
    }
}
