/// Python's `itertools`: lazy iterators over other iterators.
enum ItertoolsModule {
    static func make() -> Value {
        var m = [String: Value]()
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        func lazy(_ name: String, _ step: @escaping (Interpreter) throws -> Value?) -> Value {
            .object(LazyIterator("itertools.\(name)", step))
        }
        add("count") { args, _ in
            var current = args.value(0, "start") ?? .int(0)
            let step = args.value(1, "step") ?? .int(1)
            return lazy("count") { interp in
                defer { current = (try? interp.binary(.add, current, step)) ?? current }
                return current
            }
        }
        add("cycle") { args, interp in
            let source = try interp.makeIterator(args.value(0, "iterable") ?? .none)
            var saved = [Value]()
            var index = 0
            var exhausted = false
            return lazy("cycle") { interp in
                if !exhausted {
                    if let v = try source.next(interp) {
                        saved.append(v)
                        return v
                    }
                    exhausted = true
                }
                guard !saved.isEmpty else { return nil }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            }
        }
        add("repeat") { args, interp in
            let object = args.value(0, "object") ?? .none
            var remaining = try args.value(1, "times").map { try interp.intValue($0, "repeat", "times") }
            return lazy("repeat") { _ in
                if let r = remaining {
                    guard r > 0 else { return nil }
                    remaining = r - 1
                }
                return object
            }
        }
        let chainFromIterable: TypeObject.Body = { args, interp in
            chain(try interp.makeIterator(args.value(0, "iterable") ?? .none))
        }
        m["chain"] = .object(
            TypeObject("chain", qualifiedName: "itertools.chain", members: ["from_iterable": chainFromIterable]) {
                args, _ in
                chain(ArrayIterator(args.positional, typeName: "tuple_iterator"))
            })
        add("islice") { args, interp in
            let source = try interp.makeIterator(args.positional.first ?? .none)
            let bounds = try args.positional.dropFirst().map { v -> Int? in
                if interp.isNone(v) { return nil }
                let i = try interp.intValue(v, "islice", "index")
                guard i >= 0 else {
                    throw PyException.value("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                }
                return i
            }
            let start = bounds.count > 1 ? bounds[0] ?? 0 : 0
            let stop = bounds.count > 1 ? bounds[1] : bounds.first ?? nil
            let step = bounds.count > 2 ? bounds[2] ?? 1 : 1
            guard step > 0 else { throw PyException.value("Step for islice() must be a positive integer or None.") }
            var position = 0
            var nextIndex = start
            return lazy("islice") { interp in
                if let stop, nextIndex >= stop { return nil }
                while let v = try source.next(interp) {
                    defer { position += 1 }
                    if position == nextIndex {
                        nextIndex += step
                        return v
                    }
                }
                return nil
            }
        }
        add("product") { args, interp in
            let times = try interp.intValue(args.keyword("repeat") ?? .int(1), "product", "repeat")
            let pools = Array(repeatElement(try args.positional.map { try interp.iterate($0) }, count: max(times, 0)).joined())
            var indices: [Int]? = pools.contains { $0.isEmpty } ? nil : Array(repeating: 0, count: pools.count)
            return lazy("product") { _ in
                guard var current = indices else { return nil }
                let result = Value.tuple(zip(pools, current).map { $0[$1] })
                var k = current.count - 1
                while k >= 0 {
                    current[k] += 1
                    if current[k] < pools[k].count { break }
                    current[k] = 0
                    k -= 1
                }
                indices = k < 0 ? nil : current
                return result
            }
        }
        add("permutations") { args, interp in
            let pool = try interp.iterate(args.value(0, "iterable") ?? .none)
            let r =
                try args.value(1, "r").flatMap { interp.isNone($0) ? nil : try interp.intValue($0, "permutations", "r") }
                ?? pool.count
            return lazy("permutations", sequence(permutations(pool.count, r)) { .tuple($0.map { pool[$0] }) })
        }
        add("combinations") { args, interp in
            let pool = try interp.iterate(args.value(0, "iterable") ?? .none)
            let r = try interp.intValue(args.value(1, "r"), "combinations", "r")
            return lazy("combinations", sequence(combinations(pool.count, r, replacement: false)) { .tuple($0.map { pool[$0] }) })
        }
        add("combinations_with_replacement") { args, interp in
            let pool = try interp.iterate(args.value(0, "iterable") ?? .none)
            let r = try interp.intValue(args.value(1, "r"), "combinations_with_replacement", "r")
            return lazy(
                "combinations_with_replacement",
                sequence(combinations(pool.count, r, replacement: true)) { .tuple($0.map { pool[$0] }) })
        }
        add("accumulate") { args, interp in
            let source = try interp.makeIterator(args.value(0, "iterable") ?? .none)
            let function = args.value(1, "func").flatMap { interp.isNone($0) ? nil : $0 }
            var total = args.keyword("initial").flatMap { interp.isNone($0) ? nil : $0 }
            var pendingInitial = total != nil
            return lazy("accumulate") { interp in
                if pendingInitial {
                    pendingInitial = false
                    return total
                }
                guard let v = try source.next(interp) else { return nil }
                if let t = total {
                    total = try function.map { try interp.call($0, Arguments([t, v])) } ?? interp.binary(.add, t, v)
                } else {
                    total = v
                }
                return total
            }
        }
        add("zip_longest") { args, interp in
            let fill = args.keyword("fillvalue") ?? .none
            let sources = try args.positional.map { try interp.makeIterator($0) }
            var active = sources.map { _ in true }
            return lazy("zip_longest") { interp in
                var items = [Value]()
                for (i, s) in sources.enumerated() {
                    if active[i], let v = try s.next(interp) {
                        items.append(v)
                        continue
                    }
                    active[i] = false
                    items.append(fill)
                }
                return active.contains(true) ? .tuple(items) : nil
            }
        }
        add("groupby") { args, interp in
            let items = try interp.iterate(args.value(0, "iterable") ?? .none)
            let key = args.value(1, "key").flatMap { interp.isNone($0) ? nil : $0 }
            var groups: [(Value, [Value])] = []
            for item in items {
                let k = try key.map { try interp.call($0, Arguments([item])) } ?? item
                if let last = groups.last, interp.equal(last.0, k) {
                    groups[groups.count - 1].1.append(item)
                } else {
                    groups.append((k, [item]))
                }
            }
            var index = 0
            return lazy("groupby") { _ in
                guard index < groups.count else { return nil }
                index += 1
                return .tuple([groups[index - 1].0, .object(ArrayIterator(groups[index - 1].1, typeName: "itertools._grouper"))])
            }
        }
        add("starmap") { args, interp in
            let function = args.value(0, "function") ?? .none
            let source = try interp.makeIterator(args.value(1, "iterable") ?? .none)
            return lazy("starmap") { interp in
                guard let v = try source.next(interp) else { return nil }
                return try interp.call(function, Arguments(try interp.iterate(v)))
            }
        }
        add("pairwise") { args, interp in
            let source = try interp.makeIterator(args.value(0, "iterable") ?? .none)
            var previous: Value?
            return lazy("pairwise") { interp in
                if previous == nil { previous = try source.next(interp) }
                guard let a = previous, let b = try source.next(interp) else { return nil }
                previous = b
                return .tuple([a, b])
            }
        }
        for (name, keepWhile) in [("takewhile", true), ("dropwhile", false)] {
            add(name) { args, interp in
                let predicate = args.value(0, "predicate") ?? .none
                let source = try interp.makeIterator(args.value(1, "iterable") ?? .none)
                var switched = false
                return lazy(name) { interp in
                    while let v = try source.next(interp) {
                        if switched { return keepWhile ? nil : v }
                        let holds = try interp.truthy(interp.call(predicate, Arguments([v])))
                        if keepWhile {
                            if holds { return v }
                            switched = true
                            return nil
                        }
                        if !holds {
                            switched = true
                            return v
                        }
                    }
                    return nil
                }
            }
        }
        return .object(ModuleObject(name: "itertools", members: m))
    }

    private static func chain(_ iterables: PyIterator) -> Value {
        var current: PyIterator?
        return .object(
            LazyIterator("itertools.chain") { interp in
                while true {
                    if let c = current, let v = try c.next(interp) { return v }
                    guard let nextIterable = try iterables.next(interp) else { return nil }
                    current = try interp.makeIterator(nextIterable)
                }
            })
    }

    /// Steps through index tuples produced by `advance` (nil when done), mapping each to a value.
    private static func sequence(_ indices: AnyIterator<[Int]>, _ transform: @escaping ([Int]) -> Value) -> (Interpreter) throws
        -> Value?
    {
        { _ in indices.next().map(transform) }
    }

    /// Index tuples of `itertools.permutations(range(n), r)`, in CPython's order.
    private static func permutations(_ n: Int, _ r: Int) -> AnyIterator<[Int]> {
        guard r >= 0 && r <= n else { return AnyIterator { nil } }
        var indices = Array(0..<n)
        var cycles = Array(stride(from: n, to: n - r, by: -1))
        var first = true
        var done = false
        return AnyIterator {
            if done { return nil }
            if first {
                first = false
                return Array(indices[0..<r])
            }
            var i = r - 1
            while i >= 0 {
                cycles[i] -= 1
                if cycles[i] == 0 {
                    let moved = indices.remove(at: i)
                    indices.append(moved)
                    cycles[i] = n - i
                } else {
                    let j = cycles[i]
                    indices.swapAt(i, n - j)
                    return Array(indices[0..<r])
                }
                i -= 1
            }
            done = true
            return nil
        }
    }

    /// Index tuples of `itertools.combinations` (or `combinations_with_replacement`), in CPython's order.
    private static func combinations(_ n: Int, _ r: Int, replacement: Bool) -> AnyIterator<[Int]> {
        guard r >= 0, replacement ? (n > 0 || r == 0) : r <= n else { return AnyIterator { nil } }
        var indices = replacement ? Array(repeating: 0, count: r) : Array(0..<r)
        var first = true
        var done = false
        return AnyIterator {
            if done { return nil }
            if first {
                first = false
                return indices
            }
            var i = r - 1
            while i >= 0 && indices[i] == (replacement ? n - 1 : i + n - r) { i -= 1 }
            guard i >= 0 else {
                done = true
                return nil
            }
            if replacement {
                let v = indices[i] + 1
                for j in i..<r { indices[j] = v }
            } else {
                indices[i] += 1
                for j in (i + 1)..<max(r, i + 1) { indices[j] = indices[j - 1] + 1 }
            }
            return indices
        }
    }
}
