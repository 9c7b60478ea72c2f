/// The tools the core's own script steps call.
enum CoreTools {
    static let all = [
        ToolRequirement(
            "curl", hint: "get it from your package manager (e.g. apt-get install curl); setup finds this machine's public address with it")
    ]
}
