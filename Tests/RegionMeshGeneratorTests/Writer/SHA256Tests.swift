import Testing

@testable import RegionMeshGenerator

/// SHA-256, the manifest's content hashes: the standard vectors, in hardware and in Swift, whole
/// and in pieces.
@Suite struct SHA256Tests {
    /// The hashers to compare: Swift, and the CPU's instructions where it has them.
    static let modes = SHA256.hardwareAvailable ? [false, true] : [false]

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func standardVectors(input: String, digest: String) {
        for hardware in Self.modes {
            var hasher = SHA256(hardware: hardware)
            hasher.update(input)
            #expect(hasher.finalize() == digest, "hardware: \(hardware)")
        }
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        #expect(SHA256.hex(utf8: input) == digest)
    }

    @Test func aMillionAs() {
        for hardware in Self.modes {
            var hasher = SHA256(hardware: hardware)
            hasher.update(String(repeating: "a", count: 1_000_000))
            #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "hardware: \(hardware)")
        }
    }

    @Test func piecesOfAnyLengthHashLikeTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4097] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = SHA256.hex(bytes)
            for hardware in Self.modes {
                var hasher = SHA256(hardware: hardware)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + Int.random(in: 1...130, using: &generator))
                    bytes[start..<end].withUnsafeBytes { hasher.update($0) }
                    start = end
                }
                #expect(hasher.finalize() == whole, "length \(length), hardware: \(hardware)")
            }
            var swift = SHA256(hardware: false)
            bytes.withUnsafeBytes { swift.update($0) }
            #expect(swift.finalize() == whole, "length \(length)")
        }
    }
}
