import Testing

@testable import RegionMeshGenerator

/// The unified diff (`generate --diff`, the golden test, snapshots).
@Suite struct TextUtilityTests {
    @Test func unifiedDiffShowsContextAndLineNumbers() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b") == """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
        #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b") == "")
    }

    @Test func unifiedDiffOfANewFile() {
        #expect(UnifiedDiff.make(old: "", new: "a\nb\n", oldName: "/dev/null", newName: "x") == "--- /dev/null\n+++ x\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    }
}
