import GraphModel
import GraphRender
import Testing

@Suite struct BlockReasonExplanationTests {
    @Test func reasonsReadAsTheDumpWordsThem() {
        #expect(BlockReason.detached(line: 7, kind: .detach).explanation == "detached at line 7 (detach())")
        #expect(BlockReason.detached(line: 3, kind: .data).explanation == "detached at line 3 (.data)")
        #expect(BlockReason.noGrad(line: 9, region: .noGrad).explanation == "created under no_grad at line 9")
        #expect(
            BlockReason.graphFreed(byPass: 1, line: 12).explanation
                == "graph freed by backward pass 1 at line 12 (use retain_graph=True)")
    }

    @Test func theDumpCarriesTheExplanationsOnlyWithAnalysis() throws {
        let graph = try recordSample("no_grad")
        #expect(graph.jsonWithAnalysis().contains(#""explanation":"created under no_grad at line 10""#))
        #expect(!graph.json().contains(#""analysis""#))
        #expect(graph.jsonWithAnalysis().hasPrefix(String(graph.json().dropLast())))
    }
}
