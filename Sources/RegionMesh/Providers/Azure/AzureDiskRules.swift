/// Zones, data disks and OS disks as Azure accepts them, and data disks that hold the database.
enum AzureDiskRules {
    /// Parses `Zones`: each 1–3, in a location that has zones (checked per region, where the location is known).
    static func parse(_ zones: Zones?, diagnostics: inout DiagnosticCollector) -> Parsed<[Int]> {
        Parsed.parse(zones) { zones in
            let bad = zones.numbers.filter { !AzureFacts.zoneNumbers.contains($0) }
            guard bad.isEmpty else {
                diagnostics.add(
                    .zonesUnavailable, "zone \(bad.map(String.init).joined(separator: ", ")) is not an Azure availability zone; they are 1, 2 and 3",
                    at: zones.sourceLocation)
                return nil
            }
            return zones.numbers
        }
    }

    /// The zones of a region's nodes: the pinned ones (which its location must have), else 1, 2, 3
    /// where the location has zones, else none.
    static func resolve(_ zones: Parsed<[Int]>, location: AzureLocation, region: String, diagnostics: inout DiagnosticCollector) -> [Int]? {
        switch zones {
        case .invalid: return nil
        case .absent: return AzureFacts.locationsWithZones.contains(location) ? Array(AzureFacts.zoneNumbers) : []
        case .value(let numbers, let at):
            if !numbers.isEmpty, !AzureFacts.locationsWithZones.contains(location) {
                diagnostics.add(.zonesUnavailable, region: region, at: at) {
                    "\($0) pins zones \(numbers.map(String.init).joined(separator: ", ")) but its location '\(location.name)' has no availability zones; write Zones() to place its nodes in none"
                }
                return nil
            }
            return numbers
        }
    }

    /// Parses a disk size in GiB.
    static func parseSize(_ size: Int?, _ what: String, range: ClosedRange<Int>, at location: SourceLocation, diagnostics: inout DiagnosticCollector) -> Parsed<Int> {
        Parsed.parse(size, at: location) { size in
            guard range.contains(size) else {
                diagnostics.add(.invalidDiskSize, "\(what) of \(size) GiB is outside the \(range.lowerBound)–\(range.upperBound) GiB Azure accepts", at: location)
                return nil
            }
            return size
        }
    }

    /// The data disk holds the database volume of its node.
    static func checkDataDisk(sizeGiB: Int, declaredAt: SourceLocation?, needs storage: Quantity, region: String, diagnostics: inout DiagnosticCollector) {
        let needed = Int((storage.value / 0x1p30).rounded(.up))
        guard sizeGiB < needed else { return }
        if let declaredAt {
            diagnostics.add(.dataDiskTooSmall, region: region, at: declaredAt) {
                "the \(sizeGiB) GiB data disks of \($0) cannot hold the database's \(storage) volume; give them at least \(needed) GiB (Premium SSD sizes: 64, 128, 256, 512, 1024 …)"
            }
        }
    }

    /// The default data disk: the smallest Premium SSD size that holds `storage`.
    static func defaultSize(holding storage: Quantity) -> Int {
        let needed = Int((storage.value / 0x1p30).rounded(.up))
        return AzureFacts.premiumSizesGiB.first { $0 >= needed } ?? AzureFacts.premiumSizesGiB[AzureFacts.premiumSizesGiB.count - 1]
    }
}
