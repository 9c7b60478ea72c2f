import Foundation
import RegionMesh
import RegionMeshTemplates

/// Turns a ``Script`` into bash, the same way for every script: shebang, header, strict mode, the
/// shared library (`templates/prelude.bash`, which runs the steps), the environment, constants,
/// helpers, one function per step, `usage`, and the tables the library reads (steps, titles,
/// flags, tools). Every shell word goes through ``shellQuote(_:)``.
enum ScriptRenderer {
    /// The bash text of `script`; `header` names the command that regenerates it.
    static func render(_ script: Script, plan: Plan, header: FileHeader? = nil) throws -> String {
        let output = TextBuffer()
        try render(script, plan: plan, header: header, into: output)
        output.finish()
        return output.text
    }

    /// Writes the bash text of `script` into `output`.
    static func render(_ script: Script, plan: Plan, header: FileHeader? = nil, into output: TextBuffer) throws {
        let prelude: String
        do { prelude = try Templates.prelude() } catch { throw GeneratorError("\(error)") }
        output.write("#!/usr/bin/env bash\n")
        output.write((header ?? FileHeader(plan)).comment(extra: script.purpose))
        output.write("set -euo pipefail\n\n")
        output.write(prelude)
        output.write("\n")
        var out = ShellScript(output: output)
        if script.readsTopologyFolder {
            let up = String(repeating: "/..", count: script.path.split(separator: "/").count - 1)
            out.comment("The topology's output folder, found from this script's own place.")
            out.line("TOPOLOGY_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\(up)\" && pwd)\"")
        }
        for variable in script.environment {
            out.comment("\(variable.doc) Override with \(variable.name)=...")
            out.line(variable.assignment)
        }
        if !script.environment.isEmpty {
            out.line("export " + script.environment.map(\.name).joined(separator: " "))
        }
        if !script.notes.isEmpty {
            out.blank()
            for note in script.notes { out.comment(note) }
        }
        for constant in script.constants {
            out.comment(constant.doc)
            if let check = constant.unexpanded { out.comment("shellcheck disable=SC2016 # \(check)") }
            out.line("\(constant.keyword) \(constant.name)=\(constant.value)")
        }
        for helper in script.helpers {
            function(helper.name, doc: helper.doc, helper.body, in: &out)
        }
        if !script.beforeSteps.isEmpty {
            function("before_steps", doc: "Runs once before the first step.", script.beforeSteps, in: &out)
        }
        for (index, step) in script.steps.enumerated() {
            function(step.functionName, doc: "Step \(index + 1): \(step.title).", step.body, in: &out)
        }
        out.blank()
        out.comment("Prints how to call this script.")
        out.block("usage() {", "}") { $0.hereDocument(usage(script, plan: plan), delimiter: "USAGE") }
        out.blank()
        out.line("readonly SCRIPT_NAME=\(shellQuote(script.path))")
        out.line("readonly STEPS=(\(script.steps.map { shellQuote($0.name) }.joined(separator: " ")))")
        out.line("readonly STEP_TITLES=(")
        out.indented { s in for step in script.steps { s.line(shellQuote(step.title)) } }
        out.line(")")
        out.line("readonly EXTRA_FLAGS=(\(script.flags.map { shellQuote("\($0.option):\($0.variable)") }.joined(separator: " ")))")
        out.line("readonly REQUIRED_TOOLS=(")
        out.indented { s in for tool in script.tools where !tool.optional { s.line(shellQuote("\(tool.name)=\(tool.hint)")) } }
        out.line(")")
        out.line("readonly DONE_MESSAGE=\(shellQuote(script.done))")
        for flag in script.flags { out.line("\(flag.variable)=\"${\(flag.variable):-0}\"") }
        out.blank()
        out.line("run_script \"$@\"")
    }

    /// The text `--help` prints.
    static func usage(_ script: Script, plan: Plan) -> [String] {
        let flags = script.flags.map { " [\($0.option)]" }.joined()
        var text = ["Usage: \(script.path) [--dry-run] [--yes] [--from STEP | --only STEP]\(flags)", ""]
        text += script.purpose
        text += ["", "Steps, in order (topology \(plan.name)):"]
        let width = (script.steps.map(\.name.count).max() ?? 0) + 2
        for (index, step) in script.steps.enumerated() {
            text.append("  \(index + 1). \(step.name.padded(to: width))\(step.title)")
        }
        let options = [
            ("--dry-run", "print every command that would change something, in order, and run none (DRY_RUN=1)"),
            ("--yes", "answer every question with yes (YES=1)"),
            ("--from STEP", "start at STEP (after a failure, or to redo the later steps)"),
            ("--only STEP", "run only STEP"),
        ] + script.flags.map { ($0.option, $0.help) } + [("--help", "print this text")]
        // Options are never cut short: the column is as wide as the longest, and at least 12.
        let optionWidth = max(12, options.map(\.0.count).max() ?? 0)
        text.append("")
        for (option, help) in options {
            text.append("  \(option.padded(to: optionWidth))  \(help)")
        }
        if !script.environment.isEmpty {
            text += ["", "Environment:"]
            for variable in script.environment {
                text.append("  \(variable.name)\(variable.defaultValue.isEmpty ? "" : " (default \(variable.defaultValue))"): \(variable.doc)")
            }
        }
        text.append("Every step is safe to run again.")
        return text
    }

    /// A function: its doc comment, `name() {`, the body with its captured variables declared local, `}`.
    static func function(_ name: String, doc: String, _ body: [ScriptStatement], in out: inout ShellScript) {
        out.blank()
        out.comment(doc)
        out.block("\(name)() {", "}") { s in
            var locals: [String] = []
            for statement in body { collectCaptures(statement, into: &locals) }
            if !locals.isEmpty { s.line("local " + locals.joined(separator: " ")) }
            for statement in body { render(statement, in: &s) }
        }
    }

    private static func collectCaptures(_ statement: ScriptStatement, into locals: inout [String]) {
        switch statement {
        case .capture(let variable, _, _): if !locals.contains(variable) { locals.append(variable) }
        case .ensure(_, _, let inner), .ensureAbsent(_, _, let inner), .block(_, let inner, _):
            for statement in inner { collectCaptures(statement, into: &locals) }
        case .when(_, let inner, let otherwise), .converge(_, _, let inner, let otherwise):
            for statement in inner + otherwise { collectCaptures(statement, into: &locals) }
        case .drift: if !locals.contains("current") { locals.append("current") }
        default: break
        }
    }

    static func render(_ statement: ScriptStatement, in out: inout ShellScript) {
        switch statement {
        case .run(let command):
            out.command(command, leading: ["run"])
        case .command(let command):
            out.command(command)
        case .ensure(let what, let lookup, let create):
            out.line("if ! ", oneLine: lookup, leading: ["exists"], "; then")
            out.indented { s in for inner in create { render(inner, in: &s) } }
            out.line("else")
            out.indented { $0.line("info \(shellQuote("\(what) exists"))") }
            out.line("fi")
        case .converge(let what, let lookup, let create, let update):
            out.line("if ! ", oneLine: lookup, leading: ["exists"], "; then")
            out.indented { s in for inner in create { render(inner, in: &s) } }
            out.line("else")
            out.indented { s in
                s.line("info \(shellQuote("\(what) exists; bringing it to the plan"))")
                for inner in update { render(inner, in: &s) }
            }
            out.line("fi")
        case .drift(let what, let exists, let current, let planned, let fix):
            out.line("if ", oneLine: exists, leading: ["exists"], "; then")
            out.indented { s in
                render(.capture("current", placeholder: planned, current), in: &s)
                s.line("[[ \"$current\" == \(shellQuote(planned)) ]] ||")
                s.line("  problems+=(\"\(what) is '$current'; the plan says '\(planned)': \(fix.replacingEvery("\"", with: "\\\""))\")")
            }
            out.line("fi")
        case .ensureAbsent(let what, let lookup, let delete):
            out.line("if ", oneLine: lookup, leading: ["found"], "; then")
            out.indented { s in for inner in delete { render(inner, in: &s) } }
            out.line("else")
            out.indented { $0.line("info \(shellQuote("\(what) does not exist"))") }
            out.line("fi")
        case .waitUntil(let what, let timeout, let condition):
            out.command(condition, leading: ["wait_until", .literal(what), .literal(String(timeout))])
        case .capture(let variable, let placeholder, let command):
            // Wraps as if after `variable="$(`, closing with `)"`.
            out.command(
                command, leading: ["capture", .literal(placeholder)], prefix: "\(variable)=\"$(", suffix: ")\"",
                maxWidth: out.widthLeft - variable.count - 5)
        case .pipeline(let first, let second):
            out.command(ShellCommand(words: ["run_piped"] + first.groups.flatMap { $0 } + ["|"] + second.groups.flatMap { $0 }))
        case .info(let text):
            out.line("info \(shellQuote(text))")
        case .comment(let text):
            out.comment(text)
        case .shell(let text):
            out.line(text)
        case .when(let condition, let body, let otherwise):
            out.line("if \(condition); then")
            out.indented { s in for inner in body { render(inner, in: &s) } }
            if !otherwise.isEmpty {
                out.line("else")
                out.indented { s in for inner in otherwise { render(inner, in: &s) } }
            }
            out.line("fi")
        case .block(let opener, let body, let end):
            out.block(opener, end) { s in for inner in body { render(inner, in: &s) } }
        case .runScript(let path, let arguments):
            out.line((["\"$TOPOLOGY_DIR/\(path)\""] + arguments.map(shellQuote)).joined(separator: " "))
        }
    }
}
