/// The interpreter's own allocations (lists, strings) checked against `ExecutionLimits.maxMemory`
/// and, when the run counts its process's memory, against what the process already holds.
extension Interpreter {
    /// Throws unless `shape`'s element count of `itemSize`-byte items may be allocated: through
    /// `memoryCheck` when the host installed one, else against `limits.maxMemory` alone.
    package func reserveMemory(_ shape: [Int], itemSize: Int) throws {
        if let memoryCheck {
            try memoryCheck(shape, itemSize)
        } else {
            try checkOwnLimit(shape, itemSize: itemSize)
        }
        try watchdog?.reserve(shape.reduce(itemSize, *))
    }

    /// `reserveMemory` for a result of `bytes` bytes; results below 64 KiB are left to the
    /// watchdog's sampling of the process, which sees their sum.
    @inline(__always)
    func reserveBytes(_ bytes: Int) throws {
        if bytes >= 1 << 16 { try reserveMemory([bytes], itemSize: 1) }
    }

    private func checkOwnLimit(_ shape: [Int], itemSize: Int) throws {
        var bytes = itemSize
        for n in shape {
            let (product, overflow) = bytes.multipliedReportingOverflow(by: n)
            if overflow || n < 0 { throw PyException(.memoryError, "") }
            bytes = product
        }
        if let limit = limits.maxMemory, bytes > limit {
            throw PyException(
                .memoryError, "out of memory: tried to allocate \(bytes) bytes; the limit is \(limit) bytes (--max-memory)")
        }
    }
}

extension Interpreter {
    /// `count` items made one by one by `make` (iterating a tensor or array into its rows), with
    /// each item's own object counted before any is made (`objectBytes` besides the `Value`), and
    /// the time and memory limits checked every 1024 items: one builtin call can otherwise build
    /// millions of objects between two statements.
    package func makeItems(count: Int, objectBytes: Int, _ make: (Int) throws -> Value) throws -> [Value] {
        try reserveMemory([count], itemSize: MemoryLayout<Value>.stride + objectBytes)
        var items = [Value]()
        items.reserveCapacity(count)
        for index in 0..<count {
            if index & 1023 == 0 { try checkTime() }
            items.append(try make(index))
        }
        return items
    }
}
