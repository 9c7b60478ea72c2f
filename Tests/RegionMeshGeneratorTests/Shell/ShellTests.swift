import Testing

@testable import RegionMeshGenerator

/// Shell words and commands: the one quoting function, and how commands wrap.
@Suite struct ShellTests {
    @Test(arguments: [
        ("plain-word_1.2/3:4@x", "plain-word_1.2/3:4@x"),
        ("two words", "'two words'"),
        ("it's", "'it'\\''s'"),
        ("$HOME", "'$HOME'"),
        ("*", "'*'"),
        ("", "''"),
    ])
    func shellQuoteQuotesOnlyWhatNeedsIt(text: String, quoted: String) {
        #expect(shellQuote(text) == quoted)
    }

    @Test func longCommandsWrapOneOptionPerLine() {
        var script = ShellScript()
        script.command(
            ShellCommand("az", "group", "create").option("--name", "a-rather-long-resource-group-name-for-wrapping").option("--location", "eastus")
                .option("--tags", "k=v", "x=some value").prefixed("run"))
        script.command(ShellCommand("az", "group", "show").option("--name", "rg").prefixed("run"))
        #expect(script.text == """
            run az group create \\
              --name a-rather-long-resource-group-name-for-wrapping \\
              --location eastus \\
              --tags k=v 'x=some value'
            run az group show --name rg
            """)
    }

    @Test func aCommandKnowsItsNameAndOptions() {
        let command = ShellCommand("kubectl", "rollout", "status", "deployment/coredns").option("--namespace", "kube-system").option("--timeout=20s")
            .option("--values", "a.yaml").option("--values", .variable("CA_VALUES"))
        #expect(command.name == "kubectl rollout status deployment/coredns")
        #expect(command.value(of: "--namespace") == "kube-system")
        #expect(command.has("--timeout=20s") && !command.has("--context"))
        #expect(command.value(of: "--context") == nil)
        #expect(command.value(of: "--values") == "a.yaml", "the first occurrence")
        #expect(command.oneLine == "kubectl rollout status deployment/coredns --namespace kube-system --timeout=20s --values a.yaml --values \"$CA_VALUES\"")
    }

    @Test func aShortCommandStaysOnOneLineAndACommandWithoutOptionsNeverWraps() {
        let words = (1...30).map { ShellWord.literal("word\($0)") }
        #expect(ShellCommand(words: words).lines(maxWidth: 20).count == 1)
        #expect(ShellCommand("az", "vm", "show").option("--name", "x").lines(maxWidth: 100) == ["az vm show --name x"])
    }
}
