/// What changes in the global endpoint, the regions' front ends and the registry, as setup.sh
/// applies it: front ends and the profile after the database (front-ends.sh), the registry before
/// the clusters (registry.sh), what the plan no longer has at the end (retire.sh).
extension AzureProvider {
    static func clientChanges(from previous: AzurePlan, to next: AzurePlan, context: ChangeContext) -> [Change] {
        var changes = trafficManagerChanges(previous.trafficManager, next.trafficManager)
        for key in context.keptRegions {
            guard let old = previous.region(key), let new = next.region(key) else { continue }
            changes += frontEndChanges(old.frontEnd, new.frontEnd, region: key)
        }
        changes += registryChanges(previous.registry, next.registry)
        return changes
    }

    static func trafficManagerChanges(_ old: TrafficManagerPlan?, _ new: TrafficManagerPlan?) -> [Change] {
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, .some(let profile)):
            return [Change(
                region: nil, resource: "Traffic Manager profile \(profile.profile)", kind: .added,
                detail: "global name \(profile.fqdn) over the front ends of \(profile.endpoints.map(\.region).joined(separator: ", ")) (\(profile.routing.rawValue.lowercased()) routing); setup first checks that the name is free")]
        case (.some(let profile), nil):
            return [Change(
                region: nil, resource: "Traffic Manager profile \(profile.profile)", kind: .removed,
                detail: "\(profile.fqdn) stops answering once retire.sh deletes it at the end; clients connect to the regions' own names, or to nothing")]
        case (.some(let before), .some(let after)):
            if before.profile != after.profile {
                return [Change(
                    region: nil, resource: "Traffic Manager profile", kind: .recreate,
                    detail: "\(changed(before.fqdn, after.fqdn)): setup creates the new profile (checking first that its name is free) and retire.sh deletes the old one at the end; clients must move to the new name")]
            }
            var details: [String] = []
            if before.routing != after.routing { details.append("routing \(changed(before.routing.rawValue, after.routing.rawValue))") }
            if before.monitor != after.monitor || before.ttlSeconds != after.ttlSeconds { details.append("health check or TTL change") }
            let added = after.endpoints.filter { endpoint in !before.endpoints.contains { $0.name == endpoint.name } }.map { "+\($0.name)" }
            let removed = before.endpoints.filter { endpoint in !after.endpoints.contains { $0.name == endpoint.name } }.map { "-\($0.name)" }
            if !(added + removed).isEmpty { details.append("endpoints " + (added + removed).joined(separator: " ")) }
            if before.serves != after.serves {
                details.append("serves \(changed(before.serves.map(\.rawValue).joined(separator: ", "), after.serves.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !details.isEmpty else { return [] }
            return [.inPlace(region: nil, "Traffic Manager profile \(after.profile)", details.joined(separator: "; ") + "; setup brings the profile to the plan")]
        }
    }

    static func frontEndChanges(_ old: AzureFrontEndPlan?, _ new: AzureFrontEndPlan?, region: String) -> [Change] {
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, .some(let frontEnd)):
            return [Change(
                region: region, resource: "load balancer \(frontEnd.loadBalancer)", kind: .added,
                detail: "front end \(frontEnd.fqdn) over the region's nodes; its public IP becomes a Traffic Manager endpoint")]
        case (.some(let frontEnd), nil):
            return [Change(
                region: region, resource: "load balancer \(frontEnd.loadBalancer)", kind: .removed,
                detail: "its Traffic Manager endpoint goes first, so no client is sent here; retire.sh deletes the load balancer and its public IP at the end")]
        case (.some(let before), .some(let after)):
            guard before != after else { return [] }
            if before.dnsLabel != after.dnsLabel {
                return [.inPlace(
                    region: region, "load balancer \(after.loadBalancer)",
                    "DNS name \(changed(before.fqdn, after.fqdn)): the public IP keeps its address and takes the new label")]
            }
            return [.inPlace(
                region: region, "load balancer \(after.loadBalancer)",
                "backends, probe or rules change; setup brings the load balancer to the plan, and connections to nodes that stay keep running")]
        }
    }

    static func registryChanges(_ old: ContainerRegistryPlan?, _ new: ContainerRegistryPlan?) -> [Change] {
        switch (old, new) {
        case (nil, nil):
            return []
        case (nil, .some(let registry)):
            return [Change(
                region: nil, resource: "container registry \(registry.name)", kind: .added,
                detail: "Premium, replicated to \(registry.locations.map(\.name).joined(separator: ", ")); setup first checks that the name is free, imports the pinned images and makes a pull-only token for the nodes")]
        case (.some(let registry), nil):
            return [Change(
                region: nil, resource: "container registry \(registry.name)", kind: .removed,
                detail: "retire.sh deletes it at the end (after asking); the nodes then pull from Docker Hub again")]
        case (.some(let before), .some(let after)):
            if before.name != after.name {
                return [Change(
                    region: nil, resource: "container registry", kind: .recreate,
                    detail: "\(changed(before.name, after.name)): setup creates the new registry and a new token, imports the images, and points every node at it; retire.sh deletes the old one at the end")]
            }
            let added = after.locations.filter { !before.locations.contains($0) }.map { "+\($0.name)" }
            let removed = before.locations.filter { !after.locations.contains($0) }.map { "-\($0.name)" }
            guard !(added + removed).isEmpty else { return [] }
            if before.home != after.home {
                return [.impossible(
                    region: nil, "container registry \(after.name)", "home location \(changed(before.home.name, after.home.name)): a registry stays where it was created",
                    remedy: "keep a region in \(before.home.name), or rename the registry (a new one is created and the old one deleted)")]
            }
            return [.inPlace(
                region: nil, "container registry \(after.name)", "replications " + (added + removed).joined(separator: " ") + "; images replicate to a new replica by themselves")]
        }
    }
}
