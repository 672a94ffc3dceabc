import ArgumentParser
import Autograd
import Foundation

/// The `gradscope` command: run, dump, render and debug PyTorch-style scripts.
@main
struct GradScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradscope",
        abstract: "See and debug gradient flow in PyTorch-style scripts.",
        discussion: """
            Runs small PyTorch programs on GradScope's own Swift autograd engine, printing exactly what \
            Python with PyTorch prints, and records every operation into a graph you can dump and render. \
            Exit status: 0 success; 1 the script raised; 2 usage or input error (nothing written).
            """,
        subcommands: [Run.self, Dump.self, Render.self, Why.self, Debug.self])

    /// `--version` names the math library in use: oneMKL gives PyTorch's bits, the fallback may
    /// not. A flag of its own rather than `CommandConfiguration.version`, whose text is built on
    /// every run, and building it loads oneMKL (a sixth of a short script's start-up).
    @Flag(help: "Show the version and the math library in use.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("gradscope\n\(MathLibrary.summary)")
    }

    /// Parses and runs a subcommand; usage errors exit with status 2 (ArgumentParser's default
    /// is 64) so every usage or input problem has the same status. A plain `run SCRIPT` skips
    /// ArgumentParser (see `ScriptRun(commandLine:)`).
    static func main() {
        if let plainRun = ScriptRun(commandLine: CommandLine.arguments.dropFirst()) {
            do {
                try plainRun.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
