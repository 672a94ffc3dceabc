/// Something `next()` advances: generators, `iter(list)`, itertools objects, script iterators.
/// `for` loops and `next()` take items one at a time; builtins that need every item drain it.
package protocol PyIterator: PyObject {
    /// The next item; nil when exhausted.
    func next(_ interp: Interpreter) throws -> Value?
}

extension PyIterator {
    package func iterate(_ interp: Interpreter) throws -> [Value]? { try interp.drain(self) }
    package func isIterable(_ interp: Interpreter) -> Bool { true }
    package func length(_ interp: Interpreter) throws -> Int? {
        throw PyException.type("object of type '\(typeName)' has no len()")
    }
}

/// An iterator over a snapshot of items (`iter(list)`, and anything iterable without a lazy form).
final class ArrayIterator: PyIterator {
    private let items: [Value]
    private var index = 0
    let typeName: String

    init(_ items: [Value], typeName: String) {
        self.items = items
        self.typeName = typeName
    }

    func next(_ interp: Interpreter) throws -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }
}

/// An iterator written as a script class: its `__next__` until it raises `StopIteration`.
final class InstanceIterator: PyIterator {
    private let instance: Instance
    private let nextMethod: Value

    init(_ instance: Instance, nextMethod: Value) {
        self.instance = instance
        self.nextMethod = nextMethod
    }

    var typeName: String { instance.typeName }
    func repr() -> String { instance.repr() }

    func next(_ interp: Interpreter) throws -> Value? {
        do {
            return try interp.call(nextMethod, Arguments([.object(instance)]))
        } catch let e as PyException where e.instance.cls.isSubclass(of: .stopIteration) {
            return nil
        }
    }
}

/// The old sequence protocol: `x[0]`, `x[1]`, ... until `IndexError`.
final class SequenceIterator: PyIterator {
    private let sequence: Value
    private var index = 0

    init(_ sequence: Value) { self.sequence = sequence }

    var typeName: String { "iterator" }

    func next(_ interp: Interpreter) throws -> Value? {
        do {
            let v = try interp.subscriptValue(sequence, .int(index))
            index += 1
            return v
        } catch let e as PyException
            where e.instance.cls.isSubclass(of: .indexError) || e.instance.cls.isSubclass(of: .stopIteration)
        {
            return nil
        }
    }
}

/// A generator expression: its clauses advanced one item at a time.
final class ComprehensionIterator: PyIterator {
    private let element: Expr
    private let clauses: [Comprehension]
    private let scope: Scope
    /// One iterator per clause entered so far.
    private var iterators: [PyIterator]

    /// Evaluates the first clause's iterable now, in `outer` (the scope around the expression),
    /// as Python does.
    init(element: Expr, clauses: [Comprehension], scope: Scope, outer: Scope, _ interp: Interpreter) throws {
        self.element = element
        self.clauses = clauses
        self.scope = scope
        iterators = [try interp.makeIterator(interp.evaluate(clauses[0].iterable, outer))]
    }

    var typeName: String { "generator" }
    func repr() -> String {
        "<generator object <genexpr> at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }

    func next(_ interp: Interpreter) throws -> Value? {
        while let iterator = iterators.last {
            try interp.checkTime()
            let depth = iterators.count - 1
            guard let item = try iterator.next(interp) else {
                iterators.removeLast()
                continue
            }
            let clause = clauses[depth]
            try interp.assign(clause.target, item, scope)
            var keep = true
            for c in clause.conditions where !(try interp.truthy(interp.evaluate(c, scope))) {
                keep = false
                break
            }
            guard keep else { continue }
            if depth + 1 < clauses.count {
                iterators.append(try interp.makeIterator(interp.evaluate(clauses[depth + 1].iterable, scope)))
                continue
            }
            return try interp.evaluate(element, scope)
        }
        return nil
    }
}

extension Interpreter {
    /// `iter(v)`: lazy for iterators, generators and script classes with `__iter__`, a snapshot
    /// of the items otherwise.
    package func makeIterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .object(let iterator as PyIterator): return iterator
        case .object(let instance as Instance):
            if let iterMethod = instance.cls.lookup("__iter__") {
                let result = try call(iterMethod, Arguments([v]))
                switch result {
                case .object(let iterator as PyIterator): return iterator
                case .object(let other as Instance):
                    if let next = other.cls.lookup("__next__") { return InstanceIterator(other, nextMethod: next) }
                default: break
                }
                throw PyException.type("iter() returned non-iterator of type '\(Formatting.typeName(result))'")
            }
            if instance.cls.lookup("__getitem__") != nil { return SequenceIterator(v) }
            throw PyException.type("'\(instance.typeName)' object is not iterable")
        default:
            return ArrayIterator(try iterate(v), typeName: Formatting.typeName(v) + "_iterator")
        }
    }

    /// Every remaining item of an iterator, within the time and memory limits.
    package func drain(_ iterator: PyIterator) throws -> [Value] {
        var items = [Value]()
        while let v = try iterator.next(self) {
            items.append(v)
            if items.count & 1023 == 0 {
                try checkTime()
                try reserveMemory([items.count], itemSize: MemoryLayout<Value>.stride)
            }
        }
        return items
    }
}

/// An iterator whose items come from a Swift closure (`zip`, `map`, the itertools objects).
final class LazyIterator: PyIterator {
    let typeName: String
    private var step: ((Interpreter) throws -> Value?)?

    init(_ typeName: String, _ step: @escaping (Interpreter) throws -> Value?) {
        self.typeName = typeName
        self.step = step
    }

    /// Advances; once the closure reports the end it is released and never called again.
    func next(_ interp: Interpreter) throws -> Value? {
        guard let step else { return nil }
        if let v = try step(interp) { return v }
        self.step = nil
        return nil
    }
}
