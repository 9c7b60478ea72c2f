import Foundation
import PropertyBased
import RegionMeshTestSupport
import Testing

@testable import RegionMesh

/// Every parser of the model, fed arbitrary text: it never crashes, accepts exactly what its
/// reference grammar (``Reference``, written without the library) accepts, and says why it refuses
/// the rest.
@Suite("Parser properties")
struct ParserPropertyTests {
    @Test("IPv4Network.parse accepts exactly the canonical a.b.c.d/n blocks, and gives back what was written")
    func cidr() async {
        let examples = ["10.1.0.0/16", "192.0.2.0/24", "0.0.0.0/0", "255.255.255.255/32", " 10.1.1.0/24 ", "10.1.1.5/16", "10.1.0.0"]
        await propertyCheck(count: 1000, input: TextGen.strings(near: examples)) { text in
            let reference = Reference.cidr(text)
            do throws(CIDRError) {
                let network = try IPv4Network.parse(text)
                #expect(reference != nil, "'\(text)' was accepted")
                #expect(network.description == Reference.trimmed(text))
                #expect(network.address.value == reference?.0 && network.prefixLength == reference?.1)
            } catch {
                #expect(reference == nil, "'\(text)' was refused: \(error)")
                #expect(!error.description.isEmpty)
                // A hint is always something that parses.
                if case .missingPrefixLength = error, let address = try? IPv4Address.parse(Substring(Reference.trimmed(text))) {
                    #expect(throws: Never.self) { try IPv4Network.parse("\(address)/32") }
                    #expect(error.description.contains("'\(IPv4Network(containing: address, prefixLength: 24))'"))
                }
                if case .hostBitsSet(_, let canonical) = error {
                    #expect(throws: Never.self) { try IPv4Network.parse(canonical.description) }
                }
            }
        }
    }

    @Test("Quantity.parse accepts only Kubernetes quantities, keeps the text, and names the text it refuses")
    func quantity() async {
        let examples = ["8Gi", "7.5Gi", "512Mi", "1e9", "100m", "+1.5E-3", ".5Ti", "2", "5.", "1E3k"]
        await propertyCheck(count: 1000, input: TextGen.strings(near: examples)) { text in
            let reference = Reference.quantity(text)
            switch Quantity.parse(text) {
            case .success(let quantity):
                #expect(reference.valid, "'\(text)' was accepted")
                #expect(quantity.text == text && quantity.description == text)
                #expect(quantity.value.isFinite && abs(quantity.value) < 0x1p63)
                #expect(Quantity(text) == quantity)
            case .failure(let error):
                // The library refuses exponents of four digits and values beyond 2^63 besides what the grammar refuses.
                #expect(!reference.valid || reference.longExponent || error.reason.contains("larger than"), "'\(text)' was refused: \(error)")
                #expect(error.description.hasPrefix("'\(text)' is not a Kubernetes quantity: "))
                #expect(Quantity(text) == nil)
            }
        }
    }

    @Test("SemanticVersion accepts exactly MAJOR.MINOR.PATCH with an optional v and a SemVer suffix", arguments: [false, true])
    func semanticVersion(requireV: Bool) async {
        let examples = ["v1.35.4+k3s1", "1.19.5", "v26.2.1", "v26.2.0-beta.1", "1.18.11", "v1.33.5-rc1"]
        await propertyCheck(count: 1000, input: TextGen.strings(near: examples)) { text in
            let version = SemanticVersion(text, requireV: requireV)
            #expect((version != nil) == Reference.version(text, requireV: requireV), "'\(text)': \(String(describing: version))")
            if let version {
                #expect(version.text == text)
                #expect(version.major >= 0 && version.minor >= 0 && version.patch >= 0)
                #expect(text.hasSuffix(version.suffix))
            }
        }
    }

    @Test("a version number with a leading zero is no version; the message names the number; plan.json written earlier still reads")
    func versionLeadingZero() throws {
        #expect(SemanticVersion("01.19.0") == nil)
        #expect(SemanticVersion("v26.02.1", requireV: true) == nil)
        #expect(SemanticVersion("v1.35.4+k3s01")?.suffix == "+k3s01")
        #expect(SemanticVersion("0.0.0") != nil)
        #expect(SemanticVersion.numberWithLeadingZero(in: "v26.02.1") == "02")
        #expect(SemanticVersion.numberWithLeadingZero(in: "v1.35.4+k3s01") == nil)
        #expect(SemanticVersion.leadingZeroNote("01.19", requireV: false) == "", "the missing patch number is the fault, not the zero")
        #expect(SemanticVersion.leadingZeroNote("vv01.2.3", requireV: false) == "")
        #expect(SemanticVersion.leadingZeroNote("v1.35.04+k3s1", requireV: true) == "; '04' has a leading zero, which no release tag has")
        let message = Fixture.withSecondRegion { Cilium(version: "01.19.0") }.diagnostics.map(\.message)
        #expect(message == ["Cilium version '01.19.0' is not a version such as '1.19.5'; '01' has a leading zero, which no release tag has"])
        let decoded = try JSONDecoder().decode([SemanticVersion].self, from: Data(#"["01.19.0"]"#.utf8))
        #expect(decoded.map(\.minor) == [19])
    }

    @Test("DNSLabel.isValid is exactly 1–63 of a–z, 0–9 and '-', not starting or ending with '-'")
    func dnsLabel() async {
        let examples = ["eastus", "r1", "crdb-eastus", "a", "a-b", String(repeating: "a", count: 63), "kube-system"]
        await propertyCheck(count: 1000, input: TextGen.strings(near: examples, length: 0...70)) { text in
            #expect(DNSLabel.isValid(text) == Reference.dnsLabel(text), "'\(text)'")
        }
    }

    @Test("VM size names: well-formed exactly by Azure's shape; a suggestion is always a known size")
    func vmSizes() async {
        let examples = ["Standard_D4s_v5", "Standard_D8sv5", "Standard_B1ms", "Standard_E4-2ds_v5", "Standard_NC24ads_A100_v4", "Standard_L8s_v3"]
        await propertyCheck(count: 1000, input: TextGen.strings(near: examples)) { text in
            #expect(AzureVMSizes.isWellFormed(text) == Reference.vmSize(text), "'\(text)'")
        }
        // A suggestion measures the distance to every known size: fewer samples.
        await propertyCheck(count: 100, input: TextGen.strings(near: examples)) { text in
            if let suggestion = AzureVMSizes.suggestion(for: text) {
                #expect(AzureVMSizes.known.contains(suggestion))
                #expect(AzureVMSizes.isWellFormed(suggestion))
            }
        }
    }

    @Test("every size RegionMesh knows is well-formed")
    func knownSizesAreWellFormed() {
        #expect(AzureVMSizes.known.count > 100)
        for size in AzureVMSizes.known {
            #expect(AzureVMSizes.isWellFormed(size), "\(size)")
            #expect(Reference.vmSize(size), "\(size)")
        }
    }
}
