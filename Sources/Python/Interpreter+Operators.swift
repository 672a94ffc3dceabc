import Foundation

extension Interpreter {
    /// Python truthiness.
    package func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o):
            if let truth = try o.truthValue(self) { return truth }
            if let items = try o.iterate(self), o.isInstance(of: "tuple") { return !items.isEmpty }
            return true
        }
    }

    func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(!(try truthy(v)))
        case (.neg, .int(let i)): return try checked((0).subtractingReportingOverflow(i))
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (_, .object(let o)):
            if let result = try o.unaryOperation(op, self) { return result }
            fallthrough
        default:
            throw PyException.type("bad operand type for unary \(op.rawValue): '\(Formatting.typeName(v))'")
        }
    }

    func binary(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value {
        if case .object(let o as Instance) = l, let v = try o.callSpecial(Interpreter.specialNames(op).normal, [r], self),
            !v.isNotImplemented
        {
            return v
        }
        if case .object(let o as Instance) = r, let v = try o.callSpecial(Interpreter.specialNames(op).reflected, [l], self),
            !v.isNotImplemented
        {
            return v
        }
        if case .object(let o) = l, let v = try o.binaryOperation(op, r, reflected: false, self) { return v }
        if case .object(let o) = r, let v = try o.binaryOperation(op, l, reflected: true, self) { return v }
        if let n = try numericBinary(op, l, r) { return n }
        switch (op, l, r) {
        case (.add, .string(let a), .string(let b)):
            try reserveBytes(a.utf8.count + b.utf8.count)
            return .string(a + b)
        case (.add, .list(let a), .list(let b)):
            try reserveBytes((a.items.count + b.items.count) * MemoryLayout<Value>.stride)
            return .list(ListStorage(a.items + b.items))
        case (.add, .tuple(let a), .tuple(let b)):
            try reserveBytes((a.count + b.count) * MemoryLayout<Value>.stride)
            return .tuple(a + b)
        case (.mul, .string(let s), .int(let n)), (.mul, .int(let n), .string(let s)):
            try reserveMemory([s.utf8.count, max(n, 0)], itemSize: 1)
            // An empty operand repeats nothing: `'' * 2**40` must not loop 2**40 times.
            return .string(s.isEmpty ? "" : String(repeating: s, count: max(n, 0)))
        case (.mul, .list(let a), .int(let n)), (.mul, .int(let n), .list(let a)):
            try reserveItems(a.items.count, times: n)
            return .list(ListStorage(Array(repeatElement(a.items, count: a.items.isEmpty ? 0 : max(n, 0)).joined())))
        case (.mul, .tuple(let a), .int(let n)), (.mul, .int(let n), .tuple(let a)):
            try reserveItems(a.count, times: n)
            return .tuple(Array(repeatElement(a, count: a.isEmpty ? 0 : max(n, 0)).joined()))
        case (.mod, .string(let s), _): return .string(try percentFormat(s, r))
        default:
            throw sequenceOperandError(op, l, r)
                ?? PyException.type(
                    "unsupported operand type(s) for \(op.rawValue): '\(Formatting.typeName(l))' and '\(Formatting.typeName(r))'")
        }
    }

    /// Throws `MemoryError` unless `count * times` script values fit the memory budget.
    private func reserveItems(_ count: Int, times: Int) throws {
        let (n, overflow) = count.multipliedReportingOverflow(by: max(times, 0))
        if overflow { throw PyException(.memoryError, "") }
        try reserveMemory([n], itemSize: MemoryLayout<Value>.stride)
    }

    /// The special methods a script class may define for an operator.
    static func specialNames(_ op: BinaryOperator) -> (normal: String, reflected: String) {
        let stem: String
        switch op {
        case .add: stem = "add"
        case .sub: stem = "sub"
        case .mul: stem = "mul"
        case .div: stem = "truediv"
        case .floorDiv: stem = "floordiv"
        case .mod: stem = "mod"
        case .pow: stem = "pow"
        case .matMul: stem = "matmul"
        case .bitAnd: stem = "and"
        case .bitOr: stem = "or"
        case .bitXor: stem = "xor"
        case .shiftLeft: stem = "lshift"
        case .shiftRight: stem = "rshift"
        }
        return ("__\(stem)__", "__r\(stem)__")
    }

    /// CPython's own messages for `str + int`, `list + tuple` and `seq * float`.
    private func sequenceOperandError(_ op: BinaryOperator, _ l: Value, _ r: Value) -> PyException? {
        func isSequence(_ v: Value) -> Bool {
            switch v {
            case .string, .list, .tuple: return true
            default: return false
            }
        }
        if op == .add, isSequence(l) {
            return PyException.type(
                "can only concatenate \(Formatting.typeName(l)) (not \"\(Formatting.typeName(r))\") to \(Formatting.typeName(l))")
        }
        if op == .mul, isSequence(l) || isSequence(r) {
            let other = isSequence(l) ? r : l
            return PyException.type("can't multiply sequence by non-int of type '\(Formatting.typeName(other))'")
        }
        return nil
    }

    /// Arithmetic on bool/int/float with Python's semantics (true division, floor division, modulo sign).
    private func numericBinary(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value? {
        func intValue(_ v: Value) -> Int? {
            switch v {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        if let a = intValue(l), let b = intValue(r) {
            switch op {
            case .add: return try checked(a.addingReportingOverflow(b))
            case .sub: return try checked(a.subtractingReportingOverflow(b))
            case .mul: return try checked(a.multipliedReportingOverflow(by: b))
            case .div:
                if b == 0 { throw PyException.zeroDivision("division by zero") }
                return .float(Double(a) / Double(b))
            case .floorDiv:
                if b == 0 { throw PyException.zeroDivision("integer division or modulo by zero") }
                let q = try checkedInt(a.dividedReportingOverflow(by: b))
                return .int((a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q)
            case .mod:
                if b == 0 { throw PyException.zeroDivision("integer division or modulo by zero") }
                let m = a.remainderReportingOverflow(dividingBy: b).partialValue
                return .int(m != 0 && (m < 0) != (b < 0) ? m + b : m)
            case .pow:
                if b < 0 {
                    if a == 0 { throw PyException.zeroDivision("0.0 cannot be raised to a negative power") }
                    return .float(Foundation_pow(Double(a), Double(b)))
                }
                var result = 1
                var base = a
                var e = b
                while e > 0 {
                    if e & 1 == 1 { result = try checkedInt(result.multipliedReportingOverflow(by: base)) }
                    e >>= 1
                    if e > 0 { base = try checkedInt(base.multipliedReportingOverflow(by: base)) }
                }
                return .int(result)
            case .bitAnd: return .int(a & b)
            case .bitOr: return .int(a | b)
            case .bitXor: return .int(a ^ b)
            case .shiftLeft: return .int(b >= 64 ? 0 : a << b)
            case .shiftRight: return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
            case .matMul: return nil
            }
        }
        func floatValue(_ v: Value) -> Double? {
            switch v {
            case .float(let d): return d
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        guard let a = floatValue(l), let b = floatValue(r) else { return nil }
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div:
            if b == 0 { throw PyException.zeroDivision("float division by zero") }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw PyException.zeroDivision("float floor division by zero") }
            return .float((a / b).rounded(.down))
        case .mod:
            if b == 0 { throw PyException.zeroDivision("float modulo") }
            let m = a.truncatingRemainder(dividingBy: b)
            return .float(m != 0 && (m < 0) != (b < 0) ? m + b : m)
        case .pow:
            if a == 0 && b < 0 { throw PyException.zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() { throw PyException.value("math domain error") }
            return .float(Foundation_pow(a, b))
        default: return nil
        }
    }

    private func checked(_ r: (partialValue: Int, overflow: Bool)) throws -> Value { .int(try checkedInt(r)) }

    private func checkedInt(_ r: (partialValue: Int, overflow: Bool)) throws -> Int {
        if r.overflow { throw PyException(.overflowError, "integer result too large for GradScope's 64-bit ints") }
        return r.partialValue
    }

    /// `==` on Python values (objects with their own comparison, like tensors, compare elsewhere).
    func equal(_ l: Value, _ r: Value) -> Bool { Interpreter.equalValues(l, r) }

    /// Item-by-item `==` of two sequences.
    static func equalItems(_ a: [Value], _ b: [Value]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equalValues($0, $1) }
    }

    private static func equalValues(_ l: Value, _ r: Value) -> Bool {
        func equal(_ a: Value, _ b: Value) -> Bool { equalValues(a, b) }
        func numeric(_ v: Value) -> Double? {
            switch v {
            case .bool(let b): return b ? 1 : 0
            case .int(let i): return Double(i)
            case .float(let d): return d
            default: return nil
            }
        }
        switch (l, r) {
        case (.none, .none): return true
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)):
            // Identity first, as CPython's item comparison does (so a list containing itself equals itself).
            return a === b
                || (a.items.count == b.items.count
                    && ReprGuard.comparing { zip(a.items, b.items).allSatisfy { equal($0, $1) } })
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && ReprGuard.comparing { zip(a, b).allSatisfy { equal($0, $1) } }
        case (.object(let o), _):
            if let e = o.equals(r) { return e }
            if case .object(let p) = r { return o === p }
            return false
        case (_, .object(let o)): return o.equals(l) ?? false
        case (.dict(let a), .dict(let b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            return ReprGuard.comparing {
                a.items.allSatisfy { k, v in ((try? b.get(k)) ?? nil).map { equal(v, $0) } ?? false }
            }
        default:
            if let a = numeric(l), let b = numeric(r) { return a == b }
            return false
        }
    }

    private func numeric(_ v: Value) -> Double? {
        switch v {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    func compare(_ op: CompareOperator, _ l: Value, _ r: Value) throws -> Value {
        switch op {
        case .is: return .bool(identical(l, r))
        case .isNot: return .bool(!identical(l, r))
        case .in: return .bool(try contains(r, l))
        case .notIn: return .bool(!(try contains(r, l)))
        default: break
        }
        if case .object(let o) = l, let v = try o.comparison(op, r, reflected: false, self) { return v }
        if case .object(let o) = r, let v = try o.comparison(op, l, reflected: true, self) { return v }
        switch op {
        case .eq, .ne:
            let same = equal(l, r)
            try ReprGuard.take()
            return .bool(same == (op == .eq))
        default: return .bool(try order(op, l, r))
        }
    }

    private func order(_ op: CompareOperator, _ l: Value, _ r: Value) throws -> Bool {
        func test<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch op {
            case .lt: return a < b
            case .le: return a <= b
            case .gt: return a > b
            default: return a >= b
            }
        }
        if let a = numeric(l), let b = numeric(r) { return test(a, b) }
        switch (l, r) {
        case (.string(let a), .string(let b)): return test(a, b)
        case (.list(let a), .list(let b)): return try orderSequences(op, a.items, b.items)
        case (.tuple(let a), .tuple(let b)): return try orderSequences(op, a, b)
        default:
            throw PyException.type(
                "'\(op.rawValue)' not supported between instances of '\(Formatting.typeName(l))' and '\(Formatting.typeName(r))'")
        }
    }

    private func orderSequences(_ op: CompareOperator, _ a: [Value], _ b: [Value]) throws -> Bool {
        for (x, y) in zip(a, b) where !equal(x, y) { return try order(op, x, y) }
        return try order(op, .int(a.count), .int(b.count))
    }

    func identical(_ l: Value, _ r: Value) -> Bool {
        switch (l, r) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a === b
        case (.dict(let a), .dict(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    package func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let sub) = item else {
                throw PyException.type("'in <string>' requires string as left operand, not \(Formatting.typeName(item))")
            }
            return try sub.isEmpty || StringSearch(for: sub, in: s, reserve: reserveBytes).occurs()
        case .dict(let d): return try d.get(item) != nil
        case .object(let o): if let found = try o.containsItem(item, self) { return found }
        default: break
        }
        return try iterate(container).contains { equal($0, item) }
    }

    /// Whether `iter(v)` is supported at all (objects may still fail with their own message).
    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .none, .bool, .int, .float: return false
        case .object(let o): return o.isIterable(self)
        default: return true
        }
    }

    /// The items of an iterable value.
    package func iterate(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .string(let s):
            try reserveMemory([s.count], itemSize: MemoryLayout<Value>.stride)
            return s.map { .string(String($0)) }
        case .dict(let d): return d.keys
        case .object(let o): if let items = try o.iterate(self) { return items }
        default: break
        }
        throw PyException.type("'\(Formatting.typeName(v))' object is not iterable")
    }

    /// `obj[key]` for builtin containers and objects.
    package func subscriptValue(_ object: Value, _ key: Value) throws -> Value {
        switch object {
        case .list(let l): return try sequenceItem(l.items, key, "list", wrap: { .list(ListStorage($0)) })
        case .tuple(let t): return try sequenceItem(t, key, "tuple", wrap: { .tuple($0) })
        case .string(let s):
            if case .object(is SliceObject) = key {
                try reserveMemory([s.count], itemSize: MemoryLayout<Value>.stride)
                return try sequenceItem(
                    s.map { .string(String($0)) }, key, "string",
                    wrap: { .string($0.map { Formatting.str($0) }.joined()) })
            }
            // One character: found by walking the string, without an array of all of them.
            let i = try indexValue(key, "string")
            let count = s.count
            let n = i < 0 ? i + count : i
            guard n >= 0 && n < count else { throw PyException.index("string index out of range") }
            return .string(String(s[s.index(s.startIndex, offsetBy: n)]))
        case .dict(let d):
            if let v = try d.get(key) { return v }
            switch d.flavor {
            case .counter: return .int(0)
            case .defaultDict(let factory) where !isNone(factory):
                let v = try call(factory, Arguments())
                try d.set(key, v)
                return v
            default: throw PyException(instance: ExceptionInstance(.keyError, [key]))
            }
        case .object(let o): if let v = try o.item(key, self) { return v }
        default: break
        }
        throw PyException.type("'\(Formatting.typeName(object))' object is not subscriptable")
    }

    private func sequenceItem(_ items: [Value], _ key: Value, _ kind: String, wrap: ([Value]) -> Value) throws -> Value {
        if case .object(let s as SliceObject) = key {
            return wrap(try sliceIndices(s, count: items.count).map { items[$0] })
        }
        let i = try indexValue(key, kind)
        let n = i < 0 ? i + items.count : i
        guard n >= 0 && n < items.count else { throw PyException.index("\(kind) index out of range") }
        return items[n]
    }

    /// `key` as a subscript of a `kind` sequence ("list", "tuple", "string", "slice", "deque"...),
    /// with CPython's message for each when it is not an integer.
    package func indexValue(_ key: Value, _ kind: String) throws -> Int {
        if let i = try exactInteger(key) { return i }
        let type = Formatting.typeName(key)
        switch kind {
        case "string": throw PyException.type("string indices must be integers, not '\(type)'")
        case "slice": throw PyException.type("slice indices must be integers or None or have an __index__ method")
        case "deque": throw PyException.type("sequence index must be integer, not '\(type)'")
        default: throw PyException.type("\(kind) indices must be integers or slices, not \(type)")
        }
    }

    /// `value` as an integer argument (a count, a width, a position), with CPython's message when
    /// it is not one.
    package func integerArgument(_ value: Value) throws -> Int {
        if let i = try exactInteger(value) { return i }
        throw PyException.type("'\(Formatting.typeName(value))' object cannot be interpreted as an integer")
    }

    private func exactInteger(_ value: Value) throws -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if case .int(let i)? = try o.numberValue(self) { return i }
        default: break
        }
        return nil
    }

    /// The element positions a Python slice selects from a sequence of `count` items.
    func sliceIndices(_ s: SliceObject, count: Int) throws -> [Int] {
        let (start, stop, step) = try sliceBounds(s, count: count)
        return Array(stride(from: start, to: stop, by: step))
    }

    /// `slice.indices(count)`: the first position, the bound and the step a slice selects from a
    /// sequence of `count` items.
    func sliceBounds(_ s: SliceObject, count: Int) throws -> (start: Int, stop: Int, step: Int) {
        func bound(_ v: Value) throws -> Int? {
            if case .none = v { return nil }
            return try indexValue(v, "slice")
        }
        let step = try bound(s.step) ?? 1
        if step == 0 { throw PyException.value("slice step cannot be zero") }
        func clamp(_ v: Int?, _ def: Int, _ lo: Int, _ hi: Int) -> Int {
            guard var x = v else { return def }
            if x < 0 { x += count }
            return min(max(x, lo), hi)
        }
        let start = step > 0 ? clamp(try bound(s.start), 0, 0, count) : clamp(try bound(s.start), count - 1, -1, count - 1)
        let stop = step > 0 ? clamp(try bound(s.stop), count, 0, count) : clamp(try bound(s.stop), -1, -1, count - 1)
        return (start, stop, step)
    }

    /// Old-style `"%d %s" % args` formatting, the text between conversions copied in runs;
    /// `%(key)s` takes its value from a dict `args`.
    private func percentFormat(_ template: String, _ args: Value) throws -> String {
        var values: [Value]
        if case .tuple(let t) = args { values = t } else { values = [args] }
        let mapping: DictStorage?
        if case .dict(let d) = args { mapping = d } else { mapping = nil }
        var out = LimitedText(self)
        var rest = template[...]
        while let percent = rest.firstIndex(ofASCII: UInt8(ascii: "%")) {
            try out.append(rest[..<percent])
            var chars = rest[rest.utf8.index(after: percent)...]
            defer { rest = chars }
            var keyed: Value?
            if chars.first == "(" {
                keyed = try mappingValue(&chars, mapping)
            }
            var flags = ""
            while let n = chars.first, "-+ #0".contains(n) {
                flags.append(n)
                chars.removeFirst()
            }
            var widthAndPrecision = ""
            while let n = chars.first, "0123456789.*".contains(n) {
                chars.removeFirst()
                guard n == "*" else {
                    widthAndPrecision.append(n)
                    continue
                }
                // `*` takes the width or precision from the arguments.
                guard !values.isEmpty else { throw PyException.type("not enough arguments for format string") }
                guard case .int(var starred) = values.removeFirst() else { throw PyException.type("* wants int") }
                if starred < 0 && !widthAndPrecision.contains(".") {
                    flags.append("-")
                    starred = starred == Int.min ? Int.max : -starred
                }
                widthAndPrecision += String(max(starred, 0))
            }
            guard let code = chars.popFirst() else { throw PyException.value("incomplete format") }
            if code == "%" {
                try out.append("%")
                continue
            }
            let v: Value
            if let keyed {
                v = keyed
            } else {
                guard !values.isEmpty else { throw PyException.type("not enough arguments for format string") }
                v = values.removeFirst()
            }
            // Translate printf flags into a format spec: '-' left-aligns, '0' zero-pads numbers.
            let left = flags.contains("-")
            let sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            let alternate = flags.contains("#") ? "#" : ""
            let zero = flags.contains("0") && !left ? "0" : ""
            switch code {
            case "s", "r":
                let text = code == "s" ? try strText(v) : try reprText(v)
                try out.append(try format(.string(text), spec: (left ? "<" : ">") + widthAndPrecision))
            case "d", "i", "u":
                let n: Value
                if case .int = v {
                    n = v
                } else if case .bool(let b) = v {
                    n = .int(b ? 1 : 0)
                } else {
                    n = .int(try pythonInt(try toDouble(v)))
                }
                try out.append(try format(n, spec: (left ? "<" : "") + sign + zero + widthAndPrecision + "d"))
            case "x", "X", "o":
                guard case .int = v else {
                    throw PyException.type("%\(code) format: an integer is required, not \(Formatting.typeName(v))")
                }
                try out.append(
                    try format(v, spec: (left ? "<" : "") + sign + alternate + zero + widthAndPrecision + String(code)))
            case "e", "E", "f", "F", "g", "G":
                let spec = (left ? "<" : "") + sign + alternate + zero + widthAndPrecision
                try out.append(
                    try format(.float(try toDouble(v)), spec: spec + (widthAndPrecision.contains(".") ? "" : ".6") + String(code))
                )
            default:
                throw PyException.value("unsupported format character '\(code)' (0x\(String(code.asciiValue ?? 0, radix: 16)))")
            }
        }
        if !values.isEmpty && mapping == nil {
            throw PyException.type("not all arguments converted during string formatting")
        }
        try out.append(rest)
        return out.text
    }

    /// The value of a `%(key)` field (`chars` starts at its `(`), read from `mapping`.
    private func mappingValue(_ chars: inout Substring, _ mapping: DictStorage?) throws -> Value {
        chars.removeFirst()
        var key = ""
        var depth = 1
        while true {
            guard let n = chars.popFirst() else { throw PyException.value("incomplete format key") }
            if n == "(" { depth += 1 }
            if n == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            key.append(n)
        }
        guard let mapping else { throw PyException.type("format requires a mapping") }
        guard let value = try mapping.get(.string(key)) else {
            throw PyException(instance: ExceptionInstance(.keyError, [.string(key)]))
        }
        return value
    }

    func toDouble(_ v: Value) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o): if let d = try o.realValue(self) { return d }
        default: break
        }
        throw PyException.type("must be real number, not \(Formatting.typeName(v))")
    }
}

@inline(__always) func Foundation_pow(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) }
