import RegionMesh
import RegionMeshTestSupport
import Testing

private let thisFile = "Tests/RegionMeshTests/Validation/AddressPlanRuleTests.swift"

/// Overlaps, reserved ranges and range sizes.
@Suite("Address plan rules")
struct AddressPlanRuleTests {
    @Test("two overlapping ranges in different regions: one error at the later line, naming both")
    func overlapAcrossRegions() throws {
        let (eastPods, eastLine) = (Pods("10.101.0.0/16"), #line)
        let (northServices, northLine) = (Services("10.101.128.0/17"), #line)
        let topology = Fixture.topology {
            Fixture.region(1) { eastPods }
            Fixture.region(2)
            Fixture.region(3) { northServices }
        }
        let diagnostics = topology.diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let overlap = try #require(diagnostics.first)
        #expect(overlap.rule == .overlappingCIDR)
        #expect(overlap.severity == .error)
        #expect(overlap.location == RegionMesh.SourceLocation(file: thisFile, line: northLine))
        #expect(overlap.relatedLocation == RegionMesh.SourceLocation(file: thisFile, line: eastLine))
        #expect(overlap.message == "service range 10.101.128.0/17 of region 'r3' overlaps pod range 10.101.0.0/16 of region 'r1'")
        #expect(
            overlap.description
                == "\(thisFile):\(northLine): error: [overlapping-cidr] service range 10.101.128.0/17 of region 'r3' overlaps pod range 10.101.0.0/16 of region 'r1' (\(thisFile):\(eastLine))"
        )
    }

    @Test("the later declaration is the one written later, whatever the region order")
    func laterByLine() throws {
        let (written, firstLine) = (Services("10.2.0.0/16"), #line)
        let (writtenLater, laterLine) = (Pods("10.2.0.0/16"), #line)
        // writtenLater goes into the region declared first.
        let topology = Fixture.topology {
            Fixture.region(1) { writtenLater }
            Fixture.region(3) { written }
            Fixture.region(2)
        }
        let overlaps = topology.findings(.overlappingCIDR)
        #expect(overlaps.count == 3, "the VNet of r2 overlaps both as well: \(overlaps)")
        let pair = try #require(overlaps.first { $0.message.contains("pod range 10.2.0.0/16 of region 'r1'") && $0.message.contains("service range") })
        #expect(pair.location.line == laterLine)
        #expect(pair.relatedLocation?.line == firstLine)
    }

    @Test("ranges of one region overlap too: VNet and pods")
    func overlapWithinRegion() throws {
        let (vnet, vnetLine) = (Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/24"), #line)
        let (pods, podsLine) = (Pods("10.2.128.0/17"), #line)
        let topology = Fixture.withSecondRegion {
            vnet
            pods
        }
        let overlaps = topology.findings(.overlappingCIDR)
        #expect(overlaps.count == 1)
        #expect(overlaps.first?.location.line == podsLine)
        #expect(overlaps.first?.relatedLocation?.line == vnetLine)
        #expect(overlaps.first?.message == "pod range 10.2.128.0/17 of region 'r2' overlaps VNet 10.2.0.0/16 of region 'r2'")
        #expect(topology.rulesReported == [.overlappingCIDR])
    }

    @Test("three ranges over one another: every pair is reported, once")
    func threeWay() {
        let topology = Fixture.topology {
            Fixture.region(1) { Services("10.50.0.0/16") }
            Fixture.region(2) { Services("10.50.0.0/16") }
            Fixture.region(3) { Pods("10.48.0.0/14") }
        }
        let overlaps = topology.findings(.overlappingCIDR)
        #expect(overlaps.count == 3, "\(overlaps)")
        #expect(Set(overlaps.map(\.message)).count == 3)
    }

    @Test("identical ranges in two regions are one error, at the one written later")
    func identical() {
        let topology = Fixture.topology {
            Fixture.region(1) { Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24") }
            Fixture.region(2) { Network(vnet: "10.1.0.0/16", subnet: "10.1.1.0/24") }
            Fixture.region(3)
        }
        #expect(topology.findings(.overlappingCIDR).map(\.message) == ["VNet 10.1.0.0/16 of region 'r2' overlaps VNet 10.1.0.0/16 of region 'r1'"])
    }

    @Test("adjacent ranges do not overlap")
    func adjacent() {
        let topology = Fixture.topology {
            Fixture.region(1) { Pods("10.100.0.0/16") }
            Fixture.region(2) { Pods("10.101.0.0/16") }
            Fixture.region(3) { Pods("10.102.0.0/16") }
        }
        #expect(topology.diagnostics == [])
    }

    @Test("overlaps are still found when another field of the region is malformed")
    func overlapDespiteOtherErrors() {
        let topology = Fixture.withSecondRegion {
            Pods("10.1.0.0/16")
            Cilium(version: "latest")
        }
        #expect(topology.rulesReported == [.overlappingCIDR, .invalidVersion])
    }

    @Test(
        "every reserved range is rejected, with its reason",
        arguments: [
            ("0.0.0.0/16", "'this network'"), ("127.0.0.0/16", "loopback"), ("169.254.0.0/16", "link-local"),
            ("224.0.0.0/16", "multicast"), ("239.255.0.0/16", "multicast"), ("240.0.0.0/16", "reserved for future use"),
            ("168.63.128.0/17", "the Azure platform address 168.63.129.16"),
        ])
    func reserved(range: String, reason: String) throws {
        let (services, line) = (Services(range), #line)
        let findings = Fixture.withSecondRegion { services }.findings(.reservedRange)
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.location == RegionMesh.SourceLocation(file: thisFile, line: line))
        #expect(finding.message.hasPrefix("service range \(range) of region 'r2' overlaps "))
        #expect(finding.message.contains(reason))
    }

    @Test("a range at the top of the address space hits both 240/4 and the broadcast address")
    func broadcast() {
        let findings = Fixture.withSecondRegion { Services("255.255.255.240/28") }.findings(.reservedRange)
        #expect(findings.count == 2)
        #expect(findings.contains { $0.message.contains("the broadcast address") })
    }

    @Test("private and shared address space is fine", arguments: ["172.16.0.0/16", "192.168.0.0/16", "100.64.0.0/16", "10.200.0.0/16"])
    func notReserved(range: String) {
        #expect(Fixture.withSecondRegion { Services(range) }.diagnostics == [])
    }

    @Test("a /29 subnet holds exactly 3 nodes (Azure keeps 5 of its 8 addresses)")
    func subnetCapacity() throws {
        #expect(Fixture.withSecondRegion { Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/29") }.diagnostics == [])
        let tooSmall = Fixture.withSecondRegion {
            Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/29")
            Nodes(4)
        }
        #expect(tooSmall.findings(.subnetTooSmall).map(\.message) == [
            "subnet 10.2.1.0/29 of region 'r2' has 3 usable addresses (Azure keeps 5) but the region has 4 nodes"
        ])
        let plan = try Fixture.plan(Fixture.withSecondRegion { Network(vnet: "10.2.0.0/16", subnet: "10.2.1.0/29") })
        #expect(plan.regions[1].nodes.map(\.privateIP.description) == ["10.2.1.4", "10.2.1.5", "10.2.1.6"])
    }

    @Test("a subnet outside its VNet is reported at the Network line even when only partly outside")
    func subnetPartlyOutside() {
        let (network, line) = (Network(vnet: "10.2.0.0/24", subnet: "10.2.0.0/23"), #line)
        let findings = Fixture.withSecondRegion { network }.findings(.subnetOutsideVNet)
        #expect(findings.map(\.location.line) == [line])
    }

    @Test("the pod range must give every node a per-node block")
    func podCapacity() {
        #expect(Fixture.withSecondRegion {
            Pods("10.102.0.0/24", perNodeMaskSize: 26)
            Nodes(4)
        }.diagnostics == [])
        #expect(Fixture.withSecondRegion {
            Pods("10.102.0.0/24", perNodeMaskSize: 26)
            Nodes(5)
        }.findings(.podRangeTooSmall).map(\.message) == ["pod range 10.102.0.0/24 of region 'r2' holds 4 per-node /26 blocks but the region has 5 nodes"])
    }

    @Test("the per-node mask must lie between the pod range's length and /30", arguments: [(15, true), (16, false), (30, false), (31, true)])
    func perNodeMaskBounds(mask: Int, rejected: Bool) {
        let findings = Fixture.withSecondRegion { Pods("10.102.0.0/16", perNodeMaskSize: mask) }.findings(.podRangeTooSmall)
        let outOfBounds = findings.filter { $0.message.contains("must lie between the pod range's own /16 and /30") }
        #expect(outOfBounds.isEmpty != rejected, "\(findings)")
    }

    @Test("service ranges from /12 to /28 are accepted", arguments: ["10.208.0.0/12", "10.202.0.0/28"])
    func serviceBoundsAccepted(range: String) {
        let topology = Fixture.topology {
            Fixture.region(1)
            Fixture.region(2) { Services(range) }
            Fixture.region(3) { Services("172.16.0.0/16") }
        }
        #expect(topology.diagnostics == [])
    }

    @Test("the DNS address of a /28 is its .10")
    func dnsInSmallestRange() throws {
        let plan = try Fixture.plan(Fixture.withSecondRegion { Services("10.202.0.16/28") })
        #expect(plan.regions[1].addresses.dnsServiceIP.description == "10.202.0.26")
    }
}
