/// The conformance corpus's canonical form of a backward pass's graph (`NAME.graphs.txt`).
extension Graph {
    /// The graph reachable from the pass's roots as one line, e.g.
    /// `CALL backward | 0=PowBackward0(1) 1=SubBackward0(2,4) ...`: nodes numbered depth-first
    /// from the roots in root order following next edges in input order, `-` for a None edge and
    /// a node's number when it is reached again. Nil when no root has a grad_fn (PyTorch's tool
    /// prints no line for such calls). Iterative, linear in the graph's size.
    public func canonicalLine(for pass: BackwardRecord) -> String? {
        var numbers = CanonicalNumbers(nodeCount: nodes.count)
        return canonicalLine(for: pass, numbers: &numbers)
    }

    /// `canonicalLine(for:)` with a numbering table shared between passes.
    func canonicalLine(for pass: BackwardRecord, numbers: inout CanonicalNumbers) -> String? {
        let sink = ByteSink(capacity: 256)
        return writeCanonicalLine(for: pass, numbers: &numbers, into: sink) ? sink.text : nil
    }

    /// Appends `canonicalLine(for:)` to `w` (no string made: the JSON writer copies it from
    /// there); false, with nothing appended, when the pass has none.
    func writeCanonicalLine(for pass: BackwardRecord, numbers: inout CanonicalNumbers, into w: ByteSink) -> Bool {
        guard !pass.roots.isEmpty else { return false }
        // Entries are numbered in the order they are reached; entry k's children's numbers (-1
        // for a None edge) fill `kids[kidStart[k]...]`, one slot per next edge reserved when k
        // is numbered, so the walk allocates nothing per entry.
        var number = numbers.take()
        var entryNode: [Int] = []
        defer { numbers.giveBack(&number, clearing: entryNode) }
        var kidStart: [Int] = []
        var kids: [Int32] = []
        var stack: [(entry: Int, child: Int)] = []
        func enter(_ node: Int) -> Int32 {
            let k = entryNode.count
            number[node] = Int32(k)
            entryNode.append(node)
            kidStart.append(kids.count)
            kids.append(contentsOf: repeatElement(-1, count: nodes.nextCount(of: node)))
            stack.append((k, 0))
            return Int32(k)
        }
        for root in pass.roots where number[root] < 0 {
            _ = enter(root)
            while let top = stack.last {
                let node = entryNode[top.entry]
                guard top.child < nodes.nextCount(of: node) else {
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].child += 1
                guard let edge = nodes.nextEdge(top.child, of: node) else { continue }
                let known = number[edge.node]
                let kid = known >= 0 ? known : enter(edge.node)
                kids[kidStart[top.entry] + top.child] = kid
            }
        }
        w.append("CALL ")
        w.appendText(pass.kind.rawValue)
        w.append(" |")
        // Each distinct class name's bytes, by the node table's name id: copied, not looked up per node.
        var nameBytes: [[UInt8]?] = []
        for (k, node) in entryNode.enumerated() {
            w.append(" ")
            w.appendDecimal(k)
            w.append("=")
            let nameID = nodes.nameID(of: node)
            if nameID >= nameBytes.count { nameBytes += repeatElement(nil, count: nameID + 1 - nameBytes.count) }
            if nameBytes[nameID] == nil { nameBytes[nameID] = Array(nodes.name(of: node).utf8) }
            nameBytes[nameID]?.withUnsafeBufferPointer { w.append($0) }
            w.append("(")
            let first = kidStart[k]
            for i in first..<(k + 1 < kidStart.count ? kidStart[k + 1] : kids.count) {
                if i > first { w.append(",") }
                if kids[i] < 0 { w.append("-") } else { w.appendDecimal(Int(kids[i])) }
            }
            w.append(")")
        }
        return true
    }

    /// `canonicalLine(for:)` of every backward pass that has one, in call order.
    public func canonicalLines() -> [String] {
        var numbers = CanonicalNumbers(nodeCount: nodes.count)
        return backwardPasses.compactMap { canonicalLine(for: $0, numbers: &numbers) }
    }

    /// Nodes reachable from `starts` along next edges (iterative).
    func reachableNodes(from starts: [Int]) -> Set<Int> {
        var seen = Set<Int>()
        var stack = starts
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            for case let e? in nodes.next(of: n) where !seen.contains(e.node) { stack.append(e.node) }
        }
        return seen
    }
}

/// The node → entry number table of `canonicalLine`, -1 where unnumbered: allocated once for
/// all passes and cleared after each pass at the entries it numbered, so that each pass costs
/// its own graph's size rather than the whole recording's.
struct CanonicalNumbers {
    private var table: [Int32]

    init(nodeCount: Int) { table = [Int32](repeating: -1, count: nodeCount) }

    /// The table (all -1), moved out so that it is modified without a copy.
    mutating func take() -> [Int32] {
        var t: [Int32] = []
        swap(&t, &table)
        return t
    }

    /// Puts the table back, resetting the entries of `nodes` to -1. The entries are reset in
    /// `used` itself, the table's only reference, before it moves back: resetting them after
    /// `table = used` copied the whole table while the caller's variable still shared it, once
    /// per pass (quadratic in a training loop's length: 41x the Ir for 10x the steps).
    mutating func giveBack(_ used: inout [Int32], clearing nodes: [Int]) {
        for n in nodes { used[n] = -1 }
        swap(&table, &used)
    }

    /// The table's storage, for checking that taking and giving back never copies it.
    var storageIdentity: UnsafeRawPointer? { table.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) } }
}
