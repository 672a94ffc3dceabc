/// A Python exception class (builtin or defined by the script).
package final class ExceptionClass: PyObject, Sendable {
    package let name: String
    package let base: ExceptionClass?
    /// The module a host library's class lives in (`torch._C`); nil for builtins.
    package let module: String?

    package init(_ name: String, base: ExceptionClass?, module: String? = nil) {
        self.name = name
        self.base = base
        self.module = module
    }

    /// The name a traceback prints: module-qualified outside builtins.
    var qualifiedName: String { module.map { "\($0).\(name)" } ?? name }

    package var typeName: String { "type" }
    package func repr() -> String { "<class '\(qualifiedName)'>" }

    package func isSubclass(of other: ExceptionClass) -> Bool {
        var c: ExceptionClass? = self
        while let k = c {
            if k === other { return true }
            c = k.base
        }
        return false
    }

    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        .object(ExceptionInstance(self, args.positional))
    }

    package func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        name == "__name__" ? .string(self.name) : ExceptionMethods.method(name).map { .object($0) }
    }

    package static let baseException = ExceptionClass("BaseException", base: nil)
    package static let keyboardInterrupt = ExceptionClass("KeyboardInterrupt", base: baseException)
    package static let exception = ExceptionClass("Exception", base: baseException)
    package static let runtimeError = ExceptionClass("RuntimeError", base: exception)
    package static let notImplementedError = ExceptionClass("NotImplementedError", base: runtimeError)
    package static let recursionError = ExceptionClass("RecursionError", base: runtimeError)
    package static let typeError = ExceptionClass("TypeError", base: exception)
    package static let valueError = ExceptionClass("ValueError", base: exception)
    package static let lookupError = ExceptionClass("LookupError", base: exception)
    package static let indexError = ExceptionClass("IndexError", base: lookupError)
    package static let keyError = ExceptionClass("KeyError", base: lookupError)
    package static let arithmeticError = ExceptionClass("ArithmeticError", base: exception)
    package static let zeroDivisionError = ExceptionClass("ZeroDivisionError", base: arithmeticError)
    package static let overflowError = ExceptionClass("OverflowError", base: arithmeticError)
    package static let assertionError = ExceptionClass("AssertionError", base: exception)
    package static let nameError = ExceptionClass("NameError", base: exception)
    package static let unboundLocalError = ExceptionClass("UnboundLocalError", base: nameError)
    package static let attributeError = ExceptionClass("AttributeError", base: exception)
    package static let importError = ExceptionClass("ImportError", base: exception)
    package static let moduleNotFoundError = ExceptionClass("ModuleNotFoundError", base: importError)
    package static let stopIteration = ExceptionClass("StopIteration", base: exception)
    package static let generatorExit = ExceptionClass("GeneratorExit", base: baseException)
    package static let memoryError = ExceptionClass("MemoryError", base: exception)
    package static let timeoutError = ExceptionClass("TimeoutError", base: exception)
    package static let osError = ExceptionClass("OSError", base: exception)
    package static let fileNotFoundError = ExceptionClass("FileNotFoundError", base: osError)
    package static let warning = ExceptionClass("Warning", base: exception)
    package static let userWarning = ExceptionClass("UserWarning", base: warning)
    package static let deprecationWarning = ExceptionClass("DeprecationWarning", base: warning)
    package static let pendingDeprecationWarning = ExceptionClass("PendingDeprecationWarning", base: warning)
    package static let futureWarning = ExceptionClass("FutureWarning", base: warning)
    package static let runtimeWarning = ExceptionClass("RuntimeWarning", base: warning)
    /// Raised by `sys.exit`: ends the script with its code, without a traceback.
    package static let systemExit = ExceptionClass("SystemExit", base: baseException)

    /// The builtin classes scripts can name.
    static let builtins: [ExceptionClass] = [
        baseException, keyboardInterrupt, exception, runtimeError, notImplementedError, recursionError,
        typeError, valueError, lookupError, indexError, keyError, arithmeticError, zeroDivisionError,
        overflowError, assertionError, nameError, unboundLocalError, attributeError, importError,
        moduleNotFoundError, stopIteration, generatorExit, memoryError, timeoutError, osError,
        fileNotFoundError, warning, userWarning, deprecationWarning, pendingDeprecationWarning,
        futureWarning, runtimeWarning, systemExit
    ]
}

/// A raised (or constructed) exception object: of a builtin class, or the raised instance of a
/// script-defined exception class (`object`) seen through its nearest builtin base.
package final class ExceptionInstance: PyObject {
    /// The builtin class, or for a script-defined class its nearest builtin base.
    package let cls: ExceptionClass
    /// The script object raised, an instance of a class derived from `cls`.
    let object: Instance?
    private let builtinArgs: [Value]

    package init(_ cls: ExceptionClass, _ args: [Value]) {
        self.cls = cls
        builtinArgs = args
        object = nil
    }

    /// Wraps an instance of a script-defined exception class for raising.
    init(raising object: Instance) {
        cls = object.cls.exceptionBase ?? .baseException
        builtinArgs = []
        self.object = object
    }

    /// `e.args`.
    package var args: [Value] { object?.exceptionArgs ?? builtinArgs }

    /// The exception object scripts see (`except E as e`).
    var pythonValue: Value { .object(object ?? self) }
    /// `type(e)`.
    var pythonClass: Value { .object(object.map { $0.cls } ?? cls) }

    package var typeName: String { object?.cls.name ?? cls.name }
    /// The class name a traceback's last line shows (`re.error`, `MyError`).
    var tracebackName: String { object?.cls.tracebackName ?? cls.qualifiedName }

    /// `str(e)`: the single argument's str, or the tuple of arguments.
    package func str() -> String { object?.str() ?? Self.defaultStr(cls, args) }

    package func repr() -> String { object?.repr() ?? Self.defaultRepr(cls.name, args) }

    /// `BaseException.__str__` (`KeyError`'s for its subclasses).
    static func defaultStr(_ cls: ExceptionClass, _ args: [Value]) -> String {
        if cls.isSubclass(of: .keyError), args.count == 1 { return Formatting.repr(args[0]) }
        switch args.count {
        case 0: return ""
        case 1: return Formatting.str(args[0])
        default: return Formatting.repr(.tuple(args))
        }
    }

    /// `BaseException.__repr__`.
    static func defaultRepr(_ name: String, _ args: [Value]) -> String {
        "\(name)(\(args.map(Formatting.repr).joined(separator: ", ")))"
    }

    package func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "args": return .tuple(args)
        case "value" where cls.isSubclass(of: .stopIteration): return args.first ?? Value.none
        case "code" where cls.isSubclass(of: .systemExit): return args.count == 1 ? args[0] : args.isEmpty ? .none : .tuple(args)
        case "__class__": return .object(cls)
        default: return nil
        }
    }
}

/// A Python exception propagating through the interpreter, with the frames it passed.
///
/// Swift requires every `Error` to be `Sendable`, but the exception object is a script value
/// (its arguments may be lists or host objects) and cannot be. An exception never leaves the
/// thread running its interpreter: it is raised and caught there, and `run()` reports it before
/// returning. The instance is therefore exempt from the Sendable check, and only it.
package struct PyException: Error {
    nonisolated(unsafe) package let instance: ExceptionInstance
    /// Innermost last: each frame the exception left, with its source file when not the script.
    package var frames: [(function: String, line: Int, file: SourceFile?)] = []

    package init(_ cls: ExceptionClass, _ message: String) {
        instance = ExceptionInstance(cls, [.string(message)])
    }

    package init(instance: ExceptionInstance) { self.instance = instance }

    package var typeName: String { instance.typeName }
    /// The class name a traceback's last line shows (`re.error`, `MyError`).
    var tracebackName: String { instance.tracebackName }
    package var message: String { instance.str() }

    package static func type(_ m: String) -> PyException { PyException(.typeError, m) }
    package static func value(_ m: String) -> PyException { PyException(.valueError, m) }
    package static func runtime(_ m: String) -> PyException { PyException(.runtimeError, m) }
    package static func index(_ m: String) -> PyException { PyException(.indexError, m) }
    package static func name(_ m: String) -> PyException { PyException(.nameError, m) }
    package static func attribute(_ m: String) -> PyException { PyException(.attributeError, m) }
    package static func zeroDivision(_ m: String) -> PyException { PyException(.zeroDivisionError, m) }
}

/// A host library's error that reaches scripts as a Python exception (e.g. an engine error
/// raised as the `RuntimeError` PyTorch raises).
package protocol PyExceptionConvertible: Error {
    /// The Python exception scripts see.
    var pyException: PyException { get }
}
