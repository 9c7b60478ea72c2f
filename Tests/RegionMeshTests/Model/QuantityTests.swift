import RegionMesh
import RegionMeshTestSupport
import Testing

/// Kubernetes resource quantities, parsed as Kubernetes parses them.
@Suite("Quantity parsing")
struct QuantityTests {
    /// Accepted quantities and their values.
    static let acceptedExamples: [(String, Double)] = [
        ("8Gi", 8 * 0x1p30), ("7.5Gi", 7.5 * 0x1p30), ("512Mi", 512 * 0x1p20), ("1e9", 1e9), ("1E3", 1e3), ("2", 2), ("100m", 0.1),
        ("1k", 1e3), ("1M", 1e6), ("1G", 1e9), ("1Ti", 0x1p40), ("1Ki", 1024), (".5Gi", 0.5 * 0x1p30), ("5.", 5), ("+1Gi", 0x1p30),
        ("1.5e-3", 1.5e-3), ("2e+2", 200), ("0", 0), ("0012Mi", 12 * 0x1p20),
    ]

    @Test("quantities Kubernetes accepts, with their values", arguments: acceptedExamples)
    func accepted(text: String, value: Double) throws {
        let quantity = try Quantity.parse(text).get()
        #expect(quantity.text == text)
        #expect(quantity.description == text)
        #expect(quantity.value == value)
    }

    /// Rejected texts and the reason given.
    static let rejectedExamples: [(String, String)] = [
        ("8Gx", "'Gx' is not a suffix"), ("Gi", "does not start with a number"), ("1.2.3Gi", "does not start with a number"),
        ("8GB", "'GB' is not a suffix"), ("8gi", "'gi' is not a suffix"), ("", "does not start with a number"), (".", "does not start with a number"),
        (" 8Gi", "does not start with a number"), ("8Gi ", "'Gi ' is not a suffix"), ("1e", "'e' is not a suffix"), ("1e1.5", "'e1.5' is not a suffix"),
        ("1e999", "larger than Kubernetes can hold"), ("١Gi", "does not start with a number"), ("--1", "does not start with a number"),
    ]

    @Test("text Kubernetes rejects, with the reason", arguments: rejectedExamples)
    func rejected(text: String, reason: String) {
        guard case .failure(let error) = Quantity.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.text == text)
        #expect(error.description.hasPrefix("'\(text)' is not a Kubernetes quantity: "))
        #expect(error.reason.contains(reason), "\(error)")
        #expect(Quantity(text) == nil)
    }

    @Test("bytes round up, as Kubernetes rounds memory and storage; nothing below zero")
    func bytes() throws {
        #expect(Quantity("1.5")?.bytes == 2)
        #expect(Quantity("7.5Gi")?.bytes == 8_053_063_680)
        #expect(Quantity("100m")?.bytes == 1)
        #expect(Quantity("-1Gi")?.bytes == 0)
        #expect(Quantity("0")?.bytes == 0)
    }

    @Test("in the DSL, '0', a negative value and less than one byte are refused like malformed text", arguments: ["0", "-1Gi", "0.5", "100m", "8Gx", "Gi", "1.2.3Gi"])
    func atLeastOneByte(text: String) {
        let (crdb, line) = (CockroachDB(memory: text), #line)
        let findings = Fixture.withSecondRegion { crdb }.findings(.invalidQuantity)
        #expect(findings.map(\.location.line) == [line])
        #expect(findings.first?.message.hasPrefix("CockroachDB memory '\(text)' ") == true, "\(findings)")
        #expect(findings.first?.message.hasSuffix("write it like '8Gi', '7.5Gi' or '512Mi'") == true)
    }

    @Test("in the DSL, the forms Kubernetes takes are accepted", arguments: ["7.5Gi", "1e9", "512Mi", "8G", "1"])
    func acceptedInTheDSL(text: String) throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { CockroachDB(memory: text) })
        #expect(plan.cockroach[plan.regions[1]].memory.text == text)
    }
}
