/// Where to get the tools the CockroachDB scripts need, for `require_tools`.
enum ToolHints {
    static let cockroach = "see https://www.cockroachlabs.com/docs/stable/install-cockroachdb-linux"
    static let kubectl = "see https://kubernetes.io/docs/tasks/tools/"
}
