import Autograd
import Testing

@testable import GraphModel

/// A training loop: `h` is bumped in place every iteration, `c` is a fresh detach of `w`,
/// `w` is updated under no_grad after each backward.
private func trainingLoop(iterations: Int) throws -> Graph {
    try record { s in
        let w = try s.bind(1, "w") { try Tensor([1, 2], requiresGrad: true) }
        let h = try s.bind(2, "h") { try Tensor([0, 0]) }
        for _ in 0..<iterations {
            try s.run(3) { _ = try h.add_(.scalar(.double(1))) }
            let c = s.bind(4, "c") { w.detach() }
            let loss = try s.bind(5, "loss") { try (w * h + c).sum() }
            try s.run(6) { try loss.backward() }
            try s.recorder.withRegion(.noGrad, line: 7) { _ = try w.sub_(.scalar(.double(0.1))) }
        }
    }.snapshot()
}

@Test func producerIndexFindsTheLatestWriterBeforeEachOp() throws {
    let g = try trainingLoop(iterations: 5)
    let index = g.producerIndex()
    for t in g.tensors.indices {
        for before in 0...g.ops.count {
            #expect(index.latest(of: t, before: before) == index[t].last { $0 < before })
        }
    }
}

@Test func everyPassOfALoopIsExplainedFromItsOwnIteration() throws {
    let n = 40
    let g = try trainingLoop(iterations: n)
    #expect(g.backwardPasses.count == n)
    let w = try #require(g.tensors(named: "w").first)
    let h = try #require(g.tensors(named: "h").first)
    let explained = g.explain([w, h])
    let wPasses = explained[0].passes
    #expect(wPasses.count == n && wPasses.allSatisfy { $0.arrived })
    // Each pass reaches only its own iteration's detach (one per pass, at line 4).
    #expect(wPasses.allSatisfy { $0.cuts.count == 1 && $0.cuts[0].line == 4 })
    let detachIDs = wPasses.compactMap { p -> Int? in
        guard case .detach(let d) = p.cuts.first?.kind else { return nil }
        return d
    }
    #expect(detachIDs == Array(0..<n))
    #expect(explained[1].passes.allSatisfy { $0.reason == .requiresGradFalse(line: 2) })
    #expect(g.gradientFlow().allSatisfy { $0.reached })
}
