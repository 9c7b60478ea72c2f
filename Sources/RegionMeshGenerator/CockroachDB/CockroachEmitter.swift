import RegionMesh

/// CockroachDB: per region the manifests under `clusters/<cluster>/cockroachdb/` (namespace, RBAC,
/// services, disruption budget, StatefulSet), and once per deployment `cockroachdb/certs.sh`
/// (certificates and secrets, made at apply time) and `cockroachdb/init.sh` (`cockroach init`).
enum CockroachEmitter {
    /// The sub-folder of the cluster folder.
    static let group = "cockroachdb"

    static func artifacts(for plan: Plan) throws -> [Artifact] {
        try manifests(for: plan).map { try $0.artifact(plan: plan) } + [
            Artifact(path: ArtifactPaths.cockroachCertificates, contents: try CockroachCertsScript.render(plan), isExecutable: true),
            Artifact(path: ArtifactPaths.cockroachInit, contents: try CockroachInitScript.render(plan), isExecutable: true),
        ]
    }

    /// Every region's objects, in region order.
    static func manifests(for plan: Plan) -> [ClusterManifest] {
        plan.regions.flatMap { region in
            let objects = CockroachObjects(plan: plan, region: region)
            return [
                objects.namespace, objects.serviceAccount, objects.role, objects.roleBinding, objects.publicService,
                objects.headlessService, objects.disruptionBudget, CockroachStatefulSet.manifest(plan: plan, region: region),
            ]
        }
    }

    /// The application name of every CockroachDB object, and of its pods' selector.
    static let appName = "cockroachdb"

    /// The labels of a region's CockroachDB objects.
    static func labels(_ region: RegionPlan) -> ObjectLabels {
        ObjectLabels(name: appName, component: "database", version: region.cockroach.version.text)
    }

    /// The labels that select a region's CockroachDB pods (within its namespace).
    static func selector(_ plan: Plan) -> SortedMap<String> {
        ObjectLabels.selector(name: appName, plan: plan)
    }
}
