import ArgumentParser
import Autograd
import Script

/// `gradscope run SCRIPT.py`: run a script like `python SCRIPT.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script like `python SCRIPT.py`: same stdout, stderr and exit status.")

    @Argument(help: "The PyTorch script to run.")
    var script: String

    @Flag(name: .customLong("detect-anomaly"),
          help: "Turn on torch.autograd.set_detect_anomaly(True) before the script runs.")
    var detectAnomaly = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let source = try loadScript(script)
        let output = OutputStreams()
        installInterruptHandler()
        let status = runOnLargeStack { [detectAnomaly] in
            if detectAnomaly { GradMode.anomalyDetection = true }
            return ScriptRunner.run(source: source, filename: script, writeOutput: output.writeOut,
                             writeError: output.writeErr, limits: limits.executionLimits)
        }
        output.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
