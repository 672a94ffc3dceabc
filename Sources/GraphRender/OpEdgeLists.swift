/// Per op, the scene edges `SceneBuilder` made for it (one per input position, or one per drawn
/// result), kept in one flat column rather than an array per op: a loop of a million ops would
/// otherwise allocate a million small arrays.
struct OpEdgeLists {
    /// Op `o`'s list is `entries[starts[o]..<ends[o]]` (empty until it is started).
    private var starts: [UInt32]
    private var ends: [UInt32]
    /// Scene edge indices; -1 for an input position with no edge drawn.
    private var entries: [Int32] = []

    /// Empty lists for `ops` ops.
    init(ops: Int) {
        starts = [UInt32](repeating: 0, count: ops)
        ends = starts
    }

    /// Starts op `o`'s list, empty; the appends that follow (before another op's list is
    /// started) go to it.
    mutating func start(_ o: Int) {
        starts[o] = UInt32(entries.count)
        ends[o] = starts[o]
    }

    /// Appends `edge` (nil: none drawn at this position) to op `o`'s list, the one started last.
    mutating func append(_ edge: Int?, to o: Int) {
        entries.append(Int32(truncatingIfNeeded: edge ?? -1))
        ends[o] = UInt32(entries.count)
    }

    /// How many positions op `o`'s list has.
    func count(of o: Int) -> Int { Int(ends[o] - starts[o]) }

    /// The edge at `position` of op `o`'s list, nil where none is drawn.
    subscript(o: Int, position: Int) -> Int? {
        let e = entries[Int(starts[o]) + position]
        return e < 0 ? nil : Int(e)
    }

    /// The edges drawn in op `o`'s list, in order.
    func drawn(of o: Int) -> [Int] {
        entries[Int(starts[o])..<Int(ends[o])].compactMap { $0 < 0 ? nil : Int($0) }
    }
}
