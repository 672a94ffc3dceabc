import GraphModel
import Session
import Testing

/// Each op keeps the lines that called the script function it ran in, and the graph keeps the
/// script's loop statements; both survive a JSON round trip in either schema form.
@Suite struct CallLinesRecordingTests {
    static let script = """
        import torch
        class Square(torch.autograd.Function):
            @staticmethod
            def forward(ctx, t):
                ctx.save_for_backward(t)
                return t * t
            @staticmethod
            def backward(ctx, g):
                (t,) = ctx.saved_tensors
                return 2 * t * g
        def inner(t):
            return Square.apply(t) + 1
        def outer(t):
            return inner(t).exp()
        x = torch.ones(2, requires_grad=True)
        for i in range(2):
            y = outer(x)
        z = x * 3
        """

    func record() -> Graph {
        ScriptRunner.runRecording(source: Self.script, filename: "t.py", writeOutput: { _ in }, writeError: { _ in }).graph
    }

    @Test func opsKeepTheLinesThatCalledTheirFunction() {
        let graph = record()
        let ops = graph.ops.map { "\($0.name)@\($0.line)\($0.innerLine.map { "/\($0)" } ?? "")<\($0.callLines)" }
        // The custom Function's ops are at the line that called `apply`, in `inner` called from 14, from 17.
        #expect(
            Array(ops.prefix(4)) == ["mul@12/6<[17, 14]", "Square@12<[17, 14]", "add@12<[17, 14]", "exp@14<[17]"], "\(ops)")
        #expect(ops.last == "mul@18<[]")
    }

    @Test func theGraphKeepsTheScriptsLoopStatements() {
        #expect(record().loopStatements == [LoopStatement(line: 16, lastLine: 17, header: "for i in range(2)")])
    }

    @Test func bothJSONFormsReadBackCallLinesAndLoopStatements() throws {
        let graph = record()
        for version in GraphJSONVersion.allCases {
            let read = try Graph(json: graph.json(version: version))
            #expect(read.ops.map(\.callLines) == graph.ops.map(\.callLines))
            #expect(read.loopStatements == graph.loopStatements)
            #expect(read.json(version: version) == graph.json(version: version))
        }
        let full = graph.json(version: .v2)
        #expect(full.contains("\"call_lines\": [17, 14]") || full.contains("\"call_lines\":[17,14]"))
    }
}
