/// Thrown by a statement hook to end the run quietly (the debugger's `quit`).
package struct ExecutionStopped: Error {
    /// The exit status the run reports.
    package let status: Int32
    package init(status: Int32) { self.status = status }
}

extension Interpreter {
    /// The current call stack as tracebacks print it: one `File "x.py", line N, in f` line per
    /// frame, outermost first, each followed by its source line indented by four.
    package func callStackTrace() -> String {
        var lines: [String] = []
        for f in frames {
            lines.append("  File \"\(filename)\", line \(f.line), in \(f.function)")
            if let src = sourceLine(f.line) { lines.append("    \(src)") }
        }
        return lines.joined(separator: "\n")
    }
}
