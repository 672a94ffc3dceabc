/// A column of Int32 stored as runs of equal values: for a field that stays the same over long
/// stretches of rows appended in order (the grad-mode region a tensor or op was recorded in),
/// a few bytes per change instead of four per row. Reading a row is a binary search over the runs.
struct RunColumn: Sendable {
    /// Where each run begins, ascending; `starts[0]` is 0 once a row exists.
    private(set) var starts: [Int32] = []
    /// Each run's value; neighbouring runs differ.
    private(set) var values: [Int32] = []
    /// How many rows the column holds.
    private(set) var count = 0

    /// The value of `row` (which must be below `count`).
    subscript(row: Int) -> Int32 {
        get {
            var low = 0
            var high = starts.count - 1
            // The last run starting at or before `row`.
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(starts[mid]) <= row { low = mid } else { high = mid - 1 }
            }
            return values[low]
        }
        set {
            guard self[row] != newValue else { return }
            var rows = (0..<count).map { self[$0] }
            rows[row] = newValue
            self = RunColumn()
            for v in rows { append(v) }
        }
    }

    /// Adds a row holding `value`.
    @inline(__always) mutating func append(_ value: Int32) {
        if values.last != value {
            starts.append(Int32(truncatingIfNeeded: count))
            values.append(value)
        }
        count += 1
    }

    /// Removes the last row.
    mutating func removeLast() {
        count -= 1
        if let start = starts.last, Int(start) == count {
            starts.removeLast()
            values.removeLast()
        }
    }
}
