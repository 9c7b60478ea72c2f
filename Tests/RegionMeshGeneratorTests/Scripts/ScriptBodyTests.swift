import Foundation
import Testing

@testable import RegionMeshGenerator

/// A step whose statements are built per item, as it is read: it renders like the step with the
/// same statements given, and builds each item's statements once per reading.
@Suite struct ScriptBodyTests {
    /// Counts the items whose statements were built.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    static func statements(_ name: String) -> [ScriptStatement] {
        [
            .capture("state", placeholder: "x", ShellCommand("az", "show").option("--name", .literal(name))),
            .when("[[ \"$state\" == y ]]", [.run(ShellCommand("az", "fix").option("--name", .literal(name)))]),
        ]
    }

    @Test func aStepBuiltPerItemRendersLikeTheSameStatementsGiven() {
        let names = ["a", "b", "c"]
        let counter = Counter()
        let lazy = ScriptStep(name: "x", title: "x", each: names) { name in
            counter.increment()
            return Self.statements(name)
        }
        let eager = ScriptStep(name: "x", title: "x", body: names.flatMap(Self.statements))
        #expect(counter.count == 0)
        let rendered = lazy.rendered(number: 1)
        #expect(counter.count == 3)
        #expect(rendered == eager.rendered(number: 1))
        #expect(rendered.contains("  local state\n"))
        #expect(Array(lazy.body).count == 6)
        #expect(counter.count == 6)
    }

    @Test func anItemThatCapturesMoreThanTheFirstStopsTheRenderer() async {
        await #expect(processExitsWith: .failure) {
            let step = ScriptStep(name: "x", title: "x", each: [false, true]) { more in
                more ? Self.statements("a") : [.run(ShellCommand("true"))]
            }
            _ = step.rendered(number: 1)
        }
    }
}
