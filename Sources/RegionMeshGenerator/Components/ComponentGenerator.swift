import RegionMesh

/// What a component contributes to `out/<topology>/`: its scripts and files, its Kubernetes
/// objects (which one stage labels, sorts and writes with each cluster's `kustomization.yaml`),
/// its steps of `setup.sh` and `teardown.sh`, and its parts of the generated README. It reads the
/// Plan; what it needs from another component comes through a capability (``NodeAccess``).
protocol ComponentGenerator: Sendable {
    /// Its scripts.
    func scripts() -> [Script]
    /// Its files other than scripts and Kubernetes objects (Helm values), as pieces to render on
    /// every core (a component with a file per cluster gives one piece per cluster).
    func fileJobs() -> [@Sendable () throws -> [Artifact]]
    /// Its Kubernetes objects, per cluster.
    func clusterObjects() -> [ClusterObject]
    /// Its steps of `setup.sh`.
    func setupSteps() -> [PhasedStep]
    /// What `setup.sh` checks before it creates anything.
    func preflightChecks() -> [PreflightCheck]
    /// What it will create, a line or two for the summary `setup.sh` shows before it asks to go on.
    func summary() -> [String]
    /// Its steps of `teardown.sh`.
    func teardownSteps() -> [PhasedStep]
    /// Lines for the header of each cluster's `kustomization.yaml` (what to apply first, what is
    /// in the folder but not listed).
    func clusterFolderNotes() -> [String]
    /// Its Helm releases, per cluster, for the GitOps objects: the ones its install script makes.
    func helmReleases() -> [ClusterHelmRelease]
    /// Its parts of the generated README.
    func readme() -> ReadmeContribution
    /// What it creates, counted, for `regionmesh plan` and the README.
    func inventory() -> (title: String, table: TextTable)?
}

extension ComponentGenerator {
    func scripts() -> [Script] { [] }
    func fileJobs() -> [@Sendable () throws -> [Artifact]] { [] }

    /// Its files, rendered here.
    func files() throws -> [Artifact] { try fileJobs().flatMap { try $0() } }
    func clusterObjects() -> [ClusterObject] { [] }
    func setupSteps() -> [PhasedStep] { [] }
    func preflightChecks() -> [PreflightCheck] { [] }
    func summary() -> [String] { [] }
    func teardownSteps() -> [PhasedStep] { [] }
    func clusterFolderNotes() -> [String] { [] }
    func helmReleases() -> [ClusterHelmRelease] { [] }
    func inventory() -> (title: String, table: TextTable)? { nil }
}

/// How an installer reaches a node over SSH: the provider's answer to the distribution.
protocol NodeAccess: Sendable {
    /// A look-up that prints the address SSH reaches `node` of `region` at, and what a dry run
    /// prints in its place.
    func sshAddress(of node: NodePlan, in region: RegionPlan) -> (lookup: ShellCommand, placeholder: String)
    /// The user SSH logs in as on the nodes of `region`.
    func loginUser(in region: RegionPlan) -> String
    /// The tools the look-up calls.
    var lookupTools: [String] { get }
}

/// What a distribution needs from the provider to remove a machine the plan no longer has: which
/// machines exist, and how to stop and delete one. Machine names are shell words, read at run time.
protocol MachineLifecycle: Sendable {
    /// Prints the name of every machine of the deployment that exists, one per line.
    var existingMachines: ShellCommand { get }
    /// Stops a machine so that nothing on it runs; its disks stay.
    func stopMachine(_ name: ShellWord) -> ShellCommand
    /// Deletes a machine and what belongs to it alone (disks, network interface, public address).
    func deleteMachine(_ name: ShellWord) -> [ScriptStatement]
    /// The tools these commands need.
    var lifecycleTools: [String] { get }
}

/// A step of `setup.sh` or `teardown.sh` with the phase that orders it among the components' steps.
struct PhasedStep {
    /// When it runs: steps are ordered by phase, then by component, then as the component lists them.
    let phase: Phase
    /// The step.
    let step: ScriptStep

    /// The phases of `setup.sh`, in order; `teardown.sh` runs its steps in the same order.
    enum Phase: Int, Comparable {
        /// Data moved off what the plan no longer has, before anything changes.
        case decommission
        /// Machines and networks.
        case infrastructure
        /// Kubernetes on the machines.
        case cluster
        /// The pod network and the mesh between clusters.
        case podNetwork
        /// Names across clusters.
        case serviceDiscovery
        /// The database.
        case database
        /// What clients outside the private networks connect through, once the database serves.
        case clientEntry
        /// Machines the plan no longer has, removed once nothing runs on them.
        case machineRetirement
        /// Networks the plan no longer has, removed once no machine uses them.
        case networkRetirement
        /// What stays on the operator's machine.
        case localState

        static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}

extension Plan {
    /// The required tools among `names`, in the Plan's order.
    func tools(_ names: [String]) -> [ToolRequirement] {
        tools.filter { names.contains($0.name) }
    }
}

/// A check of `setup.sh`'s preflight: a bash condition that holds when all is well, and the
/// problem to name when it does not. The preflight names every problem at once and creates nothing.
struct PreflightCheck {
    /// Bash that succeeds when all is well, e.g. `[[ -f "$SSH_PUBLIC_KEY_FILE" ]]`.
    let condition: String
    /// The problem, double-quoted bash text (it may name variables).
    let problem: String
    /// A warning does not stop the preflight: it is shown, and the person is asked whether to go on.
    var isWarning = false
}
