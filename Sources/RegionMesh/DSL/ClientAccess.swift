/// Who may reach the database's client ports (SQL, the web console) from outside the private
/// networks, through the front end the provider puts before each region. Like ``AdminAccess``:
/// CIDR blocks, or `*` for any address (warns); in `Defaults` for every region, in a region to
/// override. Without it no region serves clients from outside, as before.
///
/// `ClientAccess()` with no source closes a region that `Defaults` opened: it gets no front end,
/// and a global endpoint does not send clients to it (its nodes still hold data and answer the
/// other regions).
public struct ClientAccess: SettingStatement {
    /// Source CIDR blocks, `*` for any address, or none: closed.
    public let sources: [String]
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Allows client access from the given CIDR blocks; none closes the region.
    public init(from sources: String..., fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.init(from: sources, fileID: fileID, filePath: filePath, line: line)
    }

    /// Allows client access from a list of CIDR blocks (for helper functions); an empty list closes the region.
    public init(from sources: [String], fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.sources = sources
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// A service the database offers clients on a port of its own. The database says which port
/// serves it (``DatabaseConventions``); a provider's front end chooses which to open.
public enum ClientService: String, Sendable, Codable, CaseIterable, Comparable {
    /// The SQL port.
    case sql
    /// The web console (and the health endpoints).
    case console

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
