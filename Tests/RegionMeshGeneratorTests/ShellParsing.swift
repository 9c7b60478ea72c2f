import Foundation

/// Reads generated scripts back the way bash would, enough for tests: logical lines (continuations
/// joined), the function each line is in, and the words of a command.
enum ShellParsing {
    /// A command line of a script and the function it is in.
    struct Line {
        let function: String?
        let text: String
    }

    /// The logical lines of `script` (a trailing ` \` joins the next line), trimmed, each with the
    /// function it is in (a line `name() {` opens one, a line `}` closes it).
    static func lines(_ script: String) -> [Line] {
        var result: [Line] = []
        var function: String?
        var pending = ""
        for raw in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                pending += String(text.dropLast())
                continue
            }
            let full = pending + text
            pending = ""
            if full.hasSuffix("() {") {
                function = String(full.dropLast(4))
            } else if raw == "}" {
                function = nil
            }
            result.append(Line(function: function, text: full))
        }
        return result
    }

    /// The words of one command line: single quotes keep their text literally, double quotes keep
    /// `$NAME` unexpanded; no other shell syntax is interpreted.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The value after `option` in `words`, if present.
    static func value(of option: String, in words: [String]) -> String? {
        guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
        return words[index + 1]
    }
}

/// One `k3sup install` or `k3sup join` of `k3s/install.sh`.
struct K3supInvocation {
    /// The function it is in (`install_cluster_<name>`).
    let function: String
    /// `install` or `join`.
    let subcommand: String
    /// The words after `run k3sup <subcommand>`.
    let words: [String]

    /// The flags passed to k3s through `--k3s-extra-args`.
    var k3sFlags: [String] {
        (ShellParsing.value(of: "--k3s-extra-args", in: words) ?? "").split(separator: " ").map(String.init)
    }

    /// The k3s flags without `--node-ip`, which differs per node.
    var clusterFlags: [String] { k3sFlags.filter { !$0.hasPrefix("--node-ip=") } }

    /// The value of a `--name=value` k3s flag.
    func k3sFlag(_ name: String) -> String? {
        k3sFlags.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Every k3sup invocation of `script`, in order.
    static func all(in script: String) -> [K3supInvocation] {
        ShellParsing.lines(script).compactMap { line in
            let words = ShellParsing.words(line.text)
            guard words.count >= 3, words[0] == "run", words[1] == "k3sup", let function = line.function else { return nil }
            return K3supInvocation(function: function, subcommand: words[2], words: Array(words.dropFirst(3)))
        }
    }
}
