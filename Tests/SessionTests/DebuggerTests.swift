import Foundation
import GraphModel
import Python
import Testing

@testable import Session

/// Scripted `gradscope debug` sessions: commands in, the whole transcript out.
@Suite struct DebuggerTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    /// Runs a session over `source` with `commands`; script output and debugger output interleave
    /// in one transcript, as on a terminal.
    static func session(_ source: String, filename: String, _ commands: [String]) -> (
        status: Int32, transcript: String, graph: Graph
    ) {
        final class Box: @unchecked Sendable {
            var text = ""
            var input: [String] = []
        }
        let box = Box()
        box.input = commands
        let io = DebuggerIO(
            readLine: { box.input.isEmpty ? nil : box.input.removeFirst() },
            write: { box.text += $0 }, echoCommands: true)
        let debugger = Debugger(
            source: source, filename: filename, io: io,
            writeOutput: { box.text += $0 }, writeError: { box.text += $0 })
        let status = debugger.run()
        return (status, box.text, debugger.graph)
    }

    static func sample(_ name: String) throws -> String {
        try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
    }

    /// Issue 14: `p abs(-2**63)` once killed the debugger (SIGILL); integer overflow in a printed
    /// expression is Python's OverflowError, and the session goes on.
    @Test func printingAnOverflowIsAnError() {
        let (status, transcript, _) = Self.session(
            "x = 1\n", filename: "t.py", ["p abs(-2**62 - 2**62)", "p (-2**62 - 2**62) // -1", "q"])
        #expect(status == 0)
        let overflow = "*** OverflowError: integer result too large for GradScope's 64-bit ints\n"
        #expect(
            transcript == "> t.py(1)<module>()\n-> x = 1\n(gradscope:1) p abs(-2**62 - 2**62)\n" + overflow
                + "(gradscope:1) p (-2**62 - 2**62) // -1\n" + overflow + "(gradscope:1) q\n")
    }

    @Test func backwardStepOverTheTutorialGraph() throws {
        let (status, transcript, graph) = Self.session(
            try Self.sample("tutorial.py"), filename: "tutorial.py",
            ["break 13", "c", "p out", "bs", "bs", "", "bs", "bs", "bs", "p x.grad", "q"])
        #expect(status == 0)
        #expect(
            transcript == """
                > tutorial.py(3)<module>()
                -> import torch
                (gradscope:3) break 13
                Breakpoint at tutorial.py:13
                (gradscope:3) c
                tensor([[1., 1.],
                        [1., 1.]], requires_grad=True)
                tensor([[3., 3.],
                        [3., 3.]], grad_fn=<AddBackward0>)
                AddBackward0
                tensor([[27., 27.],
                        [27., 27.]], grad_fn=<MulBackward0>) tensor(27., grad_fn=<MeanBackward0>)
                > tutorial.py(13)<module>()
                -> out.backward()
                (gradscope:13) p out
                tensor(27., grad_fn=<MeanBackward0>)
                (gradscope:13) bs
                backward started at line 13 (b0)
                b0 node 1: MeanBackward0 (line 11: `out = z.mean()`)
                  received: 1 (scalar)
                  input 0 → MulBackward0 (line 10: `z = y * y * 3`): [0.25, 0.25, 0.25, 0.25] (2x2)
                (gradscope:13) bs
                b0 node 2: MulBackward0 (line 10: `z = y * y * 3`)
                  received: [0.25, 0.25, 0.25, 0.25] (2x2)
                  input 0 → MulBackward0 (line 10: `z = y * y * 3`): [0.75, 0.75, 0.75, 0.75] (2x2)
                  input 1: needs no gradient
                (gradscope:13) 
                b0 node 3: MulBackward0 (line 10: `z = y * y * 3`)
                  received: [0.75, 0.75, 0.75, 0.75] (2x2)
                  input 0 → AddBackward0 (line 7: `y = x + 2`): [2.25, 2.25, 2.25, 2.25] (2x2)
                  input 1 → AddBackward0 (line 7: `y = x + 2`): [2.25, 2.25, 2.25, 2.25] (2x2)
                (gradscope:13) bs
                b0 node 4: AddBackward0 (line 7: `y = x + 2`)
                  received: [4.5, 4.5, 4.5, 4.5] (2x2)
                  input 0 → AccumulateGrad of x: [4.5, 4.5, 4.5, 4.5] (2x2)
                  input 1: needs no gradient
                (gradscope:13) bs
                b0 node 5: AccumulateGrad of x
                  received: [4.5, 4.5, 4.5, 4.5] (2x2)
                  accumulated into x.grad, now [4.5, 4.5, 4.5, 4.5] (2x2)
                (gradscope:13) bs
                backward finished: 5 nodes ran
                > tutorial.py(14)<module>()
                -> print(x.grad)
                (gradscope:14) p x.grad
                tensor([[4.5000, 4.5000],
                        [4.5000, 4.5000]])
                (gradscope:14) q

                """)
        // The session recorded the graph up to the quit, and `p` recorded nothing.
        #expect(graph.backwardPasses.count == 1 && graph.backwardPasses[0].executed.count == 5)
        #expect(graph.gradReads.isEmpty)
    }

    @Test func stepNextWhereAndListInsideAFunction() {
        let source = """
            import torch


            def double(t):
                u = t * 2
                return u


            a = torch.ones(2, requires_grad=True)
            b = double(a)
            print(b.sum().item())
            """
        let (_, transcript, _) = Self.session(source, filename: "f.py", ["n", "n", "s", "s", "where", "list", "n", "n", "n", "c"])
        #expect(
            transcript == """
                > f.py(1)<module>()
                -> import torch
                (gradscope:1) n
                > f.py(4)<module>()
                -> def double(t):
                (gradscope:4) n
                > f.py(9)<module>()
                -> a = torch.ones(2, requires_grad=True)
                (gradscope:9) s
                > f.py(10)<module>()
                -> b = double(a)
                (gradscope:10) s
                > f.py(5)double()
                -> u = t * 2
                (gradscope:5) where
                  f.py(10)<module>()
                -> b = double(a)
                > f.py(5)double()
                -> u = t * 2
                (gradscope:5) list
                   1     import torch
                   2     
                   3     
                   4     def double(t):
                   5  ->     u = t * 2
                   6         return u
                   7     
                   8     
                   9     a = torch.ones(2, requires_grad=True)
                  10     b = double(a)
                (gradscope:5) n
                > f.py(6)double()
                -> return u
                (gradscope:6) n
                > f.py(11)<module>()
                -> print(b.sum().item())
                (gradscope:11) n
                4.0
                The script finished. Ask about it (print, graph, why, render) or quit.
                (gradscope:11) c
                The script has ended.

                """)
    }

    @Test func anErrorStopsAtTheFailingLineWithTheGraphKept() throws {
        let (status, transcript, graph) = Self.session(
            try Self.sample("detach.py"), filename: "detach.py",
            ["c", "p c", "why a", "graph", "q"])
        #expect(status == 1)
        #expect(
            transcript.contains(
                """
                Traceback (most recent call last):
                  File "detach.py", line 18, in <module>
                    out.sum().backward()
                RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
                """))
        #expect(
            transcript.contains(
                """
                The script raised RuntimeError at line 18; the graph up to there is kept. Ask about it (print, graph, why, render) or quit.
                (gradscope:18) p c
                tensor([0., 0., 0.])
                (gradscope:18) why a
                a: leaf tensor that requires grad, made at line 12
                  backward at line 18 (b0): no gradient: the error at line 18 stopped backward
                """))
        #expect(transcript.contains("saved `result` at version 0, but zero_ at line 16 (`c.zero_()`) modified it in place"))
        #expect(transcript.contains("error: line 18 RuntimeError: one of the variables"))
        #expect(graph.error?.line == 18)
    }

    @Test func badCommandsAndEvaluationErrorsKeepTheSession() {
        let (status, transcript, _) = Self.session(
            "x = 1\ny = x + 1\n", filename: "e.py",
            ["p nope", "break 99", "frobnicate", "render", "c", "p y"])
        #expect(status == 0)
        #expect(transcript.contains("(gradscope:1) p nope\n*** NameError: name 'nope' is not defined\n"))
        #expect(transcript.contains("*** break needs a line number between 1 and 3\n"))
        #expect(transcript.contains("*** unknown command 'frobnicate'; type help for the list\n"))
        #expect(transcript.contains("*** render needs a file name, e.g. render graph.dot\n"))
        #expect(transcript.hasSuffix("(gradscope:2) p y\n2\n(gradscope:2) \n"))
    }
}
