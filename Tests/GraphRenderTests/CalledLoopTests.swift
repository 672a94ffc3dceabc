import Foundation
import GraphModel
import Testing

@testable import GraphRender

/// Loops whose ops all run inside a function the loop calls fold like any other loop, titled
/// with the loop statement that called it; and a graph read back from JSON, with no script at
/// hand, folds and titles its loops from the loop statements the dump carries.
@Suite struct CalledLoopTests {
    func svg(_ graph: Graph) throws -> SVGDocument {
        try #require(SVGDocument.parse(try DOTWriter(graph: graph).render(.svg)))
    }

    /// The loop boxes' titles (`cluster_loop_N` text) of `graph`'s SVG.
    func loopTitles(_ graph: Graph) throws -> [String] {
        let svg = try svg(graph)
        return svg.ids(withClasses: "loop").compactMap { svg.textsByID[$0]?.first }
    }

    static let trainStep = """
        import torch
        def train_step(w, x):
            loss = ((x @ w) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                w -= 0.1 * w.grad
            w.grad.zero_()
            return loss
        w = torch.ones(3, 1, requires_grad=True)
        x = torch.ones(4, 3)
        for step in range(20):
            loss = train_step(w, x)
        print(w.sum())
        """

    @Test func aLoopThatOnlyCallsAFunctionIsOneBoxTitledWithTheCallingLoop() throws {
        let graph = recordScript(Self.trainStep)
        #expect(try loopTitles(graph) == ["for step in range(20) ×20"])
        let svg = try svg(graph)
        #expect(svg.texts.contains("backward ×20 (line 4)"))
        #expect(svg.ids.contains { $0.hasPrefix("fold_op") })
        let dot = try DOTWriter(graph: graph).dot()
        #expect(dot.contains("label=\"for step in range(20) ×20\""))
        #expect(svg.titles.contains { $0.hasPrefix("mm at line 3") && $0.contains("in a function called at line 12") })
    }

    @Test func aFunctionCalledTwiceAnIterationCountsIterationsNotCalls() throws {
        let graph = recordScript(
            """
            import torch
            def f(t):
                return (t * 2).tanh()
            y = torch.ones(3, requires_grad=True)
            for i in range(3):
                y = f(y)
                y = f(y)
            y.sum().backward()
            """)
        #expect(try loopTitles(graph) == ["for i in range(3) ×3"])
    }

    @Test func aLoopInsideTheCalledFunctionIsTitledWithItsOwnStatement() throws {
        let graph = recordScript(
            """
            import torch
            def double(y):
                for k in range(4):
                    y = y * 2
                return y
            x = torch.ones(3, requires_grad=True)
            z = double(x).sum()
            z.backward()
            """)
        #expect(try loopTitles(graph) == ["for k in range(4) ×4"])
    }

    @Test func aLoopInAFunctionTheScriptCallsFoldsThroughBothCalls() throws {
        let graph = recordScript(
            """
            import torch
            def step_fn(w):
                loss = (w * w).sum()
                loss.backward()
                return loss
            def main():
                w = torch.ones(2, requires_grad=True)
                for step in range(5):
                    loss = step_fn(w)
            main()
            """)
        #expect(try loopTitles(graph) == ["for step in range(5) ×5"])
        #expect(graph.ops.first?.callLines == [10, 9])
    }

    @Test func fromJSONAOneLineLoopFoldsTitledFromTheDump() throws {
        let recorded = recordScript(
            """
            import torch
            x = torch.ones(2, requires_grad=True)
            y = x
            for i in range(5): y = y * 2
            y.sum().backward()
            """)
        for version in GraphJSONVersion.allCases {
            #expect(try loopTitles(try Graph(json: recorded.json(version: version))) == ["for i in range(5) ×5"])
        }
    }

    @Test func fromJSONACalledLoopFoldsAsFromTheScript() throws {
        let graph = try Graph(json: recordScript(Self.trainStep).json())
        #expect(try loopTitles(graph) == ["for step in range(20) ×20"])
    }

    @Test func aDumpWithoutLoopStatementsNamesTheLoopsLines() throws {
        let json = try recordSample("training_loop").json(version: .v2)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.removeValue(forKey: "loop_statements") != nil)
        let older = try Graph(json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let titles = try loopTitles(older)
        #expect(titles.count == 1 && titles[0].hasPrefix("loop ×20 (lines 12–"), "\(titles)")
    }
}
