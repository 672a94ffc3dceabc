import Autograd
import GraphModel
import Python

/// Where the debugger reads its commands and writes its own output.
public struct DebuggerIO {
    /// The next command line, or nil at end of input (which quits, as in pdb).
    public var readLine: () -> String?
    /// The debugger's own output (prompts, locations, command results).
    public var write: (String) -> Void
    /// Echo each command after the prompt (for scripted sessions, when input is not a terminal).
    public var echoCommands: Bool

    public init(readLine: @escaping () -> String?, write: @escaping (String) -> Void, echoCommands: Bool) {
        self.readLine = readLine
        self.write = write
        self.echoCommands = echoCommands
    }
}

/// `gradscope debug`: runs a script statement by statement like pdb, recording its graph, and
/// can step through a backward pass one autograd node at a time.
///
/// Everything runs on the calling thread: the interpreter calls back before each statement and
/// the engine after each backward node, and the debugger reads commands right there.
public final class Debugger {
    let filename: String
    let source: String
    let io: DebuggerIO
    let writeOutput: (String) -> Void
    let writeError: (String) -> Void
    let limits: ExecutionLimits
    /// Writes a picture of the graph to a path (`render FILE`); nil when no renderer is available.
    let render: ((Graph, String) throws -> Void)?

    let recording = GraphRecording()
    var interpreter: Interpreter?

    enum Mode {
        case step
        /// Stop at the next statement whose call depth is at most this.
        case next(depth: Int)
        case run
    }
    var mode = Mode.step
    /// Stop after each backward node until the statement that started the backward ends.
    var steppingBackward = false
    var breakpoints: [Int] = []
    var line = 0
    var scope: Scope?
    var lastCommand = ""
    /// Set while a `print` expression runs: no stops, nothing recorded.
    var evaluating = false
    var finished = false
    var errorLine: Int?
    private var previousObserver: AutogradObserver?

    /// A debugger for `source` (named `filename` in messages). The script's own output goes to
    /// `writeOutput` / `writeError`.
    public init(
        source: String, filename: String, io: DebuggerIO,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        limits: ExecutionLimits = ExecutionLimits(), render: ((Graph, String) throws -> Void)? = nil
    ) {
        self.source = source
        self.filename = filename
        self.io = io
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.limits = limits
        self.render = render
    }

    /// The graph recorded so far.
    public var graph: Graph { recording.recorder.snapshot() }

    /// Runs the session: stops before the first statement, then follows the commands. When the
    /// script ends (or raises), keeps answering questions about it until `quit` or end of input.
    /// Returns the script's exit status (0 after `quit`).
    public func run() -> Int32 {
        guard
            let (interp, torch) = ScriptRunner.makeInterpreter(
                source: source, filename: filename, writeOutput: writeOutput,
                writeError: writeError, limits: limits)
        else { return 1 }
        interp.observer = self
        torch.observer = self
        interp.statementHook = { [unowned self] stmt, scope in try self.willRun(stmt, scope) }
        interpreter = interp
        recording.follow(interp)
        previousObserver = Observation.observer
        Observation.observer = self
        defer { Observation.observer = previousObserver }

        let status = interp.run()
        if quitting { return 0 }
        finished = true
        if let e = graph.error {
            io.write(
                "The script raised \(e.type) at line \(e.line); the graph up to there is kept. "
                    + "Ask about it (print, graph, why, render) or quit.\n")
            line = e.line
        } else {
            io.write("The script finished. Ask about it (print, graph, why, render) or quit.\n")
        }
        while !quitting, let command = readCommand() {
            if execute(command) != .stay { break }
        }
        return status
    }

    /// Set by `quit` or end of input; the script stops before its next statement.
    var quitting = false

    /// The interpreter's per-statement hook: decides whether to stop here.
    private func willRun(_ stmt: Stmt, _ scope: Scope) throws {
        guard !evaluating, let interp = interpreter else { return }
        if quitting { throw ExecutionStopped(status: 0) }
        self.scope = scope
        line = stmt.line
        let depth = interp.frames.count
        var stop: Bool
        switch mode {
        case .step: stop = true
        case .next(let d): stop = depth <= d
        case .run: stop = false
        }
        if breakpoints.contains(line) { stop = true }
        if steppingBackward {
            steppingBackward = false
            stop = true
        }
        guard stop else { return }
        showLocation()
        try commandLoop()
    }

    /// Reads and runs commands until one resumes the script.
    func commandLoop() throws {
        while let command = readCommand() {
            switch execute(command) {
            case .stay: continue
            case .resume: return
            case .quit: throw ExecutionStopped(status: 0)
            }
        }
        throw ExecutionStopped(status: 0)
    }

    /// Prompts and reads one command line; nil at end of input.
    func readCommand() -> String? {
        io.write("(gradscope:\(line)) ")
        guard let raw = io.readLine() else {
            io.write("\n")
            quitting = true
            return nil
        }
        if io.echoCommands { io.write(raw + "\n") }
        return raw
    }

    func showLocation() {
        let function = interpreter?.frames.last?.function ?? "<module>"
        io.write("> \(filename)(\(line))\(function)()\n")
        if let src = interpreter?.sourceLine(line) { io.write("-> \(src)\n") }
    }
}
