/// Python's `warnings`: `warn` (with `category` and `stacklevel`), the filters a script sets to
/// silence or repeat warnings (`filterwarnings`, `simplefilter`, `resetwarnings`), which apply
/// to torch's own warnings too, and `catch_warnings` (with `record=True`).
enum WarningsModule {
    static func make() -> Value {
        var m = [String: Value]()
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        add("warn") { args, interp in
            let message = args.value(0, "message") ?? .none
            var category = args.value(1, "category").flatMap { interp.isNone($0) ? nil : $0 }
            if case .object(let e as ExceptionInstance) = message { category = category ?? e.pythonClass }
            if case .object(let i as Instance) = message, i.cls.exceptionBase != nil { category = category ?? .object(i.cls) }
            let name = try category.map(categoryName) ?? "UserWarning"
            let level = try args.value(2, "stacklevel").map(interp.integerArgument) ?? 1
            let text = Formatting.str(message)
            if interp.warningAction(text, category: name) == .error {
                let cls = ExceptionClass.builtins.first { $0.name == name } ?? .userWarning
                throw PyException(instance: ExceptionInstance(cls, [.string(text)]))
            }
            interp.warn(text, category: name, at: interp.lineAtStackLevel(level))
            return .none
        }
        add("filterwarnings") { args, interp in
            let action = try actionArgument(args.value(0, "action"))
            let message = try args.value(1, "message").map(patternArgument) ?? ""
            let category = try args.value(2, "category").map(categoryName) ?? "Warning"
            let append = try args.keyword("append").map(interp.truthy) ?? false
            interp.addWarningFilter(try WarningFilter(action: action, message: message, category: category), append: append)
            return .none
        }
        add("simplefilter") { args, interp in
            let action = try actionArgument(args.value(0, "action"))
            let category = try args.value(1, "category").map(categoryName) ?? "Warning"
            let append = try args.keyword("append").map(interp.truthy) ?? false
            interp.addWarningFilter(try WarningFilter(action: action, message: "", category: category), append: append)
            return .none
        }
        add("resetwarnings") { _, interp in
            interp.warningFilters.removeAll()
            return .none
        }
        add("catch_warnings") { args, interp in
            .object(CatchWarnings(record: try args.keyword("record").map(interp.truthy) ?? false))
        }
        return .object(ModuleObject(name: "warnings", members: m))
    }

    private static func patternArgument(_ value: Value) throws -> String {
        guard case .string(let text) = value else {
            throw PyException.type("message must be a string, not '\(Formatting.typeName(value))'")
        }
        return text
    }

    private static func actionArgument(_ value: Value?) throws -> WarningFilter.Action {
        guard case .string(let text)? = value, let action = WarningFilter.Action(rawValue: text) else {
            throw PyException.value("invalid action: \(Formatting.repr(value ?? .none))")
        }
        return action
    }

    /// The class name of a warning category: a builtin warning class or a script subclass of one.
    private static func categoryName(_ value: Value) throws -> String {
        switch value {
        case .object(let c as ExceptionClass) where c.isSubclass(of: .warning): return c.name
        case .object(let c as UserClass) where c.exceptionBase?.isSubclass(of: .warning) == true: return c.name
        default:
            throw PyException.type("category must be a Warning subclass, not '\(Formatting.typeName(value))'")
        }
    }
}

/// One `warnings.filterwarnings` entry: what to do with warnings of `category` (or a subclass)
/// whose message starts with a match of `message` (case-insensitively).
struct WarningFilter {
    enum Action: String {
        case ignore, always, error, `default`, module, once
    }

    let action: Action
    let message: Regex<AnyRegexOutput>?
    let category: String

    init(action: Action, message: String, category: String) throws {
        self.action = action
        self.category = category
        do {
            self.message = message.isEmpty ? nil : try Regex(message).ignoresCase()
        } catch {
            throw PyException.value("bad warning message pattern \(Formatting.repr(.string(message))): \(error)")
        }
    }

    func matches(_ text: String, category name: String) -> Bool {
        guard Self.isSubclass(name, of: category) else { return false }
        guard let message else { return true }
        return (try? message.prefixMatch(in: text)) != nil
    }

    /// Whether warning class `name` is `base` or derives from it (builtin warning classes by
    /// their hierarchy; any other name only matches itself or `Warning`).
    private static func isSubclass(_ name: String, of base: String) -> Bool {
        if name == base || base == "Warning" { return true }
        guard let cls = ExceptionClass.builtins.first(where: { $0.name == name }),
            let baseClass = ExceptionClass.builtins.first(where: { $0.name == base })
        else { return false }
        return cls.isSubclass(of: baseClass)
    }
}

/// `warnings.catch_warnings()`: restores the filters on exit; with `record=True` the warnings
/// raised inside are collected into the list `__enter__` returns instead of being printed.
final class CatchWarnings: PyObject, ContextManager {
    let record: Bool
    private var saved: [WarningFilter] = []
    private var savedRecorder: ListStorage?

    init(record: Bool) { self.record = record }

    var typeName: String { "catch_warnings" }
    func repr() -> String { "catch_warnings(record=\(record ? "True" : "False"))" }

    func enter(_ interp: Interpreter) throws -> Value {
        saved = interp.warningFilters
        savedRecorder = interp.warningRecorder
        guard record else { return .none }
        let list = ListStorage([])
        interp.warningRecorder = list
        interp.warningFilters.insert(try WarningFilter(action: .always, message: "", category: "Warning"), at: 0)
        return .list(list)
    }

    func exit(_ interp: Interpreter) throws {
        interp.warningFilters = saved
        interp.warningRecorder = savedRecorder
    }
}

/// A recorded warning (`catch_warnings(record=True)`): `message`, `category`, `filename`, `lineno`.
final class WarningMessage: PyObject {
    let message: String
    let category: String
    let filename: String
    let line: Int

    init(message: String, category: String, filename: String, line: Int) {
        self.message = message
        self.category = category
        self.filename = filename
        self.line = line
    }

    var typeName: String { "WarningMessage" }
    func repr() -> String {
        "{message : \(category)(\(Formatting.repr(.string(message)))), category : '\(category)', filename : '\(filename)', lineno : \(line), line : None}"
    }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        let cls = ExceptionClass.builtins.first { $0.name == category } ?? .userWarning
        switch name {
        case "message": return .object(ExceptionInstance(cls, [.string(message)]))
        case "category": return .object(cls)
        case "filename": return .string(filename)
        case "lineno": return .int(line)
        default: return nil
        }
    }
}

extension Interpreter {
    /// What the first matching filter says to do with a warning (`.default` when none matches).
    func warningAction(_ message: String, category: String) -> WarningFilter.Action {
        warningFilters.first { $0.matches(message, category: category) }?.action ?? .default
    }

    /// Adds a filter in front of the others, or behind them with `append`.
    func addWarningFilter(_ filter: WarningFilter, append: Bool) {
        if append { warningFilters.append(filter) } else { warningFilters.insert(filter, at: 0) }
    }

    /// The line `warnings.warn(..., stacklevel=level)` attributes a warning to: 1 is the
    /// caller of `warn`, 2 its caller, and so on (the script's outermost line past the top). A
    /// frame of library code (the prelude) has no line in the script: the script line that
    /// called into the library stands for it.
    func lineAtStackLevel(_ level: Int) -> Int {
        let index = Swift.max(frames.count - Swift.max(level, 1), 0)
        return frames[...index].last(where: \.isScript)?.line ?? frames[index].line
    }
}
