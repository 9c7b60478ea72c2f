/// One difference between the plan that was last generated and the new one, said the way setup.sh
/// will carry it out.
public struct Change: Sendable, Codable, Equatable {
    /// How setup.sh applies a change.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// setup.sh creates it.
        case added
        /// setup.sh removes it, moving any data away first.
        case removed
        /// setup.sh updates it; nothing restarts.
        case inPlace = "in-place"
        /// setup.sh updates it and restarts the workloads named, one at a time.
        case rollingRestart = "rolling-restart"
        /// setup.sh deletes it and creates it again.
        case recreate
        /// setup.sh cannot apply it to what exists; the remedy says what to do instead.
        case impossible = "impossible-in-place"

        /// How the summary titles changes of this kind.
        public var title: String {
            switch self {
            case .added: "added"
            case .removed: "removed"
            case .inPlace: "changed in place"
            case .rollingRestart: "rolling restart"
            case .recreate: "recreated"
            case .impossible: "impossible in place"
            }
        }
    }

    /// The region the change belongs to; nil for the deployment as a whole.
    public let region: String?
    /// What changes, named as the operator knows it ("VM crdb-eastus-node4", "StatefulSet cockroachdb").
    public let resource: String
    public let kind: Kind
    /// What changes from what to what, and why it takes this kind.
    public let detail: String
    /// The workloads a rolling restart restarts.
    public let restarts: [String]
    /// For a change that cannot be made in place: what to do instead.
    public let remedy: String?
    /// Whether the change deletes disks or volumes (after their data has moved, where it can).
    public let deletesStorage: Bool

    public init(
        region: String?, resource: String, kind: Kind, detail: String, restarts: [String] = [], remedy: String? = nil,
        deletesStorage: Bool = false
    ) {
        self.region = region
        self.resource = resource
        self.kind = kind
        self.detail = detail
        self.restarts = restarts
        self.remedy = remedy
        self.deletesStorage = deletesStorage
    }

    /// A change that cannot be made in place or deletes storage is refused unless acknowledged.
    public var needsAcknowledgement: Bool { kind == .impossible || deletesStorage }
}

extension Change {
    /// A change setup.sh cannot apply to what exists.
    static func impossible(region: String?, _ resource: String, _ detail: String, remedy: String) -> Change {
        Change(region: region, resource: resource, kind: .impossible, detail: detail, remedy: remedy)
    }

    /// A change setup.sh applies without restarting anything.
    static func inPlace(region: String?, _ resource: String, _ detail: String) -> Change {
        Change(region: region, resource: resource, kind: .inPlace, detail: detail)
    }
}

/// "a → b" for a changed value.
func changed<Value: CustomStringConvertible>(_ previous: Value, _ next: Value) -> String {
    "\(previous) → \(next)"
}
