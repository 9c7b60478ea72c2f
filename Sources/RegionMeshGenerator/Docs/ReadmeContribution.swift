import RegionMesh

/// What a component adds to the generated README. ``DeploymentReadme`` places each part: the
/// opening sentence, the tables, sections of its own, and the run, GitOps, secrets and files parts.
struct ReadmeContribution: Sendable {
    /// Its phrase of the opening sentence: "one k3s cluster per region with 3/3/3 server nodes".
    var overview: String?
    /// What it runs in a region, for the versions line: "k3s v1.35.4+k3s1".
    var version: (@Sendable (RegionPlan) -> String)?
    /// Columns it adds to the regions table: what runs in a region, and on what.
    var regionColumns: [(header: String, value: @Sendable (RegionPlan) -> String)] = []
    /// The links it draws between regions in the topology diagram.
    var diagramLinks: [DiagramLink] = []
    /// Columns it adds to the nodes table.
    var nodeColumns: [(header: String, value: @Sendable (RegionPlan, NodePlan) -> String)] = []
    /// Columns it adds to the cross-region traffic table.
    var trafficColumns: [(header: String, value: @Sendable (RegionPlan) -> String)] = []
    /// Sentences under the cross-region traffic table.
    var trafficNotes: [String] = []
    /// Sections of its own, after the cross-region traffic: title and Markdown.
    var sections: [(title: String, markdown: String)] = []
    /// Sentences of the run section, before the commands: what must be ready.
    var prerequisites: [String] = []
    /// Sentences of the run section, after the steps.
    var runNotes: [String] = []
    /// Markdown paragraphs that end the run section: how to reach what it set up.
    var afterSetup: [String] = []
    /// Files it puts into each cluster folder besides Kubernetes objects: "Helm values".
    var clusterFolderFiles: [String] = []
    /// What it puts into each cluster folder: "the CockroachDB objects".
    var clusterFolderContents: [String] = []
    /// Sentences of the GitOps section.
    var gitOps: [String] = []
    /// What must exist in the clusters before a GitOps controller applies them, and which script
    /// makes it: one Markdown list item each.
    var gitOpsPrerequisites: [String] = []
    /// What secret it makes at apply time: "the database's CA and certificates".
    var secretItems: [String] = []
    /// Sentences of the secrets section.
    var secrets: [String] = []
    /// Rows of the files table: path and purpose.
    var files: [(String, String)] = []
    /// What the component does when `setup.sh` runs again after the topology changed, in the order
    /// it happens (a paragraph each, for "Changing a running deployment").
    var dayTwo: [(phase: PhasedStep.Phase, markdown: String)] = []
}
