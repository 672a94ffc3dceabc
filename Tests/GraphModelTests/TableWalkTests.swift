import Testing

@testable import GraphModel

/// The readers the dump and the analysis walk tables with give what reading row by row gives.
struct TableWalkTests {
    /// A region column of a recorded loop: runs of nil and of regions, some a single row.
    private func column(_ runs: [(value: Int32, rows: Int)]) -> RunColumn {
        var c = RunColumn()
        for run in runs { for _ in 0..<run.rows { c.append(run.value) } }
        return c
    }

    @Test func runCursorReadsEveryRowAsTheColumnDoes() {
        let c = column([(-1, 3), (0, 1), (-1, 2), (1, 4), (2, 1), (-1, 5)])
        var forward = RunCursor(c)
        let inOrder = (0..<c.count).map { forward.value(at: $0) }
        #expect(inOrder == (0..<c.count).map { c[$0] })
        // Jumps back and ahead, and rows read twice, as a tensor's producer is read.
        let order = [15, 0, 3, 3, 4, 9, 2, 10, 10, 11, 1, 14, 6]
        var jumping = RunCursor(c)
        let jumped = order.map { jumping.value(at: $0) }
        #expect(jumped == order.map { c[$0] })
        var ids = RunCursor(c)
        let read = [0, 3, 10].map { ids.id(at: $0) }
        #expect(read == [nil, 0, 2])
    }

    @Test func sparseRowCursorFindsTheRowsGivenInAnyOrder() {
        var cursor = SparseRowCursor([9, 0, 4, 5] as [Int32])
        let found = (0..<12).filter { cursor.contains($0) }
        #expect(found == [0, 4, 5, 9])
        var empty = SparseRowCursor([] as [Int32])
        let inEmpty = empty.contains(0)
        #expect(!inEmpty)
    }

    /// Edges into each node, as the analysis finds them, against a scan of the list.
    private func expectGrouped(_ edges: [(from: Int, to: Int)], nodeCount: Int) {
        let list = EdgeGradientList(edges.map { EdgeGradient(from: $0.from, index: 0, to: $0.to, inputNr: 0, grad: nil) })
        let incoming = IncomingEdges(list)
        for node in 0..<nodeCount {
            #expect(Array(incoming[node]) == edges.indices.filter { edges[$0].to == node }, "node \(node)")
        }
    }

    @Test func incomingEdgesOfAChainAreFoundByOffset() {
        // A chain with a node reached twice (x * x) and nodes no edge reaches at both ends.
        expectGrouped([(9, 8), (8, 7), (8, 7), (7, 5), (5, 4), (4, 3)], nodeCount: 12)
    }

    @Test func incomingEdgesReachingFarApartNodesAreFoundBySearch() {
        // A training step's pass: its own nodes recorded late, its parameters' leaves early.
        expectGrouped([(900, 899), (899, 2), (899, 898), (898, 1), (898, 2), (900, 0)], nodeCount: 902)
    }

    @Test func noEdgesMeansNoneInto() {
        expectGrouped([], nodeCount: 3)
    }
}
