import CSHA256

/// SHA-256 (FIPS 180-4), fed in pieces: the content hashes of the output manifest, which tell a file
/// RegionMesh wrote from one edited by hand. Blocks are compressed with the CPU's SHA instructions
/// where it has them (``hardwareAvailable``), in Swift otherwise.
struct SHA256 {
    /// Whether this CPU compresses blocks in hardware.
    static let hardwareAvailable = regionmesh_sha256_hardware_available() == 1

    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    /// The bytes of an incomplete block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let hardware: Bool

    /// A hasher; `hardware: false` compresses in Swift even where the CPU could (for tests).
    init(hardware: Bool = SHA256.hardwareAvailable) {
        self.hardware = hardware
        pending.reserveCapacity(64)
    }

    /// The lower-case hex digest of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        let array = Array(bytes)
        array.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// The lower-case hex digest of the UTF-8 bytes of `text`, read in place.
    static func hex(utf8 text: String) -> String {
        var hasher = SHA256()
        var text = text
        text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    /// Adds `bytes`.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var data = bytes.baseAddress, !bytes.isEmpty else { return }
        var count = bytes.count
        length += UInt64(count)
        if !pending.isEmpty {
            let taken = min(64 - pending.count, count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: data, count: taken))
            data += taken
            count -= taken
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = count / 64
        if whole > 0 { compress(data, blocks: whole) }
        pending.append(contentsOf: UnsafeRawBufferPointer(start: data + whole * 64, count: count - whole * 64))
    }

    /// Adds the UTF-8 bytes of `text`.
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The lower-case hex digest of everything added.
    consuming func finalize() -> String {
        let bitLength = length * 8
        var tail = pending + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 64) }
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for word in state {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int(word >> UInt32(shift) & 0xf)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        let hardware = hardware
        state.withUnsafeMutableBufferPointer { state in
            if hardware {
                regionmesh_sha256_hardware_blocks(state.baseAddress!, data.assumingMemoryBound(to: UInt8.self), blocks)
            } else {
                SHA256Blocks.compress(state.baseAddress!, data, blocks: blocks)
            }
        }
    }
}
