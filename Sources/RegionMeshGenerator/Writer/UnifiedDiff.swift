/// A unified diff (`diff -u` style, three lines of context) between two texts, built on the
/// standard library's `CollectionDifference`.
public enum UnifiedDiff {
    /// The diff of `old` to `new`, labelled with `oldName`/`newName`; empty when the texts are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts together into a list of edit operations.
        enum Op { case same(Int, Int), delete(Int), add(Int) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { ops.append(.delete(i)); i += 1 }
            else if j < b.count, inserted.contains(j) { ops.append(.add(j)); j += 1 }
            else { ops.append(.same(i, j)); i += 1; j += 1 }
        }
        let changed = ops.indices.filter { if case .same = ops[$0] { false } else { true } }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var start = 0
        while start < changed.count {
            var end = start
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= 2 * context + 1 { end += 1 }
            let low = max(changed[start] - context, 0), high = min(changed[end] + context, ops.count - 1)
            var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0, body = ""
            // Line numbers: count the lines of each side before the hunk.
            for op in ops[..<low] {
                switch op { case .same: oldStart += 1; newStart += 1
                case .delete: oldStart += 1
                case .add: newStart += 1 }
            }
            for op in ops[low...high] {
                switch op {
                case .same(let x, _): body += " \(a[x])\n"; oldCount += 1; newCount += 1
                case .delete(let x): body += "-\(a[x])\n"; oldCount += 1
                case .add(let y): body += "+\(b[y])\n"; newCount += 1
                }
            }
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n" + body
            start = end + 1
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
