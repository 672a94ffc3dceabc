// Readers for the dump writers' walks over a table's rows in ascending order, where reading
// each row alone would search or hash.

/// Reads a `RunColumn` row by row in (mostly) ascending order, as the dump writers walk a table:
/// the run of the row read last is checked first, then the one after it, and only a jump
/// elsewhere is a binary search. A table walk so costs a constant per row instead of the
/// logarithm of the number of runs, which grows with a recorded loop (each `no_grad` block of
/// a training step starts two runs).
struct RunCursor {
    private let starts: [Int32]
    private let values: [Int32]
    /// The run of the row read last.
    private var run = 0

    init(_ column: RunColumn) {
        starts = column.starts
        values = column.values
    }

    /// The value of `row`, which must be a row of the column, unpacked as an optional id.
    @inline(__always) mutating func id(at row: Int) -> Int? { unpackID(value(at: row)) }

    /// The value of `row`, which must be a row of the column: the run read last inlined, the
    /// rest out of line.
    @inline(__always) mutating func value(at row: Int) -> Int32 {
        if holds(run, row) { return values[run] }
        return value(after: row)
    }

    /// `value(at:)` of a row outside the run read last.
    private mutating func value(after row: Int) -> Int32 {
        if holds(run + 1, row) {
            run += 1
            return values[run]
        }
        var low = 0
        var high = starts.count - 1
        // The last run starting at or before `row`.
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= row { low = mid } else { high = mid - 1 }
        }
        run = low
        return values[run]
    }

    /// Whether run `k` exists and holds `row`.
    @inline(__always) private func holds(_ k: Int, _ row: Int) -> Bool {
        k < starts.count && Int(starts[k]) <= row && (k + 1 == starts.count || row < Int(starts[k + 1]))
    }
}

/// The rows of a sparse column (a dictionary keyed by row) in ascending order, asked about row
/// after row in ascending order: each question is a comparison with the next such row, not a
/// hash look-up.
struct SparseRowCursor {
    private let rows: [Int32]
    private var next = 0

    init(_ rows: some Sequence<Int32>) { self.rows = rows.sorted() }

    /// Whether `row` is one of the rows; rows must be asked about in ascending order.
    mutating func contains(_ row: Int) -> Bool {
        while next < rows.count && Int(rows[next]) < row { next += 1 }
        return next < rows.count && Int(rows[next]) == row
    }
}
