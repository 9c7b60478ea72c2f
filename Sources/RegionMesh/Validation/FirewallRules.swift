/// NSG rule priorities: 100–4096 and unique within a region's NSG (ports are checked when parsed).
enum FirewallRules {
    static func check(_ region: ParsedRegion, diagnostics: inout [Diagnostic]) {
        var seen: [Int: ParsedInboundRule] = [:]
        for rule in region.inboundRules {
            if !(100...4096).contains(rule.priority) {
                diagnostics.append(Diagnostic(
                    .invalidNSGPriority, "inbound rule '\(rule.name)' of region '\(region.key)' has priority \(rule.priority); Azure allows 100–4096",
                    at: rule.location))
            }
            if let first = seen[rule.priority] {
                diagnostics.append(Diagnostic(
                    .duplicateNSGPriority,
                    "inbound rule '\(rule.name)' of region '\(region.key)' has priority \(rule.priority), already used by rule '\(first.name)'",
                    at: rule.location, related: first.location))
            } else {
                seen[rule.priority] = rule
            }
        }
    }
}
