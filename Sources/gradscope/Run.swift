import ArgumentParser
import Script

/// `gradscope run SCRIPT.py`: run a script like `python SCRIPT.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script like `python SCRIPT.py`: same stdout, stderr and exit status.")

    @Argument(help: "The PyTorch script to run.")
    var script: String

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let source = try loadScript(script)
        let output = OutputStreams()
        installInterruptHandler()
        let status = runOnLargeStack {
            ScriptRunner.run(source: source, filename: script, writeOutput: output.writeOut,
                             writeError: output.writeErr, limits: limits.executionLimits)
        }
        output.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
