import Testing

@testable import RegionMeshGenerator

/// SHA-256 (the manifest's content hashes) and the unified diff (`generate --diff`, the golden test, snapshots).
@Suite struct TextUtilityTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

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
