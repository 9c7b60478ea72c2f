import RegionMesh
import Testing

/// Every malformed form of a CIDR block is rejected with its own `CIDRError` case.
@Suite("CIDR parsing")
struct CIDRParsingTests {
    /// The error `IPv4Network.parse` throws for `text`, or nil when it parses.
    private func parseError(_ text: String) -> CIDRError? {
        do {
            _ = try IPv4Network.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("well-formed blocks parse into address and prefix length")
    func wellFormed() throws {
        let network = try IPv4Network.parse("10.1.0.0/16")
        #expect(network.address == IPv4Address(10, 1, 0, 0))
        #expect(network.address.value == 0x0A01_0000)
        #expect(network.prefixLength == 16)
        #expect(network.description == "10.1.0.0/16")

        #expect(try IPv4Network.parse("0.0.0.0/0").prefixLength == 0)
        #expect(try IPv4Network.parse("255.255.255.255/32").address.value == UInt32.max)
        #expect(try IPv4Network.parse("10.1.1.5/32").address == IPv4Address(10, 1, 1, 5))
    }

    @Test("surrounding spaces are ignored")
    func surroundingSpaces() throws {
        #expect(try IPv4Network.parse("  10.1.0.0/16 ") == IPv4Network.parse("10.1.0.0/16"))
    }

    @Test("an empty or blank text is .empty", arguments: ["", " ", "    "])
    func empty(text: String) {
        #expect(parseError(text) == .empty)
    }

    @Test("an address without /length is .missingPrefixLength")
    func missingPrefixLength() {
        #expect(parseError("10.1.0.0") == .missingPrefixLength("10.1.0.0"))
        #expect(parseError(" 10.1.0.0 ") == .missingPrefixLength("10.1.0.0"))
        #expect(
            parseError("10.1.0.0").map(\.description)
                == "'10.1.0.0' has no prefix length: write '10.1.0.0/32' for that one address, or '10.1.0.0/24' for its /24")
    }

    @Test("a bare address is offered as its /32 and as the /24 network that holds it")
    func missingPrefixLengthHint() {
        #expect(
            parseError("192.0.2.77").map(\.description)
                == "'192.0.2.77' has no prefix length: write '192.0.2.77/32' for that one address, or '192.0.2.0/24' for its /24")
        // Every suggestion parses.
        #expect(throws: Never.self) { try IPv4Network.parse("192.0.2.77/32") }
        #expect(throws: Never.self) { try IPv4Network.parse("192.0.2.0/24") }
    }

    @Test("text without '/' that is no address gets a message of its own, with no address hint", arguments: ["*", "any", "my-office", "10.1.0"])
    func missingPrefixLengthOfNoAddress(text: String) {
        #expect(parseError(text) == .missingPrefixLength(text))
        #expect(parseError(text)?.description == "'\(text)' is not a CIDR block such as '10.1.0.0/16'")
    }

    @Test(
        "too few or too many octets is .wrongOctetCount with the count",
        arguments: [
            ("10.1.0/16", "10.1.0", 3), ("10/8", "10", 1), ("10.1.0.0.0/16", "10.1.0.0.0", 5), ("/8", "", 1),
            ("10.1.0.0./16", "10.1.0.0.", 5),
        ])
    func wrongOctetCount(text: String, address: String, count: Int) {
        #expect(parseError(text) == .wrongOctetCount(address, count))
    }

    @Test("the octet-count message is singular for one octet")
    func wrongOctetCountMessage() {
        #expect(CIDRError.wrongOctetCount("10", 1).description == "'10' has 1 octet; an IPv4 address has 4")
        #expect(CIDRError.wrongOctetCount("10.1.0", 3).description == "'10.1.0' has 3 octets; an IPv4 address has 4")
    }

    @Test(
        "an octet that is not a number from 0 to 255 is .invalidOctet naming it",
        arguments: [
            ("10.256.0.0/16", "256"), ("10.1000.0.0/16", "1000"), ("10.a.0.0/16", "a"), ("10..0.0/16", ""),
            ("10.-1.0.0/16", "-1"), ("10.+1.0.0/16", "+1"), ("10.1.0.0x/16", "0x"), ("10.١.0.0/16", "١"),
            ("10.1 .0.0/16", "1 "), ("999.1.0.0/16", "999"),
        ])
    func invalidOctet(text: String, octet: String) {
        #expect(parseError(text) == .invalidOctet(octet))
    }

    @Test(
        "an octet with a leading zero is .leadingZero (octal in some tools)",
        arguments: [("10.01.0.0/16", "01"), ("010.1.0.0/16", "010"), ("10.1.00.0/24", "00"), ("10.1.0.000/32", "000")])
    func leadingZero(text: String, octet: String) {
        #expect(parseError(text) == .leadingZero(octet))
    }

    @Test("a single 0 octet is not a leading zero")
    func zeroOctet() throws {
        #expect(try IPv4Network.parse("10.0.0.0/8").address == IPv4Address(10, 0, 0, 0))
    }

    @Test(
        "a prefix length that is not 0...32 is .invalidPrefixLength naming it",
        arguments: [
            ("10.1.0.0/33", "33"), ("10.1.0.0/", ""), ("10.1.0.0/-1", "-1"), ("10.1.0.0/x", "x"), ("10.1.0.0/100", "100"),
            ("10.1.0.0/16/24", "16/24"), ("10.1.0.0/ 16", " 16"), ("10.1.0.0//16", "/16"), ("10.0.0.0/08", "08"),
        ])
    func invalidPrefixLength(text: String, length: String) {
        #expect(parseError(text) == .invalidPrefixLength(length))
    }

    @Test("host bits set: the canonical network is suggested")
    func hostBitsSet() throws {
        let canonical = try IPv4Network.parse("10.1.0.0/16")
        #expect(parseError("10.1.1.5/16") == .hostBitsSet("10.1.1.5/16", canonical: canonical))
        #expect(parseError("10.1.1.5/16")?.description == "'10.1.1.5/16' has host bits set; did you mean '10.1.0.0/16'?")
    }

    @Test(
        "host bits set at every boundary",
        arguments: [
            ("10.1.1.1/24", "10.1.1.0/24"), ("0.0.0.1/0", "0.0.0.0/0"), ("255.255.255.255/0", "0.0.0.0/0"),
            ("10.1.1.1/31", "10.1.1.0/31"), ("10.128.0.0/8", "10.0.0.0/8"), ("192.168.1.0/16", "192.168.0.0/16"),
        ])
    func hostBitsSetCanonical(text: String, canonical: String) throws {
        guard case .hostBitsSet(let written, let suggested) = parseError(text) else {
            Issue.record("'\(text)' did not report host bits: \(String(describing: parseError(text)))")
            return
        }
        #expect(written == text)
        #expect(suggested.description == canonical)
        #expect(try IPv4Network.parse(canonical) == suggested)
    }

    @Test("the address is checked before the prefix length")
    func addressFirst() {
        #expect(parseError("10.1.0/33") == .wrongOctetCount("10.1.0", 3))
        #expect(parseError("10.01.0.0/33") == .leadingZero("01"))
    }

    @Test("every error has a message naming what was written")
    func messages() throws {
        #expect(CIDRError.empty.description == "an empty string is not a CIDR block")
        #expect(CIDRError.invalidOctet("256").description == "'256' is not an octet (a number from 0 to 255)")
        #expect(CIDRError.leadingZero("01").description == "octet '01' has a leading zero, which some tools read as octal")
        #expect(CIDRError.invalidPrefixLength("33").description == "'33' is not a prefix length (a number from 0 to 32)")
    }
}

@Suite("IPv4 address parsing")
struct IPv4AddressParsingTests {
    @Test("dotted quads parse to their 32-bit value and print back")
    func roundTrip() throws {
        let address = try IPv4Address.parse("10.1.1.4")
        #expect(address.value == 0x0A01_0104)
        #expect(address == IPv4Address(10, 1, 1, 4))
        #expect(address.description == "10.1.1.4")
        #expect(try IPv4Address.parse("0.0.0.0").value == 0)
        #expect(try IPv4Address.parse("255.255.255.255").value == .max)
    }

    @Test("addresses order by value")
    func ordering() {
        #expect(IPv4Address(10, 1, 1, 4) < IPv4Address(10, 1, 1, 5))
        #expect(IPv4Address(9, 255, 255, 255) < IPv4Address(10, 0, 0, 0))
        #expect(!(IPv4Address(10, 0, 0, 0) < IPv4Address(10, 0, 0, 0)))
    }

    @Test("a CIDR block is not an address")
    func notAnAddress() {
        #expect(throws: CIDRError.invalidOctet("0/16")) { try IPv4Address.parse("10.1.0.0/16") }
    }
}
