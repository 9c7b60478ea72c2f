import RegionMesh

/// The labels every RegionMesh object carries: the recommended `app.kubernetes.io/*` labels plus
/// `regionmesh.dev/region` and `regionmesh.dev/cluster`. Selectors use only ``selector(name:plan:)``.
struct ObjectLabels {
    /// `app.kubernetes.io/name`: the application, e.g. `cockroachdb`.
    let name: String
    /// `app.kubernetes.io/component`: its role in the deployment, e.g. `database`.
    let component: String
    /// `app.kubernetes.io/version`, where meaningful (never on immutable templates or selectors).
    var version: String?

    /// Every label for an object of `region`.
    func labels(plan: Plan, region: RegionPlan) -> SortedMap<String> {
        var labels = Self.selector(name: name, plan: plan).entries
        labels["app.kubernetes.io/component"] = component
        labels["app.kubernetes.io/part-of"] = plan.name
        labels["app.kubernetes.io/managed-by"] = "regionmesh"
        labels["regionmesh.dev/region"] = region.key
        labels["regionmesh.dev/cluster"] = region.cluster.name
        if let version { labels["app.kubernetes.io/version"] = version }
        return SortedMap(labels)
    }

    /// The same labels without the version: for templates Kubernetes does not let change.
    func stableLabels(plan: Plan, region: RegionPlan) -> SortedMap<String> {
        var copy = self
        copy.version = nil
        return copy.labels(plan: plan, region: region)
    }

    /// The labels that select an application's pods: name and instance (the topology). Stable
    /// across upgrades, because a StatefulSet's selector cannot change.
    static func selector(name: String, plan: Plan) -> SortedMap<String> {
        ["app.kubernetes.io/name": name, "app.kubernetes.io/instance": plan.name]
    }
}
