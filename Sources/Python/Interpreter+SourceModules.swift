extension Interpreter {
    /// Runs Python `source` as the module `name` (a host library's own Python code, such as
    /// torch's prelude) and returns the module: its top level runs in a namespace of its own,
    /// which the functions and classes it defines keep as their enclosing scope, and in a frame
    /// of its own, so the importing line stays the one a traceback shows. Source that does not
    /// parse raises ImportError naming `filename`.
    package func executeModule(source: String, filename: String, name: String) throws -> ModuleObject {
        let parsed: Module
        do {
            parsed = try parseModule(source: source, filename: filename)
        } catch let error as SyntaxError {
            throw PyException(.importError, "cannot run \(filename): \(error)")
        }
        let namespace = Scope(enclosing: nil)
        let outerModule = executingModule
        executingModule = name
        defer { executingModule = outerModule }
        pushFrame(Frame(function: "<module>", line: 0, file: SourceFile(name: filename, lines: parsed.sourceLines)))
        defer { popFrame() }
        _ = try execute(parsed.body, namespace)
        return ModuleObject(name: name, members: namespace.variables)
    }
}
