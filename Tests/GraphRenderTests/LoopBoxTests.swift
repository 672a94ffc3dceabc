import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// Loops as loops: any loop of two or more identical iterations is drawn once, in a box titled
/// with its `for` statement and count; a loop whose iterations differ, or a function called
/// twice, is not folded.
@Suite struct LoopBoxTests {
    /// The SVG of `source` run as a script.
    func svg(_ source: String, options: RenderOptions = RenderOptions()) throws -> SVGDocument {
        try #require(SVGDocument.parse(try DOTWriter(graph: recordScript(source), options: options).render(.svg)))
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: samplesDirectory.appendingPathComponent(name + ".py"), encoding: .utf8)
    }

    @Test func theTrainingLoopIsOneBoxTitledWithItsForStatement() throws {
        var options = RenderOptions()
        options.showGrads = true
        let svg = try svg(try sample("training_loop"), options: options)
        #expect(svg.ids(withClasses: "loop") == ["cluster_loop_0"])
        #expect(svg.textsByID["cluster_loop_0"]?.contains("for step in range(20) ×20") == true)
        #expect(svg.texts.contains("backward ×20 (line 14)"))
        #expect(svg.legendShows(.loopBox))
        // Every op of the loop is drawn once, for all 20 iterations.
        #expect(svg.ids.contains("fold_op3") && !svg.ids.contains("op14"))
    }

    @Test func twoIdenticalIterationsFold() throws {
        let svg = try svg(
            """
            import torch
            w = torch.ones(3, requires_grad=True)
            x = torch.tensor([1.0, 2.0, 3.0])
            for step in range(2):
                y = (w * x).sum()
                y.backward()
            print(w.grad)
            """)
        #expect(svg.textsByID["cluster_loop_0"]?.contains("for step in range(2) ×2") == true)
        #expect(svg.texts.contains("backward ×2 (line 6)"))
        #expect(svg.ids.contains { $0.hasPrefix("fold_op") })
    }

    @Test func aLoopWrittenOnOneLineFolds() throws {
        let svg = try svg(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            y = x
            for i in range(5): y = y * 2
            y.sum().backward()
            """)
        #expect(svg.textsByID["cluster_loop_0"]?.contains("for i in range(5) ×5") == true)
        #expect(svg.ids.contains { $0.hasPrefix("fold_op") })
    }

    @Test func iterationsThatDifferDoNotFold() throws {
        let svg = try svg(
            """
            import torch
            w = torch.ones(3, requires_grad=True)
            total = torch.zeros(())
            for i in range(3):
                if i == 1:
                    h = w * 2
                else:
                    h = w + 1
                total = total + h.sum()
            total.backward()
            print(w.grad)
            """)
        #expect(svg.ids(withClasses: "loop").isEmpty)
        #expect(!svg.ids.contains { $0.hasPrefix("fold_") })
        #expect(!svg.legendShows(.loopBox))
    }

    @Test func aFunctionCalledTwiceIsNoLoop() throws {
        let svg = try svg(
            """
            import torch
            def f(t):
                a = t * 2
                return a.exp()
            w = torch.ones(3, requires_grad=True)
            v = f(f(w))
            v.sum().backward()
            """)
        #expect(svg.ids(withClasses: "loop").isEmpty && !svg.ids.contains { $0.hasPrefix("fold_") })
    }

    @Test func theStatementIsTheInnermostLoopHoldingTheIteration() {
        let statements = [
            LoopStatement(line: 1, lastLine: 6, header: "for epoch in range(3)"),
            LoopStatement(line: 3, lastLine: 4, header: "for step in range(5)")
        ]
        let header = { (stacks: [[Int]]) in LoopDetection.statement(running: stacks, in: statements)?.header }
        #expect(header([[4]]) == "for step in range(5)")
        #expect(header([[4], [6]]) == "for epoch in range(3)")
        #expect(header([[8]]) == nil)
        // Ops inside a function called at line 2: the loop around the call.
        #expect(header([[2, 9], [2, 10]]) == "for epoch in range(3)")
        // Called at line 9, outside any loop, from a loop line: the loop inside the function.
        #expect(header([[9, 4]]) == "for step in range(5)")
    }

    @Test func aRepetitionThatIsNoLoopIsSkippedWhole() {
        // A 10,000-op chain on one line: tried once, not once per op.
        var tried = 0
        let loops = LoopDetection.loops(in: [Int](repeating: 0, count: 10_000), lines: [Int](repeating: 3, count: 10_000)) {
            _ in
            tried += 1
            return nil
        }
        #expect(loops.isEmpty && tried <= 16, "\(tried)")
    }

    @Test func theLongestRepetitionWinsOverARepeatInsideAnIteration() {
        // An iteration `a a b` (`y * y` then a sum) repeated three times: one loop of period 3.
        let symbols = [7, 0, 0, 1, 0, 0, 1, 0, 0, 1]
        let loops = LoopDetection.loops(in: symbols, lines: symbols.map { $0 + 10 }) { $0 }
        #expect(loops.map(\.span) == [1..<10] && loops.map(\.period) == [3])
    }
}
