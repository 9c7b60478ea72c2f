/// An artifact's text as a renderer writes it: UTF-8 bytes, kept or passed on. Kept, the text
/// becomes an ``Artifact`` (tests, `--diff`); passed on, it goes to `flush` in blocks of about
/// ``blockSize`` bytes as it is written, so the writer compares, hashes and writes a file of any
/// size without holding it whole. ``finish()`` ends the text with exactly one newline.
///
/// Used by one thread at a time: each artifact is rendered on one thread. Writing copies bytes
/// into a fixed block of memory; renderers write millions of small pieces.
final class TextBuffer {
    /// The size of the blocks the buffer keeps or passes on.
    static let blockSize = 1 << 20

    /// Full blocks kept so far (none when passing on).
    private var blocks: [[UInt8]] = []
    /// The block being written: `count` bytes at `start`, room for ``blockSize``.
    private let start = UnsafeMutablePointer<UInt8>.allocate(capacity: TextBuffer.blockSize)
    private var count = 0
    private let flush: ((UnsafeRawBufferPointer) -> Void)?

    /// A buffer that keeps the text.
    init() {
        flush = nil
    }

    /// A buffer that passes the text on to `flush`, in order, in blocks.
    init(passingOnTo flush: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.flush = flush
    }

    deinit { start.deallocate() }

    /// Appends `text`.
    func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ write(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends `text`.
    func write(_ text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ write(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends `bytes`.
    func write(bytes: UnsafeRawBufferPointer) {
        var bytes = bytes
        while count + bytes.count > Self.blockSize {
            let room = Self.blockSize - count
            (start + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: room)
            count = Self.blockSize
            bytes = UnsafeRawBufferPointer(rebasing: bytes[room...])
            endBlock()
        }
        guard let base = bytes.baseAddress else { return }
        (start + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte (an ASCII character).
    func write(byte: UInt8) {
        if count == Self.blockSize { endBlock() }
        start[count] = byte
        count += 1
    }

    /// Appends `count` copies of `byte` (indentation).
    func write(byte: UInt8, count repeats: Int) {
        for _ in 0..<repeats { write(byte: byte) }
    }

    /// Ends the text with exactly one newline, and passes the rest on when passing on.
    func finish() {
        while true {
            if count == 0, let last = blocks.popLast() {
                last.withUnsafeBytes { write(bytes: $0) }
            }
            guard count > 0, start[count - 1] == UInt8(ascii: "\n") else { break }
            count -= 1
        }
        write(byte: UInt8(ascii: "\n"))
        if let flush {
            flush(UnsafeRawBufferPointer(start: start, count: count))
            count = 0
        }
    }

    /// The text kept (everything written, when not passing on).
    var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(blocks.count * Self.blockSize + count)
        for block in blocks { bytes += block }
        bytes += UnsafeBufferPointer(start: start, count: count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Moves the bytes written into a block: kept, or passed on except for trailing newlines,
    /// which ``finish()`` may still drop.
    private func endBlock() {
        guard let flush else {
            if count > 0 { blocks.append(Array(UnsafeBufferPointer(start: start, count: count))) }
            count = 0
            return
        }
        var end = count
        while end > 0, start[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > 0 else { return }
        flush(UnsafeRawBufferPointer(start: start, count: end))
        (start).update(from: start + end, count: count - end)
        count -= end
    }
}
