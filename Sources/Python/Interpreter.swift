/// Receives what a running script does: the current line, name bindings and uncaught errors.
package protocol ExecutionObserver: AnyObject {
    /// The statement at `line` of the script is about to run (statements of a host library's
    /// Python code, such as torch's prelude, are not reported: the script's line stays current).
    func lineWillRun(_ line: Int)
    /// The script bound `name` to `value` (plain assignment in the script's own code).
    func bound(name: String, to value: Value)
    /// The script ended with an uncaught exception raised at `line`.
    func uncaughtError(type: String, message: String, line: Int)
    /// A frame was pushed or popped: `scriptLine` and `scriptCallLines` are now as given, and
    /// the innermost frame is `depth` calls deep (0: the script's top-level code).
    func framesChanged(scriptLine: Int, scriptCallLines: [Int], depth: Int)
}

/// Limits that keep a run of an untrusted script bounded.
public struct ExecutionLimits: Sendable {
    /// Maximum Python call depth (Python's default recursion limit).
    public var maxCallDepth = 1000
    /// Maximum statements executed; nil for no limit.
    public var maxSteps: Int? = nil
    /// Maximum wall-clock seconds; nil for no limit.
    public var timeout: Double? = nil
    /// Maximum bytes of any one script list or string (and of whatever the host counts, such as
    /// live tensor storage); nil for no limit.
    public var maxMemory: Int? = nil
    /// Whether the run owns its process, so the growth of its resident memory (containers,
    /// strings, autograd nodes, the recording, the parse tree: everything) counts against
    /// `maxMemory` besides the exact counts of tensors, lists and strings. The growth is counted
    /// from the process's first watchdog on, so set it only in a process that runs one script.
    public var countsProcessMemory = false
    /// For tests, an injected clock: the time limit expires at this check inside a builtin.
    package var expireAfterPolls: Int? = nil
    /// No limits but the call depth.
    public init() {}
}

/// Runs a parsed script with Python semantics, printing what Python would print.
package final class Interpreter {
    package let filename: String
    /// What follows the script's name in `sys.argv` (`gradscope run SCRIPT -- ARGS`).
    package var scriptArguments: [String] = []
    /// The module whose top level is running: `__main__`, or a standard module written in Python
    /// while its source runs (the classes it defines are that module's).
    var executingModule = "__main__"
    package let module: Module
    package let globals = Scope(enclosing: nil)
    var builtins: [String: Value] = [:]
    var importableModules: [String: Value] = [:]
    /// Standard modules not imported yet, with what builds each.
    var unbuiltModules: [String: (Interpreter) throws -> Value] = [:]
    /// Importable module names: the host's in registration order, then the standard library's.
    var hostModuleNames: [String] = []
    var standardModuleNames: [String] = []
    /// Looks up extra attributes on script classes (e.g. `apply` on Function subclasses).
    package var classAttributeHook: ((UserClass, String) throws -> Value?)?
    /// Creates the instances of script classes that derive from a host type (a `torch.Tensor`
    /// subclass); nil from it leaves the class to the interpreter.
    package var hostSubclassConstructor: ((UserClass, Arguments, Interpreter) throws -> Value?)?
    /// Sets up host state for the duration of `run()` and returns what restores it.
    package var runScopes: [(Interpreter) -> () -> Void] = []
    /// Replaces the check of `limits.maxMemory` for lists and strings (a host that allocates
    /// memory of its own counts it too); throws when `shape` items of `itemSize` bytes do not fit.
    package var memoryCheck: ((_ shape: [Int], _ itemSize: Int) throws -> Void)?
    /// Generators started and not finished, by creation order (`GeneratorFrame.serial`).
    var suspendedGenerators: [Int: GeneratorFrame] = [:]
    /// Generators dropped while paused, waiting to be closed at the next statement.
    var abandonedGenerators: [GeneratorFrame] = []
    /// How many generators this interpreter has made.
    var generatorsMade = 0
    /// The types `type(x)` made for values of types without a builtin type object, by name
    /// (so that `type(a) is type(b)` holds for two values of one type).
    var typesByName: [String: TypeObject] = [:]
    /// Per-interpreter state of host libraries, one object per type.
    var hostStates: [ObjectIdentifier: AnyObject] = [:]

    /// Standard output and standard error sinks.
    package var writeOutput: (String) -> Void
    package var writeError: (String) -> Void
    package weak var observer: ExecutionObserver?
    /// Called before every statement with the scope it runs in (the debugger's stepping hook).
    package var statementHook: ((Stmt, Scope) throws -> Void)?
    package var limits = ExecutionLimits()

    package struct Frame {
        package let function: String
        package var line: Int
        /// The script function running in this frame and its locals (what `super()` reads).
        let callee: UserFunction?
        let scope: Scope?
        /// The source the frame runs when it is not the script's (a host library's module).
        let file: SourceFile?
        /// Whether the frame runs the script's own code (not a host library's Python code).
        var isScript: Bool { file == nil }

        init(function: String, line: Int, callee: UserFunction? = nil, scope: Scope? = nil, file: SourceFile? = nil) {
            self.function = function
            self.line = line
            self.callee = callee
            self.scope = scope
            self.file = file
        }
    }
    /// The call stack, outermost first; changed only through `pushFrame` / `popFrame` (and a
    /// statement's line), so that the observer hears of each change.
    package private(set) var frames = [Frame(function: "<module>", line: 0)]
    var steps = 0
    /// The run's time and memory watchdog (set while `run()` runs).
    var watchdog: RunWatchdog?
    private var warnedSites = Set<String>()
    /// `warnings.filterwarnings` entries, first match first.
    var warningFilters: [WarningFilter] = []
    /// Where warnings go instead of stderr inside `catch_warnings(record=True)`.
    var warningRecorder: ListStorage?

    package init(
        module: Module, filename: String,
        writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.module = module
        self.filename = filename
        self.writeOutput = writeOutput
        self.writeError = writeError
        installBuiltins()
        registerStandardModules()
    }

    /// Script functions hold their module's globals, which hold the functions: Python's garbage
    /// collector would break such cycles; here the interpreter breaks them when it goes away.
    deinit { globals.variables.removeAll() }

    /// The line of the innermost frame.
    package var currentLine: Int { frames[frames.count - 1].line }

    /// The line of the innermost frame running the script's own code: while a host library's
    /// Python code runs (an `nn.Module`'s forward), the script line that called into it.
    /// Warnings raised inside library code point here, as a `stacklevel` reaching the caller would.
    package var scriptLine: Int { frames.last(where: \.isScript)?.line ?? currentLine }

    /// The lines of the script's frames that called the innermost one, outermost first: where
    /// the script's own functions were called from (empty in the script's top-level code).
    package var scriptCallLines: [Int] {
        var lines: [Int] = []
        var innermostSeen = false
        for frame in frames.reversed() where frame.isScript {
            if innermostSeen { lines.append(frame.line) }
            innermostSeen = true
        }
        return lines.reversed()
    }

    /// Enters a call: pushes its frame and tells the observer where the script now is.
    func pushFrame(_ frame: Frame) {
        frames.append(frame)
        reportFrames()
    }

    /// Leaves the innermost call and tells the observer where the script now is.
    func popFrame() {
        frames.removeLast()
        reportFrames()
    }

    /// Lets the observer keep the script's line and call lines without asking for them per op.
    private func reportFrames() {
        observer?.framesChanged(scriptLine: scriptLine, scriptCallLines: scriptCallLines, depth: frames.count - 1)
    }

    /// Runs the whole module. Returns 0 on success, or after printing a traceback 1 (130 for an
    /// uncaught `KeyboardInterrupt`, as Python exits after Ctrl-C).
    package func run() -> Int32 {
        let restores = runScopes.map { $0(self) }
        defer { for restore in restores.reversed() { restore() } }
        let limits = limits
        return RunWatchdog.during(limits) { watchdog in
            self.watchdog = watchdog
            defer { self.watchdog = nil }
            return ReprGuard.checking(with: { [unowned self] bytes in try self.admitText(bytes) }) { runBody() }
        }
    }

    private func runBody() -> Int32 {
        do {
            globals.variables["__name__"] = .string("__main__") // the script runs as `python SCRIPT.py` runs it
            _ = try execute(module.body, globals)
            closeSuspendedGenerators()
            return 0
        } catch let e as PyException where e.instance.cls.isSubclass(of: .systemExit) {
            closeSuspendedGenerators()
            return exitStatus(e.instance)
        } catch let e as PyException {
            report(e)
            closeSuspendedGenerators()
            return e.instance.cls.isSubclass(of: .keyboardInterrupt) ? 130 : 1
        } catch let stop as ExecutionStopped {
            return stop.status
        } catch {
            report(PyException.runtime("\(error)"))
            return 1
        }
    }

    /// The exit status of an uncaught `SystemExit`, as CPython ends: `None` is 0, an int is
    /// itself, anything else is printed to stderr and gives 1.
    private func exitStatus(_ exit: ExceptionInstance) -> Int32 {
        let code: Value = exit.args.count == 1 ? exit.args[0] : exit.args.isEmpty ? .none : .tuple(exit.args)
        switch code {
        case .none: return 0
        case .int(let i): return Int32(truncatingIfNeeded: i)
        case .bool(let b): return b ? 1 : 0
        default:
            writeError(Formatting.str(code) + "\n")
            return 1
        }
    }

    /// Prints a Python-style traceback for an uncaught exception.
    func report(_ e: PyException) {
        var text = "Traceback (most recent call last):\n"
        let frames = e.frames.isEmpty ? [(function: "<module>", line: currentLine, file: nil)] : e.frames
        for f in frames {
            text += "  File \"\(f.file?.name ?? filename)\", line \(f.line), in \(f.function)\n"
            if let src = f.file.map({ $0.line(f.line) }) ?? sourceLine(f.line) { text += "    \(src)\n" }
        }
        var e = e
        var message = e.message
        if var limit = ReprGuard.takeError() {
            // A repr in the message, or earlier in the statement that raised `e`, was cut short
            // (too deep, or its text did not fit the limits): its error ends the run, as it would
            // have been raised first.
            limit.frames = e.frames
            e = limit
            message = limit.message
        }
        text += message.isEmpty ? "\(e.tracebackName)\n" : "\(e.tracebackName): \(message)\n"
        writeError(text)
        let scriptLine = frames.last { $0.file == nil }?.line
        observer?.uncaughtError(type: e.typeName, message: message, line: scriptLine ?? currentLine)
    }

    package func sourceLine(_ line: Int) -> String? {
        guard line >= 1 && line <= module.sourceLines.count else { return nil }
        let s = module.sourceLines[line - 1].trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? nil : s
    }

    /// Prints a warning as Python's default filter does: once per (line, message).
    package func warn(_ message: String, category: String) { warn(message, category: category, at: currentLine) }

    /// Prints a warning attributed to `line` of the script: once per (line, message).
    package func warn(_ message: String, category: String, at line: Int) {
        switch warningAction(message, category: category) {
        case .ignore: return
        case .always: break
        default: guard warnedSites.insert("\(line)|\(category)|\(message)").inserted else { return }
        }
        if let recorder = warningRecorder {
            recorder.items.append(.object(WarningMessage(message: message, category: category, filename: filename, line: line)))
            return
        }
        var text = "\(filename):\(line): \(category): \(message)\n"
        if let src = sourceLine(line) { text += "  \(src)\n" }
        writeError(text)
    }

    /// Prints a warning that Python attributes to one internal line: once per run.
    package func warnOnce(_ message: String, category: String) {
        guard warnedSites.insert("internal|\(category)|\(message)").inserted else { return }
        warn(message, category: category)
    }

    // MARK: - Statements

    enum Flow {
        case normal, breakLoop, continueLoop
        case returned(Value)
    }

    func execute(_ body: [Stmt], _ scope: Scope) throws -> Flow {
        var i = 0
        while i < body.count {
            let flow = try execute(body[i], scope)
            i += 1
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ s: Stmt, _ scope: Scope) throws -> Flow {
        try willRun(s, scope)
        do {
            return try executeUnchecked(s, scope)
        } catch var e as PyException {
            if e.frames.isEmpty { e.frames = frames.map { ($0.function, $0.line, $0.file) } }
            throw e
        } catch let e as PyExceptionConvertible {
            throw attachFrames(e.pyException)
        } catch let e as FormatError {
            let cls = ExceptionClass.builtins.first { $0.name == e.exceptionType } ?? .valueError
            throw attachFrames(PyException(cls, e.message))
        }
    }

    /// What happens before every statement: the frame's line, the observer, the debugger's hook
    /// and the step and time limits.
    @inline(__always)
    func willRun(_ s: Stmt, _ scope: Scope) throws {
        if !abandonedGenerators.isEmpty { closeAbandonedGenerators() }
        frames[frames.count - 1].line = s.line
        if frames[frames.count - 1].isScript { observer?.lineWillRun(s.line) }
        try statementHook?(s, scope)
        try tick()
    }

    func attachFrames(_ e: PyException) -> PyException {
        var e = e
        e.frames = frames.map { ($0.function, $0.line, $0.file) }
        return e
    }

    private func executeUnchecked(_ s: Stmt, _ scope: Scope) throws -> Flow {
        switch s.kind {
        case .expression(let e):
            _ = try evaluate(e, scope)
        case .assign(let targets, let valueExpr):
            let value = try evaluate(valueExpr, scope)
            for t in targets { try assign(t, value, scope) }
        case .augmentedAssign(let target, let op, let valueExpr):
            try augmentedAssign(target, op, valueExpr, scope)
        case .annotatedAssign(let target, let annotation, let valueExpr):
            if let valueExpr { try assign(target, try evaluate(valueExpr, scope), scope) }
            if scope.isClassBody, case .name(let name) = target.kind {
                try recordAnnotation(name, try evaluate(annotation, scope), in: scope)
            }
        case .if(let condition, let body, let orElse):
            return try execute(try truthy(evaluate(condition, scope)) ? body : orElse, scope)
        case .for(let target, let iterableExpr, let body, let orElse):
            return try executeFor(target, iterableExpr, body, orElse, scope)
        case .while(let condition, let body, let orElse):
            while try truthy(evaluate(condition, scope)) {
                switch try execute(body, scope) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                case .normal, .continueLoop: continue
                }
            }
            return try execute(orElse, scope)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .functionDef(let def):
            var fn: Value = .object(
                try makeFunction(
                    def.name, def.parameters, body: def.body, lambda: nil,
                    isGenerator: def.isGenerator, scope))
            for d in def.decorators.reversed() { fn = try call(try evaluate(d, scope), Arguments([fn])) }
            scope.assign(def.name, fn)
        case .classDef(let def):
            scope.assign(def.name, try makeClass(def, scope))
        case .return(let e):
            guard let e else { return .returned(.none) }
            return .returned(try evaluate(e, scope))
        case .with(let items, let body):
            return try executeWith(items[...], body, scope)
        case .try(let body, let handlers, let orElse, let finally):
            return try executeTry(body, handlers, orElse, finally, scope)
        case .raise(let e, _):
            guard let e else {
                if let current = handling.last { throw current }
                throw PyException.runtime("No active exception to reraise")
            }
            throw try makeException(evaluate(e, scope))
        case .assert(let condition, let message):
            if !(try truthy(evaluate(condition, scope))) {
                let args: [Value] = try message.map { [try evaluate($0, scope)] } ?? []
                throw PyException(instance: ExceptionInstance(.assertionError, args))
            }
        case .delete(let targets):
            for t in targets { try delete(t, scope) }
        case .global(let names):
            for n in names { scope.redirected[n] = globals }
        case .nonlocal(let names):
            for n in names {
                var s = scope.enclosing
                while let candidate = s, candidate.variables[n] == nil { s = candidate.enclosing }
                guard let target = s else { throw PyException(.nameError, "no binding for nonlocal '\(n)' found") }
                scope.redirected[n] = target
            }
        case .import(let names):
            for n in names {
                let root = n.alias == nil ? String(n.name.split(separator: ".")[0]) : n.name
                let module = try importModule(n.alias == nil ? root : n.name)
                if n.alias == nil && root != n.name { _ = try importModule(n.name) }
                scope.assign(n.alias ?? root, module)
            }
        case .importFrom(let moduleName, let names):
            let module = try importModule(moduleName)
            for n in names {
                if let v = try attribute(of: module, n.name) {
                    scope.assign(n.alias ?? n.name, v)
                } else if let sub = try? importModule(moduleName + "." + n.name) {
                    scope.assign(n.alias ?? n.name, sub)
                } else {
                    throw PyException(.importError, "cannot import name '\(n.name)' from '\(moduleName)'")
                }
            }
        }
        return .normal
    }

    /// The class bodies being executed, innermost last, with the functions each defined.
    var classBodies: [(scope: Scope, functions: [UserFunction])] = []

    /// Exceptions being handled by enclosing `except` blocks (for bare `raise`).
    var handling: [PyException] = []

    private func executeFor(
        _ target: Expr, _ iterableExpr: Expr, _ body: [Stmt], _ orElse: [Stmt],
        _ scope: Scope
    ) throws -> Flow {
        let iterable = try evaluate(iterableExpr, scope)
        func runBody() throws -> Flow? {
            switch try execute(body, scope) {
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            case .normal, .continueLoop: return nil
            }
        }
        if case .object(let r as RangeObject) = iterable {
            var i = r.start
            while r.step > 0 ? i < r.stop : i > r.stop {
                try assign(target, .int(i), scope)
                if let exit = try runBody() { return exit }
                let (next, overflow) = i.addingReportingOverflow(r.step)
                if overflow { break }
                i = next
            }
        } else if case .object(let o) = iterable, o is PyIterator || o is Instance {
            let iterator = try makeIterator(iterable)
            // Held to the loop's end: a generator left by `break` is closed after the loop, not before.
            let exit = try withExtendedLifetime(iterator) { () throws -> Flow? in
                while let item = try iterator.next(self) {
                    try assign(target, item, scope)
                    if let exit = try runBody() { return exit }
                }
                return nil
            }
            if let exit { return exit }
        } else {
            for item in try iterate(iterable) {
                try assign(target, item, scope)
                if let exit = try runBody() { return exit }
            }
        }
        return try execute(orElse, scope)
    }

    private func executeWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ scope: Scope) throws -> Flow {
        guard let item = items.first else { return try execute(body, scope) }
        let managerValue = try evaluate(item.context, scope)
        if case .object(let instance as Instance) = managerValue,
            let enter = instance.cls.lookup("__enter__"), let exit = instance.cls.lookup("__exit__")
        {
            let entered = try call(enter, Arguments([managerValue]))
            if let target = item.target { try assign(target, entered, scope) }
            let flow: Flow
            do {
                flow = try executeWith(items.dropFirst(), body, scope)
            } catch let e as PyException {
                let details: [Value] = [e.instance.pythonClass, e.instance.pythonValue, .none]
                if try truthy(call(exit, Arguments([managerValue] + details))) { return .normal }
                throw e
            }
            _ = try call(exit, Arguments([managerValue, .none, .none, .none]))
            return flow
        }
        guard case .object(let o) = managerValue, let manager = o.contextManager else {
            throw PyException.type("'\(Formatting.typeName(managerValue))' object does not support the context manager protocol")
        }
        let entered = try manager.enter(self)
        if let target = item.target { try assign(target, entered, scope) }
        let flow: Flow
        do {
            flow = try executeWith(items.dropFirst(), body, scope)
        } catch {
            try manager.exit(self)
            throw error
        }
        try manager.exit(self)
        return flow
    }

    private func executeTry(
        _ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt],
        _ scope: Scope
    ) throws -> Flow {
        var flow: Flow = .normal
        do {
            do {
                flow = try execute(body, scope)
            } catch let e as PyException {
                guard let handler = try matchingHandler(e, handlers, scope) else { throw e }
                if let name = handler.name { scope.assign(name, e.instance.pythonValue) }
                handling.append(e)
                defer { handling.removeLast() }
                return try finishTry(try execute(handler.body, scope), finally, scope)
            }
            if case .normal = flow { flow = try execute(orElse, scope) }
        } catch {
            if case .normal = try execute(finally, scope) { throw error }
            return try execute(finally, scope)
        }
        return try finishTry(flow, finally, scope)
    }

    private func finishTry(_ flow: Flow, _ finally: [Stmt], _ scope: Scope) throws -> Flow {
        let f = try execute(finally, scope)
        if case .normal = f { return flow }
        return f
    }

    func matchingHandler(_ e: PyException, _ handlers: [ExceptHandler], _ scope: Scope) throws -> ExceptHandler? {
        for h in handlers {
            guard let typeExpr = h.type else { return h }
            let typeValue = try evaluate(typeExpr, scope)
            let classes: [Value]
            if case .tuple(let items) = typeValue { classes = items } else { classes = [typeValue] }
            for c in classes {
                switch c {
                case .object(let cls as ExceptionClass):
                    if e.instance.cls.isSubclass(of: cls) { return h }
                case .object(let cls as UserClass) where cls.exceptionBase != nil:
                    if e.instance.object?.cls.isSubclass(of: cls) == true { return h }
                default:
                    throw PyException.type("catching classes that do not inherit from BaseException is not allowed")
                }
            }
        }
        return nil
    }

    func makeException(_ v: Value) throws -> PyException {
        switch v {
        case .object(let i as ExceptionInstance): return PyException(instance: i)
        case .object(let c as ExceptionClass): return PyException(instance: ExceptionInstance(c, []))
        case .object(let i as Instance) where i.cls.exceptionBase != nil:
            return PyException(instance: ExceptionInstance(raising: i))
        case .object(let c as UserClass) where c.exceptionBase != nil: return try makeException(call(v, Arguments()))
        default: return PyException.type("exceptions must derive from BaseException")
        }
    }

    // MARK: - Functions and classes

    func makeFunction(
        _ name: String, _ parameters: [Parameter], body: [Stmt], lambda: Expr?,
        isGenerator: Bool = false, _ scope: Scope
    ) throws -> UserFunction {
        var defaults = [String: Value]()
        for p in parameters { if let d = p.defaultValue { defaults[p.name] = try evaluate(d, scope) } }
        let function = UserFunction(
            name: name, parameters: parameters, defaults: defaults, body: body,
            lambdaBody: lambda, closure: scope === globals ? nil : scope.enclosingForNested, globals: globals,
            isGenerator: isGenerator,
            enclosingFunction: scope === globals ? nil : frames.last?.callee?.qualifiedName, file: frames.last?.file)
        // A def directly in a class body is a method of that class (zero-argument super()).
        if let body = classBodies.last, body.scope === scope { classBodies[classBodies.count - 1].functions.append(function) }
        return function
    }

    private func makeClass(_ def: ClassDefinition, _ scope: Scope) throws -> Value {
        let bases = try def.bases.map { try evaluate($0, scope) }
        // The body binds into its own namespace; lookups fall through to enclosing scopes.
        let classScope = Scope(enclosing: scope === globals ? nil : scope.enclosingForNested, isClassBody: true)
        classBodies.append((classScope, []))
        do {
            _ = try execute(def.body, classScope)
        } catch {
            classBodies.removeLast()
            throw error
        }
        let methods = classBodies.removeLast().functions
        let userClass = try UserClass(
            name: def.name, module: executingModule, bases: bases, attributes: classScope.variables)
        for f in methods { f.definingClass = userClass }
        var cls: Value = .object(userClass)
        for d in def.decorators.reversed() { cls = try call(try evaluate(d, scope), Arguments([cls])) }
        return cls
    }

    /// Calls a script function: binds parameters, runs the body in a new scope.
    func callUser(_ f: UserFunction, _ args: Arguments) throws -> Value {
        let result = try runCall(f, args)
        // Generators the call's locals held are dropped with its scope: close them now.
        if !abandonedGenerators.isEmpty { closeAbandonedGenerators() }
        return result
    }

    private func runCall(_ f: UserFunction, _ args: Arguments) throws -> Value {
        try checkTime()
        guard frames.count < limits.maxCallDepth else {
            throw PyException(.recursionError, "maximum recursion depth exceeded")
        }
        let scope = Scope(enclosing: f.closure)
        if !f.globalNames.isEmpty { for n in f.globalNames { scope.redirected[n] = globals } }
        try bindParameters(f, args, scope)
        if f.isGenerator { return .object(GeneratorObject(function: f, scope: scope, self)) }
        let line: Int
        if let lambda = f.lambdaBody {
            line = lambda.line
        } else {
            line = f.body.isEmpty ? currentLine : f.body[0].line
        }
        pushFrame(Frame(function: f.name, line: line, callee: f, scope: scope, file: f.file))
        defer { popFrame() }
        if let expr = f.lambdaBody {
            do { return try evaluate(expr, scope) } catch var e as PyException {
                if e.frames.isEmpty { e.frames = frames.map { ($0.function, $0.line, $0.file) } }
                throw e
            } catch let e as PyExceptionConvertible {
                throw attachFrames(e.pyException)
            }
        }
        if case .returned(let v) = try execute(f.body, scope) { return v }
        return .none
    }

    /// Binds a call's arguments to `f`'s parameters in `scope` (new, so a name it holds is bound),
    /// raising Python's TypeErrors. Written with index loops and no temporary collections: it runs
    /// on every call of a script function.
    private func bindParameters(_ f: UserFunction, _ args: Arguments, _ scope: Scope) throws {
        let parameters = f.parameters
        let positional = args.positional
        var used = 0
        var p = 0
        while p < parameters.count {
            let parameter = parameters[p]
            p += 1
            switch parameter.kind {
            case .normal:
                if used < positional.count {
                    scope.variables[parameter.name] = positional[used]
                    used += 1
                }
            case .varArgs:
                scope.variables[parameter.name] = .tuple(used == 0 ? positional : Array(positional[used...]))
                used = positional.count
            case .keywordOnly, .varKeywords: break
            }
        }
        if used < positional.count {
            let count = f.parameters.filter { $0.kind == .normal }.count
            throw PyException.type(
                "\(f.qualifiedName)() takes \(count) positional argument\(count == 1 ? "" : "s") but \(positional.count) were given"
            )
        }
        if !args.keywords.isEmpty {
            try bindKeywords(f, args.keywords, scope)
        } else if let name = f.varKeywordsName {
            scope.variables[name] = .dict(DictStorage())
        }
        var missing = [String]()
        p = 0
        while p < parameters.count {
            let parameter = parameters[p]
            p += 1
            guard parameter.kind == .normal || parameter.kind == .keywordOnly, scope.variables[parameter.name] == nil else {
                continue
            }
            if let d = f.defaults[parameter.name] { scope.variables[parameter.name] = d } else { missing.append(parameter.name) }
        }
        if !missing.isEmpty {
            let quoted = missing.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
            throw PyException.type(
                "\(f.qualifiedName)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
            )
        }
    }

    /// Binds keyword arguments to the parameters of those names (normal or keyword-only) and
    /// the rest to the `**` parameter, raising Python's TypeErrors.
    private func bindKeywords(_ f: UserFunction, _ keywords: [(name: String, value: Value)], _ scope: Scope) throws {
        var extraKeywords = [(String, Value)]()
        for (name, value) in keywords {
            if f.acceptsKeyword(name) {
                if scope.variables[name] != nil {
                    throw PyException.type("\(f.qualifiedName)() got multiple values for argument '\(name)'")
                }
                scope.variables[name] = value
            } else {
                extraKeywords.append((name, value))
            }
        }
        if let name = f.varKeywordsName {
            let d = DictStorage()
            for (k, v) in extraKeywords { try d.set(.string(k), v) }
            scope.variables[name] = .dict(d)
        } else if let (name, _) = extraKeywords.first {
            throw PyException.type("\(f.qualifiedName)() got an unexpected keyword argument '\(name)'")
        }
    }

    /// Calls any callable value.
    package func call(_ callee: Value, _ args: Arguments) throws -> Value {
        if case .object(let o) = callee, let result = try o.call(args, self) { return result }
        throw PyException.type("'\(Formatting.typeName(callee))' object is not callable")
    }
}

/// An object usable in a `with` statement.
package protocol ContextManager: PyObject {
    func enter(_ interp: Interpreter) throws -> Value
    func exit(_ interp: Interpreter) throws
}

package extension ContextManager {
    var contextManager: ContextManager? { self }
}
