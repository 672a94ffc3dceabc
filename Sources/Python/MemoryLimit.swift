/// The interpreter's own allocations (lists, strings) checked against `ExecutionLimits.maxMemory`.
extension Interpreter {
    /// Throws unless `shape`'s element count of `itemSize`-byte items may be allocated: through
    /// `memoryCheck` when the host installed one, else against `limits.maxMemory` alone.
    func reserveMemory(_ shape: [Int], itemSize: Int) throws {
        if let memoryCheck { return try memoryCheck(shape, itemSize) }
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
