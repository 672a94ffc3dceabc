import Autograd
import Foundation
import Testing

@testable import GraphModel

/// The conformance programs, written against the Swift API with their script lines.
enum Programs {
    static func selectiveBackprop(_ s: ScriptStub) throws {
        s.bind(4, "x") { try! Tensor([1]) }
        let xvar = try s.bind(5, "xvar") { try Tensor([1], requiresGrad: true) }
        let y1var = try s.bind(6, "y1") { try Tensor([2]) }
        let y2var = try s.bind(7, "y2") { try Tensor([7]) }
        s.bind(8, "y1var") { y1var }
        s.bind(9, "y2var") { y2var }
        for (first, detach) in [(15, 0), (25, 1), (35, 2)] {
            let line = first
            var out1 = try s.bind(line, "out1") { try xvar * y1var }
            var out2 = try s.bind(line + (detach == 0 ? 2 : 1), "out2") { try xvar * y2var }
            if detach == 1 { out1 = s.bind(27, "out1") { out1.detach() } }
            if detach == 2 { out2 = s.bind(37, "out2") { out2.detach() } }
            let base = detach == 0 ? 19 : (detach == 1 ? 29 : 39)
            let L = try s.bind(base, "L") { try (out1 - out2).pow(2) }
            try s.run(base + 1) { try L.backward() }
            _ = try s.run(base + 3) { try xvar.storedGrad?.data.zero_() }
        }
    }

    static func retainGraph(_ s: ScriptStub) throws {
        let x = try s.bind(3, "x") { try Tensor([2], requiresGrad: true) }
        let y = try s.bind(4, "y") { try x * x * x }
        try s.run(5) { try y.backward(retainGraph: true) }
        try s.run(7) { try y.backward() }
        do {
            try s.run(10) { try y.backward() }
        } catch let e as TorchError {
            s.run(11) { s.recorder.recordError(line: 11, error: e) }
        }
    }

    static func tutorial(_ s: ScriptStub) throws {
        let x = try s.bind(3, "x") { try Tensor.factory("ones", Tensor.ones([2, 2]), requiresGrad: true) }
        let y = try s.bind(5, "y") { try x + 2 }
        let z = try s.bind(8, "z") { try y * y * 3 }
        let out = try s.bind(9, "out") { try z.mean() }
        try s.run(11) { try out.backward() }
        try s.run(13) { try y.backward(gradient: x) }
        _ = try s.run(17) { try x.pow(2) }
        s.recorder.currentLine = 18
        try s.recorder.withRegion(.noGrad, line: 18) {
            _ = try s.run(19) { try x.pow(2) }
        }
        s.bind(21, "y") { x.detach() }
    }

    static func gradAccumulate(_ s: ScriptStub) throws {
        let w = try s.bind(3, "w") { try Tensor([1, 2], requiresGrad: true) }
        for _ in 0..<3 {
            let loss = try s.bind(5, "loss") { try (w * w).sum() }
            try s.run(6) { try loss.backward() }
        }
        _ = try s.run(8) { try w.storedGrad?.zero_() }
    }
}

@Test(
    arguments: [
        ("seed004_selective_backprop", Programs.selectiveBackprop),
        ("seed003_retain_graph", Programs.retainGraph),
        ("seed001_tutorial", Programs.tutorial),
        ("grad_accumulate", Programs.gradAccumulate)
    ] as [(String, @Sendable (ScriptStub) throws -> Void)])
func canonicalLinesMatchPyTorch(name: String, program: @Sendable (ScriptStub) throws -> Void) throws {
    let graph = try record(program).snapshot()
    #expect(graph.canonicalLines() == (try pytorchGraphLines(name)))
}

@Test func canonicalLineMarksNoneEdgesAndRevisits() throws {
    let g = try record(Programs.selectiveBackprop).snapshot()
    let line = try #require(g.canonicalLine(for: g.backwardPasses[1]))
    #expect(line == "CALL backward | 0=PowBackward0(1) 1=SubBackward0(-,2) 2=MulBackward0(3,-) 3=AccumulateGrad()")
}

@Test func autogradGradPassesAreCalledGrad() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        let y = try s.bind(2, "y") { try (x * x).sum() }
        _ = try s.run(3) { try Autograd.grad(outputs: [y], inputs: [x]) }
    }.snapshot()
    #expect(g.canonicalLines() == ["CALL grad | 0=SumBackward0(1) 1=MulBackward0(2,2) 2=AccumulateGrad()"])
    #expect(g.backwardPasses[0].kind == .grad)
    #expect(g.backwardPasses[0].inputs == [0])
}

/// The numbering table is taken and given back by every pass without a copy (a copy per pass
/// made the canonical lines of a training loop quadratic in its length), and comes back clear.
@Test func canonicalNumbersAreReusedWithoutACopy() throws {
    let g = try record(Programs.selectiveBackprop).snapshot()
    var numbers = CanonicalNumbers(nodeCount: g.nodes.count)
    let storage = numbers.storageIdentity
    let lines = g.backwardPasses.map { g.canonicalLine(for: $0, numbers: &numbers) }
    #expect(numbers.storageIdentity == storage)
    #expect(lines == g.backwardPasses.map { g.canonicalLine(for: $0) })
    #expect(numbers.take().allSatisfy { $0 == -1 })
}

/// Canonical lines of random graphs (shared nodes, None edges, several roots, a root reached
/// from another) number their nodes as a recursive depth-first walk does, and the dump's
/// `canonical` entries are those lines, escaped where a class name needs it.
@Test func canonicalLinesNumberNodesAsARecursiveWalk() throws {
    var state: UInt64 = 0x853C_49E6_748F_EA9B
    func random(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % n
    }
    let names = ["MulBackward0", "AddBackward0", "Odd\"Name\\Backward", "AccumulateGrad"]
    for _ in 0..<200 {
        let count = 1 + random(30)
        var records: [NodeRecord] = []
        for id in 0..<count {
            let next: [NodeEdge?] = (0..<random(4)).map { _ in
                id + 1 < count && random(5) > 0 ? NodeEdge(node: id + 1 + random(count - id - 1), inputNr: 0) : nil
            }
            records.append(
                NodeRecord(id: id, name: names[random(names.count)], line: 1, next: next, saved: [], variable: nil, pass: nil))
        }
        let roots = (0..<1 + random(3)).map { _ in random(count) }
        var g = Graph()
        g.nodes = NodeTable(records)
        g.backwardPasses = [
            BackwardRecord(
                id: 0, kind: .backward, line: 1, roots: roots, rootTensors: [], inputs: [], retainGraph: false,
                createGraph: false, opsBefore: 0, tensorsBefore: 0)
        ]
        var number = [Int: Int]()
        var order: [Int] = []
        func visit(_ n: Int) {
            number[n] = order.count
            order.append(n)
            for case let e? in records[n].next where number[e.node] == nil { visit(e.node) }
        }
        for r in roots where number[r] == nil { visit(r) }
        let expected =
            "CALL backward |"
            + order.enumerated().map { k, n in
                " \(k)=\(records[n].name)("
                    + records[n].next.map { $0.map { "\(number[$0.node]!)" } ?? "-" }.joined(separator: ",")
                    + ")"
            }.joined()
        #expect(g.canonicalLine(for: g.backwardPasses[0]) == expected)
        let dump = try #require(
            JSONSerialization.jsonObject(with: Data(g.json(explaining: { _ in "" }).utf8)) as? [String: Any])
        let analysis = try #require(dump["analysis"] as? [String: Any])
        #expect(analysis["canonical"] as? [String] == [expected])
    }
}
