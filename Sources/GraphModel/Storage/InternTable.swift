/// Distinct values stored once and named by a small id: a column of ids in place of a column
/// of arrays or strings, which would cost a pointer (and often an allocation) per row.
struct InternTable<Value: Hashable & Sendable>: Sendable {
    private var values: [Value]
    private var ids: [Value: UInt32]
    /// The ids returned last and the one before: a loop records the same value again and
    /// again, or two values in turn (an op's shape and its Python number's `[]`), and comparing
    /// with them is cheaper than hashing.
    private var last: UInt32 = 0
    private var previous: UInt32 = 0

    /// A table holding `first` (the column default, e.g. `[]`) as id 0.
    init(first: Value) {
        values = [first]
        ids = [first: 0]
    }

    /// The id of `value`, added if it is new.
    mutating func id(of value: Value) -> UInt32 {
        if values[Int(last)] == value { return last }
        if values[Int(previous)] == value {
            swap(&last, &previous)
            return last
        }
        let id: UInt32
        if let known = ids[value] {
            id = known
        } else {
            id = UInt32(values.count)
            values.append(value)
            ids[value] = id
        }
        previous = last
        last = id
        return id
    }

    /// The value named `id`.
    subscript(id: UInt32) -> Value { values[Int(id)] }
}

/// An optional id stored as Int32 with -1 for nil: `packID` / `unpackID` over a dictionary of
/// the rows that have a value, for columns that few rows fill.
struct SparseIDColumn: Sendable {
    private var values: [Int32: Int32] = [:]

    subscript(row: Int) -> Int? {
        get { values[Int32(truncatingIfNeeded: row)].map(Int.init) }
        set {
            guard newValue != nil || !values.isEmpty else { return }
            values[Int32(truncatingIfNeeded: row)] = newValue.map { Int32(truncatingIfNeeded: $0) }
        }
    }
}
