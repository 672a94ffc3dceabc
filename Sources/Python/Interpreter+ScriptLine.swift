extension Interpreter {
    /// The line of the innermost frame running the script's own code, not a library module's
    /// (the prelude's torch.nn, torch.autograd): where a warning raised inside the library
    /// points, as a `stacklevel` reaching the caller would.
    package var scriptLine: Int {
        for index in frames.indices.reversed() where !runsLibraryCode(frames[index], index: index) {
            return frames[index].line
        }
        return currentLine
    }

    /// Whether the frame runs a function defined in a library module (its locals' enclosing
    /// scopes reach that module's namespace) or a library module's top level (a module frame
    /// above the script's own).
    private func runsLibraryCode(_ frame: Frame, index: Int) -> Bool {
        guard frame.callee != nil else { return index > 0 }
        var scope = frame.scope
        while let s = scope {
            if s.isLibraryNamespace { return true }
            scope = s.enclosing
        }
        return false
    }
}
