import RegionMesh

/// The README's account of the client front ends, the global name and the registry: how clients
/// connect and what happens when a region fails; where the nodes pull from and why the nodes'
/// credential is a token that may only pull.
struct AzureClientReadme {
    let plan: Plan
    let azure: AzurePlan

    /// Lines of the summary `setup.sh` shows before it asks to go on.
    var summary: [String] {
        var lines: [String] = []
        if let trafficManager = azure.trafficManager {
            lines.append(
                "  clients: Traffic Manager \(trafficManager.fqdn) (\(trafficManager.routing.rawValue.lowercased()) routing) over a load balancer in \(trafficManager.endpoints.map(\.region).joined(separator: ", "))")
        }
        if let registry = azure.registry {
            lines.append("  images: registry \(registry.loginServer) (Premium) in \(registry.locations.map(\.name).joined(separator: ", "))")
        }
        return lines
    }

    var sections: [(title: String, markdown: String)] {
        var sections: [(title: String, markdown: String)] = []
        if let trafficManager = azure.trafficManager { sections.append(("Clients: one global name", clients(trafficManager))) }
        if let registry = azure.registry { sections.append(("Images: a registry in every region's location", images(registry))) }
        return sections
    }

    var files: [(String, String)] {
        var files: [(String, String)] = []
        if azure.registry != nil {
            files.append(("`\(AzureRegistryScript.path)`", "the geo-replicated registry, its images and the nodes' pull-only token"))
        }
        if azure.trafficManager != nil {
            files.append(("`\(AzureFrontEndScript.path)`", "a load balancer per region that serves clients, and the Traffic Manager profile over them"))
        }
        return files
    }

    func clients(_ trafficManager: TrafficManagerPlan) -> String {
        let serving = plan.clientRegions
        guard let access = serving.first?.clientAccess else { return "" }
        let table = TextTable(
            header: ["Region", "Front end (certificate name)", "Load balancer", "Ports → NodePorts", "Clients from"],
            rows: serving.map { region in
                let frontEnd = azure[region].frontEnd
                return [
                    region.key, "`\(frontEnd?.fqdn ?? "")`", frontEnd?.loadBalancer ?? "",
                    region.clientAccess?.ports.map { "\($0.port) → \($0.nodePort)" }.joined(separator: ", ") ?? "",
                    region.clientAccess?.sources.map(\.description).joined(separator: ", ") ?? "",
                ]
            })
        let closed = plan.regions.filter { $0.clientAccess == nil }.map { "`\($0.key)`" }
        let monitor = trafficManager.monitor
        let probe = serving.lazy.compactMap { azure[$0].frontEnd?.probe }.first
        let served = trafficManager.serves.map { access.port($0) }.map { "\($0.title) (\($0.port))" }.joined(separator: " and ")
        let routing: String = switch trafficManager.routing {
        case .performance: "the region with the lowest latency from the client's DNS resolver"
        case .priority: "the first healthy region in the order below"
        case .weighted: "any healthy region, evenly"
        }
        return table.markdown + """

            Clients connect to **`\(trafficManager.fqdn)`**: Traffic Manager answers each DNS query with the front end \
            of \(routing), among the regions whose database is ready. Each front end is a Standard public load \
            balancer over the region's nodes: it forwards \(served) from the addresses in the table (the NSG admits \
            no one else) to the fixed NodePorts of the database's client service, whose external \
            traffic policy `Local` lets only a node whose own CockroachDB pod is ready answer.\
            \(closed.isEmpty ? "" : " Regions \(closed.joined(separator: ", ")) serve no clients from outside (`ClientAccess()`): their nodes hold data and answer the other regions only.")

            **The certificate.** Every node certificate carries `\(trafficManager.fqdn)` and its region's front-end \
            name as SANs (`cockroachdb/certs.sh` adds them), so a client verifies TLS (`sslmode=verify-full`) \
            against the deployment's CA, whichever region answers. Clients authenticate with their own client \
            certificate or a password, as inside the clusters.

            **Failover and timing.** Two health checks ask the same readiness endpoint, \
            `\(monitor.networkProtocol) \(access.readiness.path)` on the DB Console port (200 only when the node \
            accepts SQL; 503 while it starts or drains):

            - each load balancer probes every node's NodePort \(probe.map { "every \($0.intervalSeconds) s and takes a node out after \($0.failures) failures" } ?? ""): \
            within about \(probe.map { $0.intervalSeconds * $0.failures } ?? 0) s a node that is not ready gets no new connections;
            - Traffic Manager checks each front end on port \(monitor.port) every \(monitor.intervalSeconds) s (timeout \
            \(monitor.timeoutSeconds) s) and tolerates \(monitor.toleratedFailures) failures in a row: a region whose \
            nodes are all down is out of the answers within \(monitor.detectionSeconds) s, and resolvers drop the \
            cached answer after the TTL of \(trafficManager.ttlSeconds) s, so new connections reach a healthy region \
            within about \(monitor.detectionSeconds + trafficManager.ttlSeconds) s. Open connections to the failed \
            region break; clients reconnect (with CockroachDB's retry handling for open transactions).

            Both names are global across Azure, so `setup.sh` first checks that `\(trafficManager.profile)` is free \
            (`az network traffic-manager profile check-dns`) or already this deployment's, before it creates anything.

            """
    }

    func images(_ registry: ContainerRegistryPlan) -> String {
        let images = plan.images.map { "`\($0.description)`" }.joined(separator: ", ")
        return """
            Registry **`\(registry.loginServer)`** (Premium) lives in \(registry.home.name) with a replication in \
            \(registry.replications.isEmpty ? "no other location" : registry.replications.map(\.name).joined(separator: ", ")): \
            a node's pull is served by the replica nearest it, so a new node never pulls across an ocean or counts \
            against Docker Hub's rate limits. `\(AzureRegistryScript.path)` imports the images the deployment pins \
            (\(images)) once; every node's k3s pulls `\(registry.upstreams.joined(separator: ", "))` images through the \
            registry (a mirror in `/etc/rancher/k3s/registries.yaml`), and from \(registry.upstreams.joined(separator: ", ")) \
            itself for any image the registry does not hold. The registry's name is global across Azure: `setup.sh` first \
            checks that it is free (`az acr check-name`) or already this deployment's.

            **The nodes' credential** is the registry token `\(registry.token)`, mapped to the system scope map \
            `\(registry.scopeMap)`: it may pull any repository of this registry and do nothing else. `setup.sh` makes its \
            password at apply time into `$REGIONMESH_SECRETS_DIR/\(registry.passwordFile)` (mode 600) and copies it to \
            each node's `registries.yaml` (mode 600, root) over SSH; it is never in `out/`, a command line or a log. \
            Why a token: the registry's admin user could push and delete and is one shared identity; a service \
            principal with `AcrPull` is a tenant-wide identity whose secret needs directory rights to make and \
            rotate; the VMs' managed identities would need a credential helper in every node's kubelet, which k3s \
            does not ship; anonymous pull would publish the images to anyone. To rotate the password, delete the \
            file and run `setup.sh --from registry`: a new password replaces the old one and every node gets it.

            """
    }
}
