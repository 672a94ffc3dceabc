/// Generator functions, run as a resumable walk over their statements.
///
/// Statements without a `yield` run whole through `Interpreter.execute` (so they cost what they
/// cost elsewhere); statements that contain one are stepped into: the generator keeps an explicit
/// stack of blocks (a loop's iterator, a `try`'s handlers, a `with`'s manager) and returns from
/// `next` at each `yield`, so no thread or Swift stack is held between items.
///
/// Like CPython, a generator dropped while suspended (a `for` loop left by `break`, a function
/// returning with one in a local) is closed: `GeneratorExit` is raised at its `yield`, so its
/// `finally` clauses and `with` exits run. The interpreter does it at the next statement or
/// function return, and closes the generators still suspended when the script ends.
final class GeneratorObject: PyIterator {
    let frame: GeneratorFrame

    init(function: UserFunction, scope: Scope, _ interp: Interpreter) {
        frame = GeneratorFrame(function: function, scope: scope, interp)
    }

    deinit {
        if frame.isSuspended, let interp = frame.interpreter { interp.abandonedGenerators.append(frame) }
    }

    var typeName: String { "generator" }
    func repr() -> String {
        "<generator object \(frame.function.qualifiedName) at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }

    func next(_ interp: Interpreter) throws -> Value? { try frame.resume(sending: .none, interp) }

    /// What `return value` gave (the `StopIteration` value).
    var returnValue: Value { frame.returnValue }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "send":
            return .object(
                BuiltinFunction("send") { args, interp in
                    guard let v = try self.frame.resume(sending: args.positional.first ?? .none, interp) else {
                        throw interp.stopIteration(self)
                    }
                    return v
                })
        case "close":
            return .object(
                BuiltinFunction("close") { _, interp in
                    try self.frame.close(interp)
                    return .none
                })
        case "__name__", "__qualname__": return .string(frame.function.name)
        default: return nil
        }
    }
}

/// A generator's suspended execution: its scope and the blocks it is inside.
final class GeneratorFrame {
    let function: UserFunction
    private let scope: Scope
    private var blocks: [GeneratorBlock]
    private var running = false
    private var started = false
    private(set) var finished = false
    /// What `return value` gave (the `StopIteration` value).
    private(set) var returnValue: Value = .none
    /// Targets of `x = yield v` waiting for the value sent on resumption.
    private var pendingTargets: [Expr]?
    /// The interpreter that runs it, which closes it when it is dropped while suspended.
    private(set) weak var interpreter: Interpreter?
    /// When it was made, relative to the interpreter's other generators (the order they close at exit).
    let serial: Int

    init(function: UserFunction, scope: Scope, _ interp: Interpreter) {
        self.function = function
        self.scope = scope
        blocks = [GeneratorBlock(function.body, .plain)]
        interpreter = interp
        serial = interp.generatorsMade
        interp.generatorsMade += 1
    }

    /// Started and neither finished nor running: paused at a `yield`.
    var isSuspended: Bool { started && !finished && !running }

    /// `close()`: raises `GeneratorExit` at the paused `yield`; a generator that yields again
    /// instead of finishing is a `RuntimeError`.
    func close(_ interp: Interpreter) throws {
        guard isSuspended else {
            if !running { finish() }
            return
        }
        try enter(interp)
        defer { leave(interp) }
        do {
            try unwind(PyException(instance: ExceptionInstance(.generatorExit, [])), interp)
            if try run(interp) != nil {
                finish()
                throw interp.attachFrames(PyException.runtime("generator ignored GeneratorExit"))
            }
        } catch let e as PyException
            where e.instance.cls.isSubclass(of: .generatorExit) || e.instance.cls.isSubclass(of: .stopIteration)
        {
        } catch {
            finish()
            throw error
        }
        finish()
    }

    private func finish() {
        finished = true
        blocks = []
        interpreter?.suspendedGenerators[serial] = nil
    }

    /// Pushes the generator's frame for running its statements.
    private func enter(_ interp: Interpreter) throws {
        if running { throw PyException.value("generator already executing") }
        guard interp.frames.count < interp.limits.maxCallDepth else {
            throw PyException(.recursionError, "maximum recursion depth exceeded")
        }
        running = true
        if !started {
            started = true
            interp.suspendedGenerators[serial] = self
        }
        interp.pushFrame(
            Interpreter.Frame(
                function: function.name, line: interp.currentLine, callee: function, scope: scope, file: function.file))
    }

    private func leave(_ interp: Interpreter) {
        interp.popFrame()
        running = false
    }

    /// Runs to the next `yield` (its value) or the end (nil).
    func resume(sending sent: Value, _ interp: Interpreter) throws -> Value? {
        if finished { return nil }
        try enter(interp)
        defer { leave(interp) }
        do {
            if let targets = pendingTargets {
                pendingTargets = nil
                for t in targets { try interp.assign(t, sent, scope) }
            }
            if let v = try run(interp) { return v }
        } catch var e as PyException {
            finish()
            if e.frames.isEmpty { e = interp.attachFrames(e) }
            if e.instance.cls.isSubclass(of: .stopIteration) {
                throw interp.attachFrames(PyException.runtime("generator raised StopIteration"))
            }
            throw e
        }
        finish()
        return nil
    }

    /// Steps through statements until a `yield` (its value) or the end of the body (nil).
    private func run(_ interp: Interpreter) throws -> Value? {
        while let block = blocks.last {
            do {
                if case .delegate(let iterator) = block.kind {
                    if let v = try iterator.next(interp) { return v }
                    blocks.removeLast()
                    continue
                }
                guard block.index < block.statements.count else {
                    try finish(block, interp)
                    continue
                }
                let statement = block.statements[block.index]
                block.index += 1
                switch try step(statement, in: block, interp) {
                case .next: continue
                case .yielded(let v): return v
                case .returned: return nil
                }
            } catch let e as PyException {
                try unwind(e, interp)
            }
        }
        return nil
    }

    private enum StepResult { case next, yielded(Value), returned }

    private func step(_ s: Stmt, in block: GeneratorBlock, _ interp: Interpreter) throws -> StepResult {
        guard s.containsYield else {
            let flow: Interpreter.Flow
            if case .handler(let e, _) = block.kind {
                interp.handling.append(e)
                defer { interp.handling.removeLast() }
                flow = try interp.execute(s, scope)
            } else {
                flow = try interp.execute(s, scope)
            }
            return try follow(flow, interp)
        }
        try interp.willRun(s, scope)
        switch s.kind {
        case .expression(let e):
            switch e.kind {
            case .yield(let value): return .yielded(try value.map { try interp.evaluate($0, scope) } ?? .none)
            case .yieldFrom(let iterable):
                blocks.append(GeneratorBlock([], .delegate(try interp.makeIterator(interp.evaluate(iterable, scope)))))
                return .next
            default: break
            }
        case .assign(let targets, let valueExpr):
            if case .yield(let value) = valueExpr.kind {
                let v = try value.map { try interp.evaluate($0, scope) } ?? .none
                pendingTargets = targets
                return .yielded(v)
            }
        case .if(let condition, let body, let orElse):
            blocks.append(GeneratorBlock(try interp.truthy(interp.evaluate(condition, scope)) ? body : orElse, .plain))
            return .next
        case .for(let target, let iterable, let body, let orElse):
            let iterator = try interp.makeIterator(interp.evaluate(iterable, scope))
            blocks.append(GeneratorBlock(body, .forLoop(target: target, iterator: iterator, orElse: orElse), atEnd: true))
            return .next
        case .while(let condition, let body, let orElse):
            blocks.append(GeneratorBlock(body, .whileLoop(condition: condition, orElse: orElse), atEnd: true))
            return .next
        case .try(let body, let handlers, let orElse, let finally):
            blocks.append(GeneratorBlock(body, .tryBody(handlers: handlers, orElse: orElse, finally: finally)))
            return .next
        case .with(let items, let body):
            let item = items[0]
            let manager = try GeneratorBlock.Manager(interp.evaluate(item.context, scope), interp)
            let entered = try manager.enter(interp)
            var inner = body
            if items.count > 1 {
                let nested = Stmt(.with(Array(items.dropFirst()), body: body), s.position)
                nested.containsYield = true
                inner = [nested]
            }
            blocks.append(GeneratorBlock(inner, .with(manager)))
            if let target = item.target { try interp.assign(target, entered, scope) }
            return .next
        default: break
        }
        throw PyException.runtime(
            "GradScope supports 'yield' only as a statement, as the value of an assignment, or as 'yield from'")
    }

    /// Carries out a `break`, `continue` or `return` that a whole statement produced.
    private func follow(_ flow: Interpreter.Flow, _ interp: Interpreter) throws -> StepResult {
        switch flow {
        case .normal: return .next
        case .breakLoop, .continueLoop:
            while let block = blocks.last {
                if block.isLoop {
                    if case .breakLoop = flow { blocks.removeLast() } else { block.index = block.statements.count }
                    return .next
                }
                blocks.removeLast()
                try leave(block, interp)
            }
            return .next
        case .returned(let v):
            while let block = blocks.popLast() { try leave(block, interp) }
            returnValue = v
            return .returned
        }
    }

    /// The end of a block's statements: the next loop iteration, `else`/`finally` clauses, or a
    /// `with`'s exit.
    private func finish(_ block: GeneratorBlock, _ interp: Interpreter) throws {
        switch block.kind {
        case .plain, .delegate:
            blocks.removeLast()
        case .forLoop(let target, let iterator, let orElse):
            if let item = try iterator.next(interp) {
                try interp.assign(target, item, scope)
                block.index = 0
            } else {
                blocks.removeLast()
                if !orElse.isEmpty { blocks.append(GeneratorBlock(orElse, .plain)) }
            }
        case .whileLoop(let condition, let orElse):
            try interp.checkTime()
            if try interp.truthy(interp.evaluate(condition, scope)) {
                block.index = 0
            } else {
                blocks.removeLast()
                if !orElse.isEmpty { blocks.append(GeneratorBlock(orElse, .plain)) }
            }
        case .tryBody(_, let orElse, let finally):
            blocks.removeLast()
            if !orElse.isEmpty {
                blocks.append(GeneratorBlock(orElse, .tryBody(handlers: [], orElse: [], finally: finally)))
            } else if !finally.isEmpty {
                blocks.append(GeneratorBlock(finally, .plain))
            }
        case .handler(_, let finally):
            blocks.removeLast()
            if !finally.isEmpty { blocks.append(GeneratorBlock(finally, .plain)) }
        case .with(let manager):
            blocks.removeLast()
            _ = try manager.exit(nil, interp)
        }
    }

    /// Leaves a block early (break, continue, return): runs its `finally` or `with` exit.
    private func leave(_ block: GeneratorBlock, _ interp: Interpreter) throws {
        switch block.kind {
        case .tryBody(_, _, let finally), .handler(_, let finally): _ = try interp.execute(finally, scope)
        case .with(let manager): _ = try manager.exit(nil, interp)
        default: break
        }
    }

    /// Propagates an exception through the blocks: the first matching `except` takes it;
    /// `finally` clauses and `with` exits run on the way; rethrows when nothing handles it.
    private func unwind(_ error: PyException, _ interp: Interpreter) throws {
        var e = error.frames.isEmpty ? interp.attachFrames(error) : error
        while let block = blocks.popLast() {
            do {
                switch block.kind {
                case .tryBody(let handlers, _, let finally):
                    if let handler = try interp.matchingHandler(e, handlers, scope) {
                        if let name = handler.name { scope.assign(name, e.instance.pythonValue) }
                        blocks.append(GeneratorBlock(handler.body, .handler(e, finally: finally)))
                        return
                    }
                    _ = try interp.execute(finally, scope)
                case .handler(_, let finally):
                    _ = try interp.execute(finally, scope)
                case .with(let manager):
                    if try manager.exit(e, interp) { return }
                default: break
                }
            } catch let replacement as PyException {
                e = replacement
            }
        }
        throw e
    }
}

/// One level of a suspended generator's statements.
final class GeneratorBlock {
    let statements: [Stmt]
    var index: Int
    let kind: Kind

    enum Kind {
        case plain
        case forLoop(target: Expr, iterator: PyIterator, orElse: [Stmt])
        case whileLoop(condition: Expr, orElse: [Stmt])
        case tryBody(handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
        case handler(PyException, finally: [Stmt])
        case with(Manager)
        /// `yield from`: items come from the iterator until it is exhausted.
        case delegate(PyIterator)
    }

    /// A context manager: a script class with `__enter__`/`__exit__` or a host one.
    enum Manager {
        case instance(Value, enter: Value, exit: Value)
        case host(ContextManager)

        init(_ v: Value, _ interp: Interpreter) throws {
            if case .object(let i as Instance) = v, let enter = i.cls.lookup("__enter__"), let exit = i.cls.lookup("__exit__") {
                self = .instance(v, enter: enter, exit: exit)
            } else if case .object(let o) = v, let host = o.contextManager {
                self = .host(host)
            } else {
                throw PyException.type("'\(Formatting.typeName(v))' object does not support the context manager protocol")
            }
        }

        func enter(_ interp: Interpreter) throws -> Value {
            switch self {
            case .instance(let v, let enter, _): return try interp.call(enter, Arguments([v]))
            case .host(let m): return try m.enter(interp)
            }
        }

        /// Calls the exit; true when the manager suppresses `error`.
        func exit(_ error: PyException?, _ interp: Interpreter) throws -> Bool {
            switch self {
            case .instance(let v, _, let exit):
                let details: [Value] =
                    error.map { [$0.instance.pythonClass, $0.instance.pythonValue, .none] } ?? [.none, .none, .none]
                let result = try interp.call(exit, Arguments([v] + details))
                guard error != nil else { return false }
                return try interp.truthy(result)
            case .host(let m):
                try m.exit(interp)
                return false
            }
        }
    }

    init(_ statements: [Stmt], _ kind: Kind, atEnd: Bool = false) {
        self.statements = statements
        self.kind = kind
        index = atEnd ? statements.count : 0
    }

    var isLoop: Bool {
        switch kind {
        case .forLoop, .whileLoop: return true
        default: return false
        }
    }
}

extension Interpreter {
    /// Closes the generators dropped while suspended, oldest first (exceptions they raise are
    /// ignored, as Python ignores them after printing).
    func closeAbandonedGenerators() {
        while !abandonedGenerators.isEmpty {
            let pending = abandonedGenerators.sorted { $0.serial < $1.serial }
            abandonedGenerators = []
            for frame in pending { try? frame.close(self) }
        }
    }

    /// At the end of the script: closes every generator still paused, oldest first.
    func closeSuspendedGenerators() {
        closeAbandonedGenerators()
        for frame in suspendedGenerators.values.sorted(by: { $0.serial < $1.serial }) { try? frame.close(self) }
        closeAbandonedGenerators()
    }

    /// `StopIteration` for an exhausted iterator, carrying a generator's return value.
    func stopIteration(_ iterator: PyIterator) -> PyException {
        if let g = iterator as? GeneratorObject, case let v = g.returnValue, !isNone(v) {
            return PyException(instance: ExceptionInstance(.stopIteration, [v]))
        }
        return PyException(instance: ExceptionInstance(.stopIteration, []))
    }
}
