import Testing

@testable import Autograd
@testable import GraphModel

/// The column tables give back every field of the records stored in them.
struct ColumnTablesTests {
    private func tensor(_ id: Int, factory: String = "", pass: Int? = nil) -> TensorRecord {
        var t = TensorRecord(
            id: id, shape: [2, id], dtype: .float64, requiresGrad: true, isLeaf: false, version: 3, source: .backward,
            factory: factory, producer: id - 1, detach: 7, line: 40 + id, region: nil, pass: pass)
        t.names = ["a\(id)", "b"]
        t.gradFn = 5
        t.accumulateGrad = id == 1 ? 9 : nil
        return t
    }

    @Test func tensorTableKeepsEveryField() {
        var table = TensorTable()
        for id in 0..<3 { table.append(tensor(id, factory: id == 2 ? "randn" : "", pass: id == 1 ? 4 : nil)) }
        table[1].parameterPath = "model.fc.weight"
        for id in 0..<3 {
            let t = table[id]
            let expected = tensor(id, factory: id == 2 ? "randn" : "", pass: id == 1 ? 4 : nil)
            #expect(t.id == id && t.shape == expected.shape && t.names == expected.names && t.dtype == .float64)
            #expect(t.requiresGrad && !t.isLeaf && t.version == 3 && t.source == .backward)
            #expect(t.producer == expected.producer && t.detach == 7 && t.line == expected.line && t.region == nil)
            #expect(t.gradFn == 5 && t.accumulateGrad == expected.accumulateGrad && t.pass == expected.pass)
            #expect(t.factory == expected.factory)
        }
        #expect(table[1].label == "fc.weight")
        table.removeLast()
        table.append(tensor(2))
        #expect(table[2].factory.isEmpty && table[2].pass == nil)
    }

    @Test func aTensorIsLabelledByANameOrAParameterPath() {
        var table = TensorTable()
        for id in 0..<3 { table.append(tensor(id)) }
        table[1].names = []
        table[2].names = []
        table[2].parameterPath = "model.fc.weight"
        for id in 0..<3 { #expect(table.isLabelled(id) == (table[id].label != nil), "tensor \(id)") }
        #expect(table.isLabelled(0) && !table.isLabelled(1) && table.isLabelled(2))
    }

    @Test func changingAnEarlierOpsOutputsMovesTheLaterOps() {
        var table = OpTable()
        for id in 0..<3 {
            table.append(
                OpRecord(
                    id: id, name: "mul", inputs: [id, id + 10], outputs: [id + 20, id + 30], line: id, region: nil,
                    gradEnabled: true, gradFn: nil, isInPlace: false, pass: nil))
        }
        table.makeInPlace(0, name: "mul_", output: 0)
        #expect(table[0].name == "mul_" && table[0].isInPlace && table[0].inputs == [0, 10] && table[0].outputs == [0])
        #expect(table[1].inputs == [1, 11] && table[1].outputs == [21, 31])
        #expect(table[2].inputs == [2, 12] && table[2].outputs == [22, 32] && !table[2].isInPlace)
    }

    @Test func nodeTableKeepsEdgesAndBufferStates() {
        var table = NodeTable()
        let buffer = SavedBuffer(name: "self", shape: [3], dtype: .float32, bytes: 12, savedVersion: 1, isOutput: true)
        table.append(NodeRecord(id: 0, name: "AccumulateGrad", line: 1, next: [], saved: [], variable: 0, pass: nil))
        table.append(
            NodeRecord(
                id: 1, name: "ExpBackward0", line: 2, next: [NodeEdge(node: 0, inputNr: 2), nil], saved: [buffer, buffer],
                variable: nil, pass: 3))
        table.setOp(6, of: 1)
        table.free(buffersOf: 1, by: 4)
        table.invalidate(buffer: 1, of: 1, with: Invalidation(line: 9, op: "add_", version: 2))
        table.invalidate(buffer: 1, of: 1, with: Invalidation(line: 10, op: "mul_", version: 3))
        let n = table[1]
        #expect(n.name == "ExpBackward0" && n.op == 6 && n.pass == 3 && n.variable == nil)
        #expect(n.next == [NodeEdge(node: 0, inputNr: 2), nil])
        #expect(n.saved.map(\.freedByPass) == [4, 4] && n.saved.map(\.isOutput) == [true, true])
        #expect(n.saved[0].invalidation == nil && n.saved[1].invalidation == Invalidation(line: 9, op: "add_", version: 2))
        #expect(table[0].variable == 0 && table[0].op == nil && table[0].next.isEmpty)
    }

    @Test func regionsReadBackThroughAppendsRemovalsAndRewrites() {
        let regions: [Int?] = [nil, 0, 0, nil, 1, 1, 2]
        var tensors = TensorTable()
        var ops = OpTable()
        for (id, region) in regions.enumerated() {
            tensors.append(
                TensorRecord(
                    id: id, shape: [], dtype: .float32, requiresGrad: false, isLeaf: true, version: 0, source: .op,
                    factory: "", producer: nil, detach: nil, line: id, region: region, pass: nil))
            ops.append(
                OpRecord(
                    id: id, name: "add", inputs: [id], outputs: [id], line: id, region: region, gradEnabled: true,
                    gradFn: nil, isInPlace: false, pass: nil))
        }
        #expect(tensors.map(\.region) == regions && ops.map(\.region) == regions)
        tensors.removeLast()
        #expect(tensors.map(\.region) == Array(regions.dropLast()))
        // A row rewritten into another region splits its run; the rows around it keep theirs.
        tensors[1] = TensorRecord(
            id: 1, shape: [], dtype: .float32, requiresGrad: false, isLeaf: true, version: 0, source: .op, factory: "",
            producer: nil, detach: nil, line: 1, region: 5, pass: nil)
        var op = ops[4]
        op = OpRecord(
            id: 4, name: op.name, inputs: op.inputs, outputs: op.outputs, line: op.line, region: nil, gradEnabled: true,
            gradFn: nil, isInPlace: false, pass: nil)
        ops[4] = op
        #expect(tensors.map(\.region) == [nil, 5, 0, nil, 1, 1])
        #expect(ops.map(\.region) == [nil, 0, 0, nil, nil, 1, 2])
        tensors.append(
            TensorRecord(
                id: 6, shape: [], dtype: .float32, requiresGrad: false, isLeaf: true, version: 0, source: .op,
                factory: "", producer: nil, detach: nil, line: 6, region: 1, pass: nil))
        #expect(tensors.map(\.region) == [nil, 5, 0, nil, 1, 1, 1])
    }

    @Test func engineIDMapMapsIdsAcrossGapsAndBeforeTheFirst() {
        var map = EngineIDMap()
        map[100] = 0
        map[103] = 1
        map[150] = 2
        map[151] = 3
        map[90] = 4
        map[120] = nil
        map[103] = nil
        #expect([100, 101, 103, 120, 149, 150, 151, 152, 90, 91].map { map[$0] } == [0, nil, nil, nil, nil, 2, 3, nil, 4, nil])
        map[152] = 5
        #expect(map[152] == 5 && map[151] == 3)
    }

    @Test func equalGradientsShareASummaryButSignedZerosDoNot() {
        var list = EdgeGradientList()
        let grads = [
            GradSummary(values: [0.0], shape: [1]), GradSummary(values: [0.0], shape: [1]),
            GradSummary(values: [-0.0], shape: [1]), GradSummary(values: [.nan, 1], shape: [2])
        ]
        for (i, g) in grads.enumerated() { list.append(from: i, index: 0, to: i + 1, inputNr: 0, grad: g) }
        list.append(from: 9, index: 1, to: 0, inputNr: 0, grad: nil)
        #expect(list.prefix(3).map { $0.grad?.values?.first?.sign } == [.plus, .plus, .minus])
        #expect(list[3].grad?.nanCount == 1 && list[3].grad?.max == 1)
        #expect(list[4].grad == nil && list[4].from == 9 && list[4].index == 1)
    }

    /// The recorder's path for small gradients (values read straight into the list) gives the
    /// bits the general path (`GradSummary(tensor)`) gives, for signed zeros, NaN, infinities,
    /// subnormals, float32 and float64, a non-contiguous view and an integer tensor, and keeps
    /// repeated gradients apart exactly when the general path does.
    @Test func smallGradientFastPathMatchesTheGeneralSummary() throws {
        let edge: [Double] = [
            0.0, -0.0, .nan, -.nan, .infinity, -.infinity, .leastNonzeroMagnitude, -Double.leastNormalMagnitude / 2,
            .greatestFiniteMagnitude, 1e-40, -1e-45, 1.0001
        ]
        var gradients = [Tensor]()
        for dtype in [DType.float32, .float64] {
            for x in edge { gradients.append(try Tensor([x], shape: [1], dtype: dtype)) }
            gradients.append(try Tensor([0.0], shape: [], dtype: dtype))
            gradients.append(try Tensor([-0.0], shape: [], dtype: dtype))
        }
        gradients += [gradients[0], gradients[0], gradients[1], gradients[1]]
        gradients.append(try Tensor([1, .nan, -0.0, 1e-42, 5, 6], shape: [2, 3], dtype: .float32).t())
        gradients.append(try Tensor([1, -2, 3], shape: [3], dtype: .int64))
        gradients.append(try Tensor(Array(repeating: 0.5, count: 16), shape: [4, 4], dtype: .float64))
        gradients.append(try Tensor([], shape: [0], dtype: .float32))
        var fast = EdgeGradientList()
        var general = EdgeGradientList()
        for (i, t) in gradients.enumerated() {
            fast.append(from: i, index: 0, to: i + 1, inputNr: 0, smallGradient: t)
            general.append(from: i, index: 0, to: i + 1, inputNr: 0, grad: GradSummary(t))
        }
        #expect(fast.count == general.count)
        for (a, t) in zip(fast, gradients) {
            let (x, y) = (try #require(a.grad), GradSummary(t))
            #expect(x.isBitwiseEqual(to: y), "\(x) vs \(y)")
            #expect(x.values?.map(\.bitPattern) == y.values?.map(\.bitPattern))
        }
        #expect(fast.map(\.from) == general.map(\.from))
        // Gradients equal to the one before share its summary: the value column holds each run once.
        #expect(fast.storedValueCount == general.storedValueCount)
    }
}
