/// `range(start, stop, step)`: indexed, sliced, searched and measured arithmetically, as CPython
/// does, so `r[i]`, `x in r`, `len(r)` and `r[::-1]` never build the list of its values.
package final class RangeObject: PyObject {
    let start: Int, stop: Int, step: Int
    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    package var typeName: String { "range" }
    /// The number of values; Int.max when it does not fit in an Int.
    var count: Int {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if overflow { return Int.max }
        if span <= 0 { return 0 }
        let magnitude = step.magnitude
        return Int((UInt(span) + magnitude - 1) / magnitude)
    }
    package func repr() -> String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
    package func iterate(_ interp: Interpreter) throws -> [Value]? {
        let n = count
        try interp.reserveMemory([n], itemSize: MemoryLayout<Value>.stride)
        var items = [Value]()
        items.reserveCapacity(n)
        for k in 0..<n {
            if k & 4095 == 0 { try interp.checkTime() }
            items.append(.int(start + k * step))
        }
        return items
    }
    package func length(_ interp: Interpreter) throws -> Int? { count }
    package func truthValue(_ interp: Interpreter) throws -> Bool? { count > 0 }

    /// Two ranges are equal when they hold the same values (`range(0) == range(5, 5)`).
    package func equals(_ other: Value) -> Bool? {
        guard case .object(let o as RangeObject) = other else { return false }
        let n = count
        guard n == o.count else { return false }
        return n == 0 || (start == o.start && (n == 1 || step == o.step))
    }

    package func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? {
        if let value = Self.integer(item) { return position(of: value) != nil }
        switch item {
        case .float, .object: return nil // compared with each value, as CPython does
        default: return false
        }
    }

    package func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        if case .object(let s as SliceObject) = key {
            let bounds = try interp.sliceBounds(s, count: count)
            return .object(
                RangeObject(
                    start: try value(at: bounds.start), stop: try value(at: bounds.stop),
                    step: try Self.checked(step.multipliedReportingOverflow(by: bounds.step))))
        }
        let i = try interp.indexValue(key, "range")
        let n = count
        let k = i < 0 ? i + n : i
        guard k >= 0 && k < n else { throw PyException.index("range object index out of range") }
        return .int(start + k * step)
    }

    package func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        case "index":
            return .object(
                BuiltinFunction("index") { args, _ in
                    let item = args.positional.first ?? .none
                    if let value = Self.integer(item), let k = self.position(of: value) { return .int(k) }
                    throw PyException.value("\(Formatting.repr(item)) is not in range")
                })
        case "count":
            return .object(
                BuiltinFunction("count") { args, _ in
                    .int(Self.integer(args.positional.first ?? .none).flatMap(self.position(of:)) == nil ? 0 : 1)
                })
        default: return nil
        }
    }

    /// The position of `value` among the range's values, or nil.
    private func position(of value: Int) -> Int? {
        let (offset, overflow) = value.subtractingReportingOverflow(start)
        guard !overflow, offset % step == 0 else { return nil }
        let k = offset / step
        return k >= 0 && k < count ? k : nil
    }

    /// `start + k * step` for a slice bound `k`, which may lie one step outside the range.
    private func value(at k: Int) throws -> Int {
        let product = try Self.checked(k.multipliedReportingOverflow(by: step))
        return try Self.checked(start.addingReportingOverflow(product))
    }

    private static func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Int {
        if result.overflow { throw PyException(.overflowError, "integer result too large for GradScope's 64-bit ints") }
        return result.partialValue
    }

    private static func integer(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let f) where f.rounded() == f && abs(f) < 9.2e18: return Int(f)
        default: return nil
        }
    }
}
