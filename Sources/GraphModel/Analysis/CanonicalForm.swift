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
        guard !pass.roots.isEmpty else { return nil }
        let sink = ByteSink(capacity: 256)
        var names = CanonicalNames(escaped: false)
        writeCanonicalLine(for: pass, numbers: &numbers, names: &names, into: sink)
        return sink.text
    }

    /// Appends `canonicalLine(for:)` of a pass with roots to `w` (no string made), the class
    /// names as `names` spells them (JSON-escaped in a dump: the rest needs no escapes).
    func writeCanonicalLine(
        for pass: BackwardRecord, numbers: inout CanonicalNumbers, names: inout CanonicalNames, into w: ByteSink
    ) {
        // Nodes are numbered in preorder: a stack of nodes still to visit, a node's next edges
        // pushed last first and a node already numbered skipped when popped, visits them in the
        // order a recursive walk would. A node's number never changes once given, so the line
        // is written afterwards from the numbers alone.
        var number = numbers.take()
        var entryNode: [Int] = []
        defer { numbers.giveBack(&number, clearing: entryNode) }
        number.withUnsafeMutableBufferPointer { number in
            var stack: [Int] = []
            for root in pass.roots.reversed() { stack.append(root) }
            while let node = stack.popLast() {
                guard number[node] < 0 else { continue }
                number[node] = Int32(truncatingIfNeeded: entryNode.count)
                entryNode.append(node)
                var k = nodes.nextCount(of: node)
                while k > 0 {
                    k -= 1
                    if let edge = nodes.nextEdge(k, of: node), number[edge.node] < 0 { stack.append(edge.node) }
                }
            }
            w.append("CALL ")
            names.append(pass.kind.rawValue, to: w)
            w.append(" |")
            // Room for each piece made by one check: " k=" and the separator and number of an
            // edge take at most 22 bytes, the closing parenthesis one.
            for (k, node) in entryNode.enumerated() {
                let nameID = nodes.nameID(of: node)
                if !names.has(nameID) { names.add(nameID, nodes.name(of: node)) }
                w.reserve(22)
                w.put(UInt8(ascii: " "))
                w.putDecimal(k)
                w.put(UInt8(ascii: "="))
                names.append(nameID: nameID, to: w)
                let edgeCount = nodes.nextCount(of: node)
                for i in 0..<edgeCount {
                    w.reserve(22)
                    w.put(i == 0 ? UInt8(ascii: "(") : UInt8(ascii: ","))
                    if let edge = nodes.nextEdge(i, of: node) {
                        w.putDecimal(Int(number[edge.node]))
                    } else {
                        w.put(UInt8(ascii: "-"))
                    }
                }
                w.reserve(2)
                if edgeCount == 0 { w.put(UInt8(ascii: "(")) }
                w.put(UInt8(ascii: ")"))
            }
        }
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

/// The bytes of each distinct class name in canonical lines, by the node table's name id:
/// made once (JSON-escaped for a dump), then copied per node.
struct CanonicalNames {
    private let escaped: Bool
    private var bytes: [UInt8] = []
    /// Name id → (start, count) in `bytes`; count -1 where not made yet.
    private var spans: [(start: Int, count: Int)] = []

    init(escaped: Bool) { self.escaped = escaped }

    /// Whether the name kept under `nameID` has been added.
    func has(_ nameID: Int) -> Bool { nameID < spans.count && spans[nameID].count >= 0 }

    /// Adds `name`, the name kept under `nameID`, encoded once here.
    mutating func add(_ nameID: Int, _ name: String) {
        if nameID >= spans.count { spans += repeatElement((start: 0, count: -1), count: nameID + 1 - spans.count) }
        let start = bytes.count
        bytes += encoded(name)
        spans[nameID] = (start, bytes.count - start)
    }

    /// Appends the bytes of the name added under `nameID`. (The writer asks `has` and `add`
    /// itself: a closure reading the graph here would copy the whole `Graph` at every call.)
    @inline(__always) func append(nameID: Int, to w: ByteSink) {
        let span = spans[nameID]
        bytes.withUnsafeBufferPointer { w.append(UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count])) }
    }

    /// Appends `text` as names are spelled.
    func append(_ text: String, to w: ByteSink) {
        encoded(text).withUnsafeBufferPointer { w.append($0) }
    }

    private func encoded(_ text: String) -> [UInt8] {
        guard escaped else { return Array(text.utf8) }
        let sink = ByteSink(capacity: 64)
        var text = text
        text.withUTF8 { sink.appendEscaped($0) }
        return sink.withBytes { Array($0) }
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
