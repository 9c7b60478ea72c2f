import Testing
@testable import RegionMeshGenerator

@Suite("Text edits")
struct TextEditingTests {
    @Test(arguments: [
        ("step-one-two", "-", "_", "step_one_two"),
        ("no hyphen", "-", "_", "no hyphen"),
        ("-edge-", "-", "_", "_edge_"),
        ("say \"hi\" é", "\"", "\\\"", "say \\\"hi\\\" é"),
        ("80-90, 443", "-", "–", "80–90, 443"),
        ("", "|", "\\|", ""),
        ("a|b|", "|", "\\|", "a\\|b\\|"),
    ] as [(String, Unicode.Scalar, String, String)])
    func replacingEveryOccurrence(text: String, target: Unicode.Scalar, replacement: String, expected: String) {
        #expect(text.replacingEvery(target, with: replacement) == expected)
    }

    @Test(arguments: [
        ("\n\ntext\n", "text"),
        ("text", "text"),
        ("\r\n  indented\nlines é\n\n", "  indented\nlines é"),
        ("\n\n", ""),
        ("", ""),
        ("\némoji 🐝\n", "émoji 🐝"),
    ])
    func trimmingLineBreaksKeepsEverythingElse(text: String, expected: String) {
        #expect(text.trimmingLineBreaks() == expected)
    }

    @Test func paddingFillsUpToTheWidthAndNeverCutsText() {
        #expect("ab".padded(to: 5) == "ab   ")
        #expect("–x".padded(to: 3) == "–x ")
        #expect("--delete-secrets".padded(to: 12) == "--delete-secrets")
        #expect("".padded(to: 0) == "")
    }
}
