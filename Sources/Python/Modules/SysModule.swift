/// Python's `sys`, as far as a script that cannot touch its environment needs it: `argv` (the
/// script, then the arguments given after `--` on GradScope's command line), `exit`, the interpreter's version, `maxsize`, and `stdout`/`stderr` streams
/// that `print(..., file=)` and `.write` reach.
enum SysModule {
    static func make(argv: [String]) -> Value {
        var m = [String: Value]()
        m["argv"] = .list(ListStorage(argv.map(Value.string)))
        m["exit"] = .object(
            BuiltinFunction("exit") { args, _ in
                throw PyException(instance: ExceptionInstance(.systemExit, args.positional.prefix(1).map { $0 }))
            })
        m["version"] = .string("3.11.7 (GradScope)")
        m["version_info"] = .tuple([.int(3), .int(11), .int(7), .string("final"), .int(0)])
        m["maxsize"] = .int(Int.max)
        m["platform"] = .string("linux")
        m["byteorder"] = .string("little")
        m["stdout"] = .object(TextStream(name: "<stdout>", toError: false))
        m["stderr"] = .object(TextStream(name: "<stderr>", toError: true))
        m["getrecursionlimit"] = .object(BuiltinFunction("getrecursionlimit") { _, _ in .int(1000) })
        return .object(ModuleObject(name: "sys", members: m))
    }
}

/// `sys.stdout` / `sys.stderr`: text written to them goes where `print` writes.
final class TextStream: PyObject {
    let name: String
    let toError: Bool

    init(name: String, toError: Bool) {
        self.name = name
        self.toError = toError
    }

    var typeName: String { "TextIOWrapper" }
    func repr() -> String { "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>" }

    /// Writes `text` to the stream's side of the interpreter's output.
    func write(_ text: String, _ interp: Interpreter) {
        if toError { interp.writeError(text) } else { interp.writeOutput(text) }
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "write":
            return .object(
                BuiltinFunction("write") { args, interp in
                    guard case .string(let text)? = args.positional.first else {
                        throw PyException.type(
                            "write() argument must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                    }
                    try interp.reserveBytes(text.utf8.count)
                    self.write(text, interp)
                    return .int(text.count)
                })
        case "flush": return .object(BuiltinFunction("flush") { _, _ in .none })
        case "name": return .string(name)
        default: return nil
        }
    }
}
