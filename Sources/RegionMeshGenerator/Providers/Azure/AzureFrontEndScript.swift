import RegionMesh

/// `azure/front-ends.sh`: what clients outside the private networks connect through. Per region
/// that serves clients, a Standard public IP with its DNS label and a Standard public load balancer
/// over the region's nodes (a health probe on the database's readiness, one rule per client port);
/// then the Traffic Manager profile with one Azure endpoint per front end, endpoints the plan no
/// longer has removed, and a wait until Traffic Manager sees a region healthy.
///
/// Every resource is created when absent and brought to the plan when present (DNS label, probe,
/// rules, profile settings, endpoints), so a second run changes nothing that matches.
struct AzureFrontEndScript: AzureCommands {
    let plan: Plan
    let azure: AzurePlan
    let trafficManager: TrafficManagerPlan

    static let path = "azure/front-ends.sh"
    /// The IP configuration `az network nic create` gives a NIC when none is named.
    static let nicIPConfiguration = "ipconfig1"
    /// Seconds to wait until Traffic Manager reports an endpoint Online: its monitor checks every
    /// endpoint at its interval, and a new endpoint starts in state CheckingEndpoint.
    static let healthTimeout = 900


    /// The regions that serve clients, with their front ends.
    var frontEnds: [(region: AzureRegionPlan, frontEnd: AzureFrontEndPlan)] {
        azure.regions.compactMap { region in region.frontEnd.map { (region, $0) } }
    }

    var script: Script {
        var script = Script(
            path: Self.path,
            purpose: [
                "Creates what clients connect through: per region that serves them a Standard public load balancer",
                "with a DNS-labelled public IP, and Traffic Manager profile \(trafficManager.profile) (\(trafficManager.fqdn)),",
                "\(trafficManager.routing.rawValue.lowercased()) routing, over them. Run it after the database is applied.",
                "Safe to run again: what exists is brought to the plan.",
            ],
            done: "clients reach \(plan.name) at \(trafficManager.fqdn)")
        script.tools = plan.tools(["az"])
        script.notes = Self.rationale
        script.helpers = [endpointOnline]
        script.steps = [publicIPs, loadBalancers, backends, profile, endpoints, health]
        return script
    }

    static let rationale = [
        "Each load balancer forwards a client port (SQL, the DB Console) to the fixed NodePort that exposes it on",
        "every node; the NodePort service has externalTrafficPolicy Local, so only a node whose own database pod",
        "is ready answers, and the health probe asks that pod's readiness (/health?ready=1) through the same port.",
        "The NSG admits the NodePorts from ClientAccess only (and the readiness port from Traffic Manager's",
        "probes); Azure's AllowAzureLoadBalancerInBound admits the load balancer's own probes.",
        "Outbound SNAT is off on the rules: each node sends through its own public IP.",
    ]

    // MARK: Front ends

    var publicIPs: ScriptStep {
        ScriptStep(name: "front-end-ips", title: "a Standard static public IP per front end, with the DNS label Traffic Manager's Azure endpoints need", body: [.shell("local label")] + frontEnds.map { region, frontEnd in
            var create = az("network", "public-ip", "create")
                .option("--name", .literal(frontEnd.publicIP))
                .option("--location", .literal(region.location.name))
                .option("--sku", "Standard")
                .option("--allocation-method", "Static")
                .option("--version", "IPv4")
                .option("--dns-name", .literal(frontEnd.dnsLabel))
            if !frontEnd.zones.isEmpty { create = create.options("--zone", frontEnd.zones.map { .literal("\($0)") }) }
            let show = az("network", "public-ip", "show").option("--name", .literal(frontEnd.publicIP))
            return .converge(
                "public IP \(frontEnd.publicIP)", lookup: show, create: [.run(create.option("--output", "none"))],
                update: [
                    .capture("label", placeholder: frontEnd.dnsLabel, show.option("--query", "dnsSettings.domainNameLabel").option("--output", "tsv")),
                    .when("[[ \"$label\" != \(shellQuote(frontEnd.dnsLabel)) ]]", [
                        .run(
                            az("network", "public-ip", "update").option("--name", .literal(frontEnd.publicIP))
                                .option("--dns-name", .literal(frontEnd.dnsLabel)).option("--output", "none"))
                    ]),
                ])
        })
    }

    var loadBalancers: ScriptStep {
        var body: [ScriptStatement] = []
        for (region, frontEnd) in frontEnds {
            let lb = ShellWord.literal(frontEnd.loadBalancer)
            body.append(
                .ensure(
                    "load balancer \(frontEnd.loadBalancer)",
                    lookup: az("network", "lb", "show").option("--name", lb),
                    create: [
                        .run(
                            az("network", "lb", "create")
                                .option("--name", lb)
                                .option("--location", .literal(region.location.name))
                                .option("--sku", "Standard")
                                .option("--public-ip-address", .literal(frontEnd.publicIP))
                                .option("--frontend-ip-name", .literal(frontEnd.frontendName))
                                .option("--backend-pool-name", .literal(frontEnd.backendPool))
                                .option("--output", "none"))
                    ]))
            let probe = frontEnd.probe
            let probeSettings = { (command: ShellCommand) in
                command.option("--lb-name", lb).option("--name", .literal(probe.name))
                    .option("--protocol", .literal(probe.networkProtocol))
                    .option("--port", .literal("\(probe.port)"))
                    .option("--path", .literal(probe.path))
                    .option("--interval", .literal("\(probe.intervalSeconds)"))
                    .option("--probe-threshold", .literal("\(probe.failures)"))
                    .option("--output", "none")
            }
            body.append(
                .converge(
                    "probe \(probe.name) of \(frontEnd.loadBalancer)",
                    lookup: az("network", "lb", "probe", "show").option("--lb-name", lb).option("--name", .literal(probe.name)),
                    create: [.run(probeSettings(az("network", "lb", "probe", "create")))],
                    update: [.run(probeSettings(az("network", "lb", "probe", "update")))]))
            for rule in frontEnd.rules {
                let settings = { (command: ShellCommand) in
                    command.option("--lb-name", lb).option("--name", .literal(rule.name))
                        .option("--protocol", "Tcp")
                        .option("--frontend-ip-name", .literal(frontEnd.frontendName))
                        .option("--frontend-port", .literal("\(rule.frontendPort)"))
                        .option("--backend-pool-name", .literal(frontEnd.backendPool))
                        .option("--backend-port", .literal("\(rule.backendPort)"))
                        .option("--probe-name", .literal(probe.name))
                        .option("--idle-timeout", .literal("\(rule.idleTimeoutMinutes)"))
                        .option("--enable-tcp-reset", "true")
                        .option("--disable-outbound-snat", "true")
                        .option("--output", "none")
                }
                body.append(
                    .converge(
                        "rule \(rule.name) of \(frontEnd.loadBalancer)",
                        lookup: az("network", "lb", "rule", "show").option("--lb-name", lb).option("--name", .literal(rule.name)),
                        create: [.run(settings(az("network", "lb", "rule", "create")))],
                        update: [.run(settings(az("network", "lb", "rule", "update")))]))
            }
        }
        return ScriptStep(
            name: "load-balancers", title: "a Standard public load balancer per front end: the readiness probe and a rule per client port", body: body)
    }

    /// Each node's NIC joins its region's backend pool (the pool holds NICs, so a node's address
    /// is the one its NIC pins).
    var backends: ScriptStep {
        var body: [ScriptStatement] = []
        for (region, frontEnd) in frontEnds {
            for node in region.nodes {
                let pools = az("network", "nic", "ip-config", "show")
                    .option("--nic-name", .literal(node.nicName)).option("--name", .literal(Self.nicIPConfiguration))
                    .option("--query", .literal("loadBalancerBackendAddressPools[?ends_with(id, '/\(frontEnd.loadBalancer)/backendAddressPools/\(frontEnd.backendPool)')].id"))
                    .option("--output", "tsv")
                body.append(.capture("pool", placeholder: "", pools))
                body.append(
                    .when(
                        "[[ -z \"$pool\" ]]",
                        [
                            .run(
                                az("network", "nic", "ip-config", "address-pool", "add")
                                    .option("--nic-name", .literal(node.nicName)).option("--ip-config-name", .literal(Self.nicIPConfiguration))
                                    .option("--lb-name", .literal(frontEnd.loadBalancer)).option("--address-pool", .literal(frontEnd.backendPool))
                                    .option("--output", "none"))
                        ],
                        otherwise: [.info("NIC \(node.nicName) is in pool \(frontEnd.backendPool) of \(frontEnd.loadBalancer)")]))
            }
        }
        return ScriptStep(name: "backends", title: "every node's NIC in its region's backend pool", body: [.shell("local pool")] + body)
    }

    // MARK: Traffic Manager

    var profile: ScriptStep {
        let monitor = trafficManager.monitor
        let name = ShellWord.literal(trafficManager.profile)
        let settings = { (command: ShellCommand) in
            command.option("--routing-method", .literal(trafficManager.routing.rawValue))
                .option("--ttl", .literal("\(trafficManager.ttlSeconds)"))
                .option("--protocol", .literal(monitor.networkProtocol))
                .option("--port", .literal("\(monitor.port)"))
                .option("--path", .literal(monitor.path))
                .option("--interval", .literal("\(monitor.intervalSeconds)"))
                .option("--timeout", .literal("\(monitor.timeoutSeconds)"))
                .option("--max-failures", .literal("\(monitor.toleratedFailures)"))
        }
        // The owner tag is how retire.sh knows the profile for this topology's once the plan drops it. A
        // profile without it gets it merged in (az tag update --operation Merge keeps its other tags).
        let owner = azure.ownerTag
        return ScriptStep(
            name: "traffic-manager", title: "Traffic Manager profile \(trafficManager.profile): \(trafficManager.fqdn), \(trafficManager.routing.rawValue.lowercased()) routing, its health check",
            body: [
                .converge(
                    "Traffic Manager profile \(trafficManager.profile)",
                    lookup: az("network", "traffic-manager", "profile", "show").option("--name", name),
                    create: [
                        .run(
                            settings(az("network", "traffic-manager", "profile", "create").option("--name", name).option("--unique-dns-name", name))
                                .option("--tags", .literal(owner.assignment), "managed-by=regionmesh").option("--output", "none"))
                    ],
                    update: [
                        .run(settings(az("network", "traffic-manager", "profile", "update").option("--name", name)).option("--output", "none")),
                        .capture(
                            "owner", placeholder: owner.value,
                            az("network", "traffic-manager", "profile", "show").option("--name", name)
                                .option("--query", .literal("tags.\"\(owner.name)\"")).option("--output", "tsv")),
                        .when("[[ \"$owner\" != \(shellQuote(owner.value)) ]]", [
                            .capture(
                                "profile_id", placeholder: "<id-of-\(trafficManager.profile)>",
                                az("network", "traffic-manager", "profile", "show").option("--name", name).option("--query", "id").option("--output", "tsv")),
                            .run(
                                ShellCommand("az", "tag", "update").option("--resource-id", .expansion("\"$profile_id\""))
                                    .option("--operation", "Merge").option("--tags", .literal(owner.assignment), "managed-by=regionmesh")
                                    .option("--output", "none")),
                        ]),
                    ])
            ])
    }

    var endpoints: ScriptStep {
        let profile = ShellWord.literal(trafficManager.profile)
        var body: [ScriptStatement] = [.shell("local target listed name")]
        for endpoint in trafficManager.endpoints {
            let settings = { (command: ShellCommand) -> ShellCommand in
                var command = command.option("--profile-name", profile).option("--name", .literal(endpoint.name))
                    .option("--type", "azureEndpoints")
                    .option("--target-resource-id", .variable("target"))
                    .option("--endpoint-status", "Enabled")
                if let priority = endpoint.priority { command = command.option("--priority", .literal("\(priority)")) }
                if let weight = endpoint.weight { command = command.option("--weight", .literal("\(weight)")) }
                return command.option("--output", "none")
            }
            body.append(
                .capture(
                    "target", placeholder: "<resource-id-of-\(endpoint.publicIP)>",
                    az("network", "public-ip", "show").option("--name", .literal(endpoint.publicIP)).option("--query", "id").option("--output", "tsv")))
            body.append(
                .converge(
                    "endpoint \(endpoint.name) of \(trafficManager.profile)",
                    lookup: az("network", "traffic-manager", "endpoint", "show").option("--profile-name", profile)
                        .option("--name", .literal(endpoint.name)).option("--type", "azureEndpoints"),
                    create: [.run(settings(az("network", "traffic-manager", "endpoint", "create")))],
                    update: [.run(settings(az("network", "traffic-manager", "endpoint", "update")))]))
        }
        let planned = " " + trafficManager.endpoints.map(\.name).joined(separator: " ") + " "
        body.append(
            .capture(
                "listed", placeholder: "",
                az("network", "traffic-manager", "endpoint", "list").option("--profile-name", profile)
                    .option("--query", "[].name").option("--output", "tsv")))
        body.append(
            .block("for name in $listed; do", [
                .when("[[ \(shellQuote(planned)) != *\" $name \"* ]]", [
                    .shell("info \"endpoint $name is not in the plan: its region serves no clients any more\""),
                    .run(
                        az("network", "traffic-manager", "endpoint", "delete").option("--profile-name", profile)
                            .option("--name", .variable("name")).option("--type", "azureEndpoints")),
                ])
            ], end: "done"))
        return ScriptStep(
            name: "endpoints", title: "one Azure endpoint per front end; endpoints the plan no longer has are removed", body: body)
    }

    /// Waits until Traffic Manager finds a region healthy, so clients are answered when setup ends.
    var health: ScriptStep {
        let profile = ShellWord.literal(trafficManager.profile)
        return ScriptStep(name: "health", title: "wait until Traffic Manager finds a region's database ready", body: [
            .waitUntil(
                "Traffic Manager finds an endpoint of \(trafficManager.profile) Online", timeout: Self.healthTimeout,
                ShellCommand("endpoint_online", profile)),
            .info("clients connect to \(trafficManager.fqdn):\(plan.clientRegions.first?.clientAccess?.port(.sql).port ?? 0)"),
        ])
    }

    /// `endpoint_online <profile>`: succeeds when one endpoint of the profile is Online.
    var endpointOnline: ShellFunction {
        ShellFunction(name: "endpoint_online", doc: "Succeeds when an endpoint of Traffic Manager profile $1 is Online.", body: [
            .shell("local statuses"),
            .shell(
                "statuses=\"$(az network traffic-manager endpoint list --resource-group \(shellQuote(azure.resourceGroup)) --profile-name \"$1\" --query \"[].endpointMonitorStatus\" --output tsv)\""),
            .shell("[[ \"$statuses\" == *Online* ]]"),
        ])
    }
}
