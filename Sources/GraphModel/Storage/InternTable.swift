/// Distinct values stored once and named by a small id: a column of ids in place of a column
/// of arrays or strings, which would cost a pointer (and often an allocation) per row.
struct InternTable<Value: Hashable & Sendable>: Sendable {
    private var values: [Value]
    private var ids: [Value: UInt32]
    /// The ids returned most recently, in a ring: a loop records the same few values again and
    /// again (an op's shape and its Python number's `[]`; the node classes and saved-buffer names
    /// of a loop body), and comparing with them is cheaper than hashing.
    private var recent = RecentIDs()

    /// A table holding `first` (the column default, e.g. `[]`) as id 0.
    init(first: Value) {
        values = [first]
        ids = [first: 0]
    }

    /// The id of `value`, added if it is new.
    mutating func id(of value: Value) -> UInt32 {
        // The value asked for last first (a column of one repeated value), then the others
        // returned recently, as many as there are.
        let last = recent.last
        if values[Int(last)] == value { return last }
        // The same representation first (a small string's bytes, an array's buffer): found
        // with no value compared that is not the one.
        for k in 0..<recent.filled {
            let id = recent[k]
            if Self.isIdentical(values[Int(id)], value) {
                recent.last = id
                return id
            }
        }
        for k in 0..<recent.filled {
            let id = recent[k]
            if id != last && values[Int(id)] == value {
                recent.last = id
                return id
            }
        }
        let id: UInt32
        if let known = ids[value] {
            id = known
        } else {
            id = UInt32(values.count)
            values.append(value)
            ids[value] = id
        }
        recent.insert(id)
        return id
    }

    /// Whether `a` and `b` are bit for bit the same, so equal (for the values interned: strings,
    /// arrays of integers or strings); equal values may differ in their bits.
    @inline(__always) private static func isIdentical(_ a: Value, _ b: Value) -> Bool {
        withUnsafeBytes(of: a) { p in
            withUnsafeBytes(of: b) { q in
                // Word by word (the values' sizes are whole words), then any bytes left.
                var i = 0
                while i + 8 <= p.count {
                    if p.loadUnaligned(fromByteOffset: i, as: UInt64.self) != q.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    {
                        return false
                    }
                    i += 8
                }
                while i < p.count {
                    if p[i] != q[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }

    /// The value named `id`.
    @inline(__always) subscript(id: UInt32) -> Value { values[Int(id)] }

    /// Whether `id` names `value`, compared in place.
    @inline(__always) func holds(_ value: Value, at id: UInt32) -> Bool { values[Int(id)] == value }
}

/// The last few ids an `InternTable` returned, replaced oldest first, and the one returned last.
private struct RecentIDs: Sendable {
    static let count = 8
    private var slots: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var next = 0
    /// How many slots hold an id (the first `filled`).
    private(set) var filled = 0
    /// The id returned last (0 at the start).
    var last: UInt32 = 0

    subscript(k: Int) -> UInt32 {
        withUnsafeBytes(of: slots) { $0.load(fromByteOffset: k * MemoryLayout<UInt32>.stride, as: UInt32.self) }
    }

    mutating func insert(_ id: UInt32) {
        withUnsafeMutableBytes(of: &slots) {
            $0.storeBytes(of: id, toByteOffset: next * MemoryLayout<UInt32>.stride, as: UInt32.self)
        }
        next = (next + 1) % Self.count
        filled = Swift.min(filled + 1, Self.count)
        last = id
    }
}

/// An optional id stored as Int32 with -1 for nil: `packID` / `unpackID` over a dictionary of
/// the rows that have a value, for columns that few rows fill.
struct SparseIDColumn: Sendable {
    private var values: [Int32: Int32] = [:]
    /// The lowest and highest row ever given a value: rows outside are answered without hashing
    /// (a column filled in a few places, such as the one leaf of a long chain, is mostly outside).
    private var low = Int32.max
    private var high = Int32.min

    subscript(row: Int) -> Int? {
        // The range check inlined at each read (a writer reading a column row by row mostly
        // stops there), the look-up out of line.
        @inline(__always) get {
            let key = Int32(truncatingIfNeeded: row)
            guard key >= low && key <= high else { return nil }
            return value(at: key)
        }
        set {
            guard newValue != nil || !values.isEmpty else { return }
            let key = Int32(truncatingIfNeeded: row)
            if newValue != nil { widen(to: key) }
            values[key] = newValue.map { Int32(truncatingIfNeeded: $0) }
        }
    }

    private func value(at key: Int32) -> Int? { values[key].map(Int.init) }

    /// Gives a row that holds no value yet (one just appended) `value`: nothing to look up for nil.
    mutating func fill(_ row: Int, with value: Int?) {
        guard let value else { return }
        let key = Int32(truncatingIfNeeded: row)
        widen(to: key)
        values[key] = Int32(truncatingIfNeeded: value)
    }

    private mutating func widen(to key: Int32) {
        low = Swift.min(low, key)
        high = Swift.max(high, key)
    }
}
