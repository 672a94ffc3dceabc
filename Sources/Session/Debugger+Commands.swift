import Autograd
import GraphModel
import GraphRender
import Python

extension Debugger {
    /// What a command asks of the session.
    enum Outcome {
        /// Stay at the prompt.
        case stay
        /// Let the script go on (in the mode the command set).
        case resume
        /// End the session.
        case quit
    }

    static let help = """
        Commands (short forms in brackets):
          step [s]               run to the next statement, entering calls
          next [n]               run to the next statement in this function
          continue [c]           run to the next breakpoint (or the end)
          break [b] LINE         stop before LINE; without LINE, list breakpoints
          backward-step [bs]     run this statement, stopping after every backward node it runs
                                 (shows the node, the gradient it received and what it sent)
          print [p] EXPR         evaluate EXPR in the script's scope and print its repr
          graph                  the graph recorded so far, as text
          render FILE            write a picture of the graph so far to FILE
          why [NAME ...]         explain the gradients of the named tensors (default: parameters and .grad reads)
          where [w]              the call stack
          list [l]               the source around the current line
          quit [q]               stop the script and leave
          help [h]               this text
        An empty line repeats step, next or backward-step.

        """

    /// Runs one command line.
    func execute(_ raw: String) -> Outcome {
        var text = raw.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        if text.isEmpty {
            guard ["s", "step", "n", "next", "bs", "backward-step"].contains(lastCommand) else { return .stay }
            text = Substring(lastCommand)
        }
        let word = String(text.prefix { $0 != " " })
        let rest = String(text.dropFirst(word.count).drop { $0 == " " })
        lastCommand = word
        switch word {
        case "s", "step": return resume(.step)
        case "n", "next": return resume(.next(depth: interpreter?.frames.count ?? 1))
        case "c", "cont", "continue": return resume(.run)
        case "bs", "backward-step":
            guard !finished else { return resume(.run) }
            steppingBackward = true
            return resume(.step)
        case "b", "break": setBreakpoint(rest)
        case "p", "print":
            if rest.isEmpty { io.write("*** print needs an expression, e.g. print x.grad\n") } else { printValue(of: rest) }
        case "graph": io.write(graph.textDump())
        case "render": renderGraph(to: rest)
        case "why": explain(rest)
        case "w", "where", "bt": showStack()
        case "l", "list": listSource()
        case "q", "quit", "exit":
            quitting = true
            return .quit
        case "h", "help", "?": io.write(Self.help)
        default: io.write("*** unknown command '\(word)'; type help for the list\n")
        }
        return .stay
    }

    private func resume(_ newMode: Mode) -> Outcome {
        if finished {
            io.write("The script has ended.\n")
            return .quit
        }
        mode = newMode
        return .resume
    }

    private func setBreakpoint(_ argument: String) {
        guard !argument.isEmpty else {
            io.write(
                breakpoints.isEmpty
                    ? "No breakpoints.\n"
                    : breakpoints.map { "Breakpoint at \(filename):\($0)\n" }.joined())
            return
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let n = Int(argument), n >= 1, n <= lines.count else {
            io.write("*** break needs a line number between 1 and \(lines.count)\n")
            return
        }
        if !breakpoints.contains(n) { breakpoints.append(n) }
        io.write("Breakpoint at \(filename):\(n)\n")
    }

    /// Evaluates `expression` in the current scope without recording anything or stopping.
    func evaluate(_ expression: String) throws -> Value {
        guard let interp = interpreter else { throw PyException.runtime("the script is not running") }
        let module = try parseModule(source: expression, filename: "<debugger>")
        guard module.body.count == 1, case .expression(let e) = module.body[0].kind else {
            throw PyException(.valueError, "print takes one expression, not a statement")
        }
        let saved = Observation.observer
        Observation.observer = nil
        evaluating = true
        defer {
            evaluating = false
            Observation.observer = saved
        }
        return try interp.evaluate(e, scope ?? interp.globals)
    }

    private func printValue(of expression: String) {
        do {
            let value = try evaluate(expression)
            io.write((try interpreter?.reprText(value) ?? Formatting.repr(value)) + "\n")
        } catch {
            io.write("*** " + Self.describe(error) + "\n")
        }
    }

    /// `NameError: name 'q' is not defined`, as pdb shows an error.
    static func describe(_ error: Error) -> String {
        switch error {
        case let e as PyException: return e.message.isEmpty ? e.typeName : "\(e.typeName): \(e.message)"
        case let e as TorchError: return "\(e.pythonType): \(e.message)"
        case let e as SyntaxError: return "SyntaxError: \(e.message)"
        default: return "\(error)"
        }
    }

    private func renderGraph(to path: String) {
        guard !path.isEmpty else {
            io.write("*** render needs a file name, e.g. render graph.dot\n")
            return
        }
        guard let render else {
            io.write("*** render is not available in this build (no graph renderer)\n")
            return
        }
        do {
            try render(graph, path)
            io.write("Wrote \(path)\n")
        } catch {
            io.write("*** \(error)\n")
        }
    }

    private func explain(_ argument: String) {
        let g = graph
        var targets: [Int] = []
        var names: [Int: String] = [:]
        for name in argument.split(separator: " ").map(String.init) {
            var found = g.tensors(named: name)
            if found.isEmpty, case .object(let t as Tensor)? = try? evaluate(name), let id = recording.recorder.recordID(of: t) {
                found = [id]
            }
            guard !found.isEmpty else {
                io.write("*** no recorded tensor is called '\(name)'\n")
                continue
            }
            for t in found where names[t] == nil {
                targets.append(t)
                names[t] = found.count == 1 ? name : "\(name) (line \(g.tensors[t].line))"
            }
        }
        if argument.isEmpty { targets = g.explainTargets }
        guard !targets.isEmpty else {
            if argument.isEmpty { io.write("No leaf requires grad yet.\n") }
            return
        }
        io.write(g.whyText(g.explain(targets), source: source, names: names))
    }

    private func showStack() {
        guard let frames = interpreter?.frames, !finished else {
            io.write("> \(filename)(\(line))<module>()\n")
            return
        }
        for (i, f) in frames.enumerated() {
            io.write("\(i == frames.count - 1 ? ">" : " ") \(filename)(\(f.line))\(f.function)()\n")
            if let src = interpreter?.sourceLine(f.line) { io.write("-> \(src)\n") }
        }
    }

    private func listSource() {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let first = max(1, line - 5)
        let last = min(lines.count, line + 5)
        guard first <= last else { return }
        for n in first...last {
            let number = String(n)
            let mark = (breakpoints.contains(n) ? "B" : " ") + (n == line ? "->" : "  ")
            io.write(String(repeating: " ", count: max(0, 4 - number.count)) + number + " " + mark + " " + lines[n - 1] + "\n")
        }
    }
}
