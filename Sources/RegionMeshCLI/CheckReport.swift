import RegionMeshGenerator

/// What `generate --check` and `--diff` say about the output folder: each topology that is up to
/// date, each file that is not (a file edited by hand named as such, with how to resolve it), and
/// one line that sums it up.
struct CheckReport {
    /// `out/<topology>: up to date`, for standard output.
    let upToDate: [String]
    /// One line per file that would change, for standard error.
    let problems: [String]
    /// The closing error line with the command that brings the folder up to date; nil when it is.
    let verdict: String?

    /// The report on `changeSets`; `command` regenerates (`swift run acme generate`).
    init(changeSets: [ChangeSet], command: String) {
        upToDate = changeSets.filter(\.isEmpty).map { "\($0.folder.relativePath): up to date" }
        var problems: [String] = []
        var handEdited = 0
        for changes in changeSets where !changes.isEmpty {
            let conflicts = Dictionary(changes.conflicts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            for (action, file) in changes.changedFiles {
                let path = changes.displayPath(file)
                switch conflicts[file] {
                case .editedByHand?:
                    handEdited += 1
                    problems.append(
                        "edited by hand: \(path) differs from what regionmesh last wrote there; move the change into the topology (or drop it with `git checkout -- \(path)`), then run `\(command) --force`")
                case .notWrittenByRegionMesh?:
                    handEdited += 1
                    problems.append("not written by regionmesh: \(path) stands where a generated file goes; move it away, or run `\(command) --force` to overwrite it")
                case nil:
                    problems.append("stale: \(action) \(path)")
                }
            }
        }
        self.problems = problems
        let stale = changeSets.filter { !$0.isEmpty }
        guard !stale.isEmpty else {
            verdict = nil
            return
        }
        let files = stale.reduce(0) { $0 + $1.summaryLines.count }
        let root = stale[0].folder.deletingLastPathComponent().relativePath
        let what = "\(root)/ is not up to date: \(files) file\(files == 1 ? "" : "s") of \(stale.count) topolog\(stale.count == 1 ? "y" : "ies") would change"
        verdict = handEdited == 0
            ? "error: \(what); run `\(command)` (see the changes with --diff)"
            : "error: \(what), \(handEdited) of them edited by hand; move those edits into the topology, then run `\(command) --force`"
    }

    /// The line `--diff` ends with: how many files would change, and how, in how many topologies.
    static func diffSummary(_ changeSets: [ChangeSet]) -> String {
        let stale = changeSets.filter { !$0.isEmpty }
        let topologies = "\(changeSets.count) topolog\(changeSets.count == 1 ? "y" : "ies")"
        guard !stale.isEmpty else { return "no changes: \(topologies) up to date" }
        let counts = stale.map(\.counts).reduce((created: 0, updated: 0, removed: 0)) {
            ($0.created + $1.created, $0.updated + $1.updated, $0.removed + $1.removed)
        }
        let files = counts.created + counts.updated + counts.removed
        if files == 0 {
            return "only the manifests of \(stale.count) of \(topologies) change (the record of what regionmesh wrote, and its version)"
        }
        return "\(files) file\(files == 1 ? "" : "s") would change in \(stale.count) of \(topologies): \(counts.created) created, "
            + "\(counts.updated) updated, \(counts.removed) removed (manifest updates not shown)"
    }
}

extension Conflict {
    /// The file in conflict, relative to the topology folder.
    var path: String {
        switch self {
        case .editedByHand(let path), .notWrittenByRegionMesh(let path): path
        }
    }
}
