import Foundation

/// The text templates of the generated scripts and documents, shipped as resources of this target.
public enum Templates {
    /// The shell library included at the top of every generated script.
    public static func prelude() throws -> String { try preludeText.get() }

    /// Read once per process: every script of every topology starts with it.
    private static let preludeText = Result { try text(named: "prelude", extension: "bash") }

    /// The text of a template file, or an error naming the missing file.
    static func text(named name: String, extension ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw TemplateError(message: "the template \(name).\(ext) is missing from the RegionMesh resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// A template could not be read.
public struct TemplateError: Error, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
