/// `metadata` of a top-level object or a volume claim template.
struct ObjectMeta: Encodable, Sendable {
    let name: String
    /// nil for cluster-scoped objects (a Namespace) and for templates.
    var namespace: String? = nil
    var labels: SortedMap<String>? = nil
    var annotations: SortedMap<String>? = nil
}

/// `metadata` of a pod template: labels only.
struct TemplateMeta: Encodable, Sendable {
    let labels: SortedMap<String>
}

/// A label selector by exact labels (`matchLabels`).
struct LabelSelector: Encodable, Sendable {
    let matchLabels: SortedMap<String>
}
