import Foundation
import Python
import TorchBindings

/// What a script run reports: its lines, names and errors, and its torch events.
package typealias ScriptObserver = ExecutionObserver & TorchObserver

/// A problem with the input itself (missing or unreadable file); the CLI exits with status 2.
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Loads, parses and runs one script, writing its output like `python script.py` would.
public enum ScriptRunner {
    /// Reads a script file as UTF-8 text, with clear messages for the ways that can fail.
    public static func load(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("can't open file '\(path)': No such file or directory")
        }
        if isDirectory.boolValue { throw InputError("can't open file '\(path)': Is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("can't open file '\(path)': Permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("can't read '\(path)': the file is not valid UTF-8 text")
        }
        return text
    }

    /// Parses and runs `source` under one watchdog for both; returns the exit status Python would give (0, or 1 after an
    /// uncaught exception or syntax error, which are written to `writeError`).
    package static func run(
        source: String, filename: String,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        limits: ExecutionLimits = ExecutionLimits(),
        observer: ScriptObserver? = nil, arguments: [String] = []
    ) -> Int32 {
        run(
            source: source, filename: filename, writeOutput: writeOutput, writeError: writeError, limits: limits,
            observer: observer, arguments: arguments, prepare: { _ in })
    }

    /// `run`, calling `prepare` with the interpreter before it starts.
    static func run(
        source: String, filename: String,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        limits: ExecutionLimits, observer: ScriptObserver?, arguments: [String] = [],
        prepare: (Interpreter) -> Void
    ) -> Int32 {
        RunWatchdog.during(limits) { _ in
            guard
                let (interpreter, torch) = makeInterpreter(
                    source: source, filename: filename, writeOutput: writeOutput,
                    writeError: writeError, limits: limits, arguments: arguments)
            else { return 1 }
            interpreter.observer = observer
            torch.observer = observer
            prepare(interpreter)
            return interpreter.run()
        }
    }

    /// Parses `source` into an interpreter with torch installed, ready to run; on a syntax error
    /// writes Python's report to `writeError` and returns nil. `arguments` follow the script's
    /// name in `sys.argv`.
    static func makeInterpreter(
        source: String, filename: String, writeOutput: @escaping (String) -> Void,
        writeError: @escaping (String) -> Void,
        limits: ExecutionLimits, arguments: [String] = []
    ) -> (Interpreter, TorchRuntime)? {
        let module: Module
        do {
            module = try parseModule(source: source, filename: filename)
        } catch let e as SyntaxError {
            writeError(e.formatted(filename: filename))
            return nil
        } catch let e as PyException {
            writeError(e.message.isEmpty ? "\(e.instance.cls.name)\n" : "\(e.instance.cls.name): \(e.message)\n")
            return nil
        } catch {
            writeError("SyntaxError: \(error)\n")
            return nil
        }
        let interpreter = Interpreter(module: module, filename: filename, writeOutput: writeOutput, writeError: writeError)
        interpreter.limits = limits
        interpreter.scriptArguments = arguments
        return (interpreter, TorchRuntime.install(into: interpreter))
    }
}
