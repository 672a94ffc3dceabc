extension ScriptRun {
    /// The run a command line asks for when it is plainly `run SCRIPT` with at most
    /// `--detect-anomaly`, `--max-steps N`, `--timeout S` and `--max-memory B` (as `--name value`
    /// or `--name=value`), each at most once, with values ArgumentParser accepts and validates to
    /// the same run; nil for anything else, which then goes through ArgumentParser.
    ///
    /// ArgumentParser's reflection costs about 20M instructions per run, a third of a short
    /// script's start-up. Every other command line (another subcommand, `--help`, `--graph`, a
    /// picture option, `--`, a repeated option, an invalid value) keeps ArgumentParser's texts.
    init?(commandLine arguments: ArraySlice<String>) {
        guard arguments.first == "run" else { return nil }
        var script: String?
        var detectAnomaly = false
        var limits = ScriptLimits()
        var seen = Set<Substring>()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                guard script == nil, !argument.isEmpty else { return nil }
                script = argument
                continue
            }
            let (name, attached) = Self.split(argument)
            guard seen.insert(name).inserted else { return nil }
            if name == "--detect-anomaly" {
                guard attached == nil else { return nil }
                detectAnomaly = true
                continue
            }
            guard let value = attached ?? rest.popFirst(), !value.hasPrefix("-") else { return nil }
            switch name {
            case "--max-steps":
                guard let steps = Int(value) else { return nil }
                limits.maxSteps = steps
            case "--timeout":
                guard let seconds = Double(value) else { return nil }
                limits.timeout = seconds
            case "--max-memory":
                guard let bytes = ByteCount(argument: value) else { return nil }
                limits.maxMemory = bytes
            default:
                return nil
            }
        }
        guard let script, limits.problem == nil else { return nil }
        self.init(script: script, detectAnomaly: detectAnomaly, limits: limits)
    }

    /// A long option's name and its `=value`, if attached.
    private static func split(_ argument: String) -> (name: Substring, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument[...], nil) }
        return (argument[..<equals], String(argument[argument.index(after: equals)...]))
    }
}
