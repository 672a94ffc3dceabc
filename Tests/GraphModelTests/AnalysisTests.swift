import Autograd
import Foundation
import Testing

@testable import GraphModel

@Test func selectiveBackpropDetachCutsOut1ThenOut2() throws {
    let g = try record(Programs.selectiveBackprop).snapshot()
    let cuts = g.detachedSubgraphs()
    #expect(cuts.map(\.line) == [27, 37])
    #expect(cuts.map { $0.tensors.map { g.tensors[$0].label } } == [["out1"], ["out2"]])
    #expect(cuts.allSatisfy { $0.ops.isEmpty })
    // The cut tensors are the ones detached at those lines.
    for cut in cuts {
        guard case .detach(let d) = cut.cut else {
            Issue.record("expected a detach cut")
            continue
        }
        #expect(g.detaches[d].line == cut.line && cut.tensors == [g.detaches[d].result])
    }
    // xvar gets a gradient in every pass: 50, then 70 through out2 only, then -20 through out1 only.
    #expect(g.backwardPasses.map { $0.accumulated.first?.grad.values ?? [] } == [[50], [70], [-20]])
    let flows = g.gradientFlow()
    #expect(flows.count == 3 && flows.allSatisfy(\.reached))
    let out1Mul = { (line: Int) in g.ops.first { $0.line == line }?.gradFn }
    #expect(flows[1].paths.count == 1 && flows[1].paths[0].contains(out1Mul(26) ?? -1))
    #expect(!flows[1].paths[0].contains(out1Mul(25) ?? -1))
    #expect(flows[2].paths[0].contains(out1Mul(35) ?? -1) && !flows[2].paths[0].contains(out1Mul(36) ?? -1))
    #expect(flows[0].paths.count == 2)
    #expect(g.textDump().contains("t12 out1 [1] torch.float32 = detach() of t10 line 27 [leaf] [detached]"))
}

@Test func blockedGradientsSayWhyWithLines() throws {
    var k: Tensor?
    let r = try record { s in
        let w1 = try s.bind(1, "w1") { try Tensor([1, 2], requiresGrad: true) }
        let w2 = try s.bind(2, "w2") { try Tensor([1, 2], requiresGrad: true) }
        let v = try s.bind(3, "v") { try Tensor([3, 4], requiresGrad: true) }
        s.bind(4, "u") { try! Tensor([5], requiresGrad: true) }
        k = try s.bind(5, "k") { try Tensor([1]) }
        let a = try s.bind(6, "a") { try w1 * 2 }
        let b = s.bind(7, "b") { a.detach() }
        s.recorder.currentLine = 8
        let n = try s.recorder.withRegion(.noGrad, line: 8) { try s.bind(9, "n") { try w2 * 3 } }
        let c = try s.bind(10, "c") { try (b * v + n * v).sum() }
        try s.run(11) { try c.backward() }
        _ = try s.run(12) { try Autograd.grad(outputs: [(w1 * v).sum()], inputs: [v]) }
    }
    let g = r.snapshot()
    let id = { (name: String) in g.tensors.first { $0.label == name }?.id ?? -1 }
    #expect(g.parameters == ["w1", "w2", "v", "u"].map(id))
    func reason(_ name: String, _ pass: Int = 0) -> BlockReason? { g.gradientFlow(to: id(name), in: pass)?.blocked }
    #expect(reason("w1") == .detached(line: 7, kind: .detach))
    #expect(reason("w2") == .noGrad(line: 9, region: .noGrad))
    #expect(reason("u") == .notUsed)
    #expect(reason("k") == .requiresGradFalse(line: 5))
    #expect(reason("v") == nil)
    #expect(reason("w1", 1) == .notAnInput)
    #expect(reason("v", 1) == nil)
    let vFlow = try #require(g.gradientFlow(to: id("v"), in: 0))
    #expect(vFlow.paths.count == 2 && vFlow.paths.allSatisfy { $0.last == g.tensors[id("v")].accumulateGrad })
    // The region's cut and the detach's cut are both reported.
    let cuts = g.detachedSubgraphs()
    #expect(cuts.contains { $0.cut == .detach(0) && $0.line == 7 })
    #expect(cuts.contains { $0.cut == .noGradRegion(0) && $0.line == 8 && $0.tensors == [id("n")] })
    #expect(k != nil)
}

@Test func jsonIsDeterministicAndParses() throws {
    let a = try record(Programs.selectiveBackprop).snapshot().json(version: .v2)
    let b = try record(Programs.selectiveBackprop).snapshot().json(version: .v2)
    #expect(a == b)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
    #expect(root["schema"] as? String == "gradscope.graph/2")
    for key in ["tensors", "ops", "nodes", "regions", "detaches", "backward_passes"] {
        #expect(root[key] is [Any], "missing \(key)")
    }
    let nodes = try #require(root["nodes"] as? [[String: Any]])
    #expect(nodes.contains { $0["name"] as? String == "AccumulateGrad" })
    let sub = try #require(nodes.first { $0["name"] as? String == "SubBackward0" && ($0["line"] as? Int) == 29 })
    let next = try #require(sub["next"] as? [[Any]])
    #expect(next.count == 2 && next[0][0] is NSNull && (next[1][0] as? Int) != nil)
    let mul = try #require(nodes.first { $0["name"] as? String == "MulBackward0" })
    let saved = try #require(mul["saved"] as? [[String: Any]])
    #expect(saved.first?["state"] as? String == "freed" && saved.first?["bytes"] as? Int == 4)
    let passes = try #require(root["backward_passes"] as? [[String: Any]])
    #expect(passes.count == 3)
    for key in ["kind", "line", "roots", "retain_graph", "create_graph", "executed", "freed"] {
        #expect(passes[0][key] != nil, "pass lacks \(key)")
    }
    #expect(passes[0]["kind"] as? String == "backward" && passes[0]["line"] as? Int == 20)
}

@Test func jsonWritesNonFiniteNumbersAsStrings() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([0, 1], requiresGrad: true) }
        let y = try s.bind(2, "y") { try (1.0 / x).sum() }
        try s.run(3) { try y.backward() }
    }.snapshot()
    let text = g.json()
    #expect(text.contains("\"-inf\""))
    #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
    #expect(g.backwardPasses[0].accumulated.first?.grad.infCount == 1)
}

@Test func textDumpUsesColourOnlyWhenAsked() throws {
    let g = try record(Programs.selectiveBackprop).snapshot()
    let plain = g.textDump()
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("[param]") && plain.contains("[freed 4 B by b0]") && plain.contains("[retained 4 B]"))
    #expect(g.textDump(color: true).contains("\u{1B}[34m[param]\u{1B}[0m"))
}

/// The text dump written in pieces is the text dump, byte for byte, cut at line ends.
@Test func textDumpInPiecesIsTheWholeText() throws {
    let g = try record(Programs.selectiveBackprop).snapshot()
    for color in [false, true] {
        var pieces: [[UInt8]] = []
        g.writeTextDump(color: color, chunk: 64) { pieces.append(Array($0)) }
        #expect(pieces.count > 10)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 64 && $0.last == UInt8(ascii: "\n") })
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == g.textDump(color: color))
    }
}

/// A 100,000-op chain: recording, every analysis and both dumps must run without recursion.
@Test func longChainsNeverOverflowTheStack() throws {
    let count = 100_000
    let r = Recorder()
    try r.recording {
        r.currentLine = 1
        let x = try Tensor([1, 2], requiresGrad: true)
        var y = x
        r.currentLine = 2
        for _ in 0..<count { y = try y * 1.0 }
        r.currentLine = 3
        try y.sum().backward()
    }
    let g = r.snapshot()
    #expect(g.ops.count == count + 1)
    let line = try #require(g.canonicalLine(for: g.backwardPasses[0]))
    #expect(line.hasSuffix("AccumulateGrad()") && line.split(separator: " ").count == count + 5)
    let flow = g.gradientFlow()
    #expect(flow.count == 1 && flow[0].reached && flow[0].paths.first?.count == count + 2)
    #expect(g.detachedSubgraphs().isEmpty)
    #expect(g.textDump().count > count * 20)
    #expect(g.json().count > count * 100)
    // Leaving the closure released the 100,000-node chain: the teardown is iterative too.
}

/// Walks share one table of node flags and clear what they set, also when they stop at the
/// limit with nodes still on the stack: a second walk over the same marks finds every path.
@Test func pathWalksSharingMarksLeaveThemClear() {
    // 0 is the root; 3 reaches it through 1 and through 2 (a diamond), 4 sits above 3 too.
    let above: [Int: [Int]] = [3: [1, 2, 4], 1: [0], 2: [0], 4: []]
    let marks = PathMarks(nodeCount: 5)
    func walk(limit: Int) -> [[Int]] {
        pathsToRoots(from: 3, roots: [0], limit: limit, marks: marks) { node, ups in
            for up in above[node] ?? [] { ups.append((up, 0)) }
        }.map { $0.map(\.node) }
    }
    #expect(walk(limit: 1) == [[3, 1, 0]])
    #expect(walk(limit: 4) == [[3, 1, 0], [3, 2, 0], [3, 4]])
    #expect(walk(limit: 4) == [[3, 1, 0], [3, 2, 0], [3, 4]])
}
