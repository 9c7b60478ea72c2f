/// The k3s release installed on every node.
public struct K3s: SettingStatement {
    /// A pinned release such as `v1.35.4+k3s1`, or nil when a channel is used.
    public let version: String?
    /// A release channel such as `stable`, or nil when a version is pinned.
    public let channel: String?
    /// Where this was declared.
    public let sourceLocation: SourceLocation

    /// Pins a k3s release (recommended: every run installs the same bits).
    public init(version: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = version
        self.channel = nil
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }

    /// Follows a release channel (warns: a later run may install a different release).
    public init(channel: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.version = nil
        self.channel = channel
        self.sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line)
    }
}

/// How k3s is installed: a pinned release or a channel.
public enum K3sRelease: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A pinned release, e.g. `v1.35.4+k3s1` (passed as `--k3s-version`).
    case version(SemanticVersion)
    /// A channel, e.g. `stable` (passed as `--k3s-channel`).
    case channel(String)

    public var description: String {
        switch self {
        case .version(let version): version.text
        case .channel(let channel): "channel '\(channel)'"
        }
    }

    private enum CodingKeys: String, CodingKey { case version, channel }

    /// Encoded as `{"version": "v1.35.4+k3s1"}` or `{"channel": "stable"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .version(let version): try container.encode(version, forKey: .version)
        case .channel(let channel): try container.encode(channel, forKey: .channel)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try container.decodeIfPresent(SemanticVersion.self, forKey: .version) {
            self = .version(version)
        } else {
            self = .channel(try container.decode(String.self, forKey: .channel))
        }
    }
}

