import ArgumentParser
import Foundation
import Python
import Session

/// `gradscope-fuzz`: runs generated hostile scripts and graph dumps in-process, each under
/// `--max-memory 64M --timeout 2`, counting executions and findings. A supervisor process runs
/// the cases in a worker process; when the worker dies (a crash) or stops making progress (a
/// hang), the supervisor records the case and starts a new worker at the next one.
@main
struct GradScopeFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradscope-fuzz",
        abstract: "Fuzz the interpreter and the graph-dump reader in-process under the run limits.",
        discussion: """
            Case INDEX of seed SEED is the same on every machine: `--print INDEX` writes it out. \
            Findings (crash, hang, a run using over 5 s of CPU time, resident growth over the limit, an unclear error) \
            are printed as `FINDING INDEX: ...` and saved into --findings; the exit status is 1 when \
            there were any.
            """)

    @Option(help: "The seed of the cases.") var seed: UInt64 = 1
    @Option(help: "How many cases to run.") var count = 10_000
    @Option(help: "The first case's index.") var from = 0
    @Option(help: "Save each finding's case into this folder.") var findings: String?
    @Option(help: "Write case INDEX to stdout and stop.") var print: Int?
    @Option(help: "Seconds of a worker's CPU time (or ten times as many of wall time) without progress: a hang.")
    var hangSeconds = 60.0
    @Option(name: .customLong("worker-progress"), help: .hidden) var workerProgress: String?

    func run() throws {
        if let index = print {
            Swift.print(FuzzCase(seed: seed, index: index).text, terminator: "")
        } else if let workerProgress {
            throw ExitCode(Worker(seed: seed, from: from, count: count, progressPath: workerProgress).run())
        } else {
            let supervisor = Supervisor(
                seed: seed, from: from, count: count, findingsPath: findings, hangSeconds: hangSeconds)
            throw ExitCode(try supervisor.run())
        }
    }
}

/// Case `index` of a seed: a script (70%) or a graph dump (30%).
struct FuzzCase {
    let isDump: Bool
    let text: String

    init(seed: UInt64, index: Int) {
        var r = SplitMix(seed: seed, index: UInt64(index))
        isDump = r.below(10) < 3
        text = isDump ? GraphCases.dump(&r, from: Self.baseDocument()) : ScriptCases.script(&r)
    }

    var fileName: String { isDump ? "dump.json" : "script.py" }

    /// The dump of `GraphCases.baseScript`, recorded once per process.
    static let baseDump: String = {
        let (_, graph) = ScriptRunner.runRecording(
            source: GraphCases.baseScript, filename: "base.py", writeOutput: { _ in }, writeError: { _ in })
        return graph.json()
    }()

    /// `baseDump` as a JSON object, for a case to change.
    static func baseDocument() -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(baseDump.utf8))) as? [String: Any] ?? [:]
    }
}
