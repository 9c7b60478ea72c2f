import Testing

@testable import RegionMeshGenerator

/// The buffer renderers write into: kept or passed on in blocks, the text is the same and ends
/// with exactly one newline.
@Suite struct TextBufferTests {
    /// Writes the same pieces into a buffer that keeps and one that passes on.
    private func both(_ pieces: [String]) -> (kept: String, passedOn: String, blocks: Int) {
        let kept = TextBuffer()
        var passedOn: [UInt8] = []
        var blocks = 0
        let passing = TextBuffer { bytes in
            passedOn += bytes
            blocks += 1
        }
        for piece in pieces {
            kept.write(piece)
            passing.write(piece)
        }
        kept.finish()
        passing.finish()
        return (kept.text, String(decoding: passedOn, as: UTF8.self), blocks)
    }

    @Test(arguments: [
        ([], "\n"), ([""], "\n"), (["a"], "a\n"), (["a\n"], "a\n"), (["a\n\n", "\n"], "a\n"), (["\n\n"], "\n"), (["a\nb"], "a\nb\n"),
    ])
    func endsWithExactlyOneNewline(pieces: [String], text: String) {
        let result = both(pieces)
        #expect(result.kept == text)
        #expect(result.passedOn == text)
    }

    @Test func largeTextIsPassedOnInBlocksAndNewlinesAtABlockEndWaitForTheEnd() {
        let line = String(repeating: "x", count: 999) + "\n"
        // Newlines fill the end of the first block; more text follows, then newlines end the text.
        let pieces = Array(repeating: line, count: 1048) + [String(repeating: "\n", count: 1000), "tail", String(repeating: "\n", count: 5000)]
        let result = both(pieces)
        #expect(result.blocks > 1)
        #expect(result.passedOn == result.kept)
        #expect(result.kept == pieces.dropLast().joined() + "\n")
    }
}
