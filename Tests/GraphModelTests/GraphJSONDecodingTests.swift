import Autograd
import Testing

@testable import GraphModel

/// `Graph(json:)` on hand-written documents: non-finite numbers, the place named in schema
/// errors, keys the reader skips, nesting it refuses.
@Suite struct GraphJSONDecodingTests {
    /// A document with one pass whose single edge carries `summary`, plus `extra` top-level fields.
    private func document(summary: String = "null", extra: String = "") -> String {
        """
        {"schema":"gradscope.graph/1","tensors":[],"ops":[],
         "nodes":[{"id":0,"name":"MulBackward0","line":3,"op":null,"next":[[null,0]],"saved":[],"variable":null,"pass":null}],
         "regions":[],"detaches":[],
         "backward_passes":[{"id":0,"kind":"backward","line":4,"roots":[0],"root_tensors":[],"inputs":[],
           "retain_graph":false,"create_graph":false,"ops_before":0,"tensors_before":0,"executed":[0],
           "edges":[{"from":0,"index":0,"to":0,"input_nr":0,"grad":\(summary)}],
           "accumulated":[],"freed":[],"hooks":[],"error":null,"anomaly":null,"canonical":null}],
         "grad_reads":[],"error":null\(extra)}
        """
    }

    private func message(_ text: String) -> String {
        do {
            _ = try Graph(json: text)
            return "accepted"
        } catch {
            return (error as? GraphJSONError)?.message ?? "\(error)"
        }
    }

    @Test func nonFiniteNumbersAreReadFromTheirStrings() throws {
        let summary = #"{"shape":[3],"norm":"inf","min":"-inf","max":"inf","nan":1,"inf":2,"values":["nan","inf",-0.5]}"#
        let graph = try Graph(json: document(summary: summary))
        let grad = try #require(graph.backwardPasses.first?.edgeGradients.first?.grad)
        #expect(grad.norm == .infinity && grad.min == -.infinity && grad.max == .infinity)
        let values = try #require(grad.values)
        #expect(values[0].isNaN && values[1] == .infinity && values[2] == -0.5)
        #expect(graph.nodes.first?.next == [nil])
    }

    @Test func aStringThatIsNoNumberIsAnErrorNamingThePlace() {
        let summary = #"{"shape":[1],"norm":"lots","min":null,"max":null,"nan":0,"inf":0,"values":null}"#
        let text = message(document(summary: summary))
        #expect(text.hasPrefix("not a gradscope.graph/3 dump: backward_passes[0].edges[0].grad.norm: "), "\(text)")
    }

    @Test func schemaErrorsNameThePlaceAndTheProblem() {
        #expect(message(#"{"schema":"other/1","tensors":7}"#) == #"not a gradscope.graph/3 dump: schema is "other/1""#)
        #expect(message("[]") == "not a gradscope.graph/3 dump: top level: expected an object")
        #expect(message(#"{"schema":"gradscope.graph/1"}"#) == "not a gradscope.graph/3 dump: tensors: missing")
        let badEdge = document().replacingOccurrences(of: "[[null,0]]", with: #"[[null,"x"]]"#)
        #expect(message(badEdge) == "not a gradscope.graph/3 dump: nodes[0].next[0][1]: expected an integer")
        let badKind = document().replacingOccurrences(of: #""kind":"backward""#, with: #""kind":"sideways""#)
        #expect(message(badKind) == "not a gradscope.graph/3 dump: backward_passes[0].kind: unknown pass kind sideways")
    }

    @Test func otherPyTorchDtypesReadAsTheNearestOneAndUnknownNamesAreErrors() throws {
        func tensor(_ dtype: String) -> String {
            document().replacingOccurrences(
                of: #""tensors":[]"#,
                with: #""tensors":[{"id":0,"label":null,"names":[],"shape":[0],"dtype":"\#(dtype)","requires_grad":false,"#
                    + #""is_leaf":true,"version":0,"source":"factory","factory":"empty","producer":null,"detach":null,"#
                    + #""line":1,"region":null,"grad_fn":null,"accumulate_grad":null,"pass":null,"leaf_role":"input"}]"#)
        }
        #expect(try Graph(json: tensor("torch.uint8")).tensors.first?.dtype == .uint8)
        #expect(try Graph(json: tensor("torch.int32")).tensors.first?.dtype == .int32)
        #expect(try Graph(json: tensor("torch.float16")).tensors.first?.dtype == .float32)
        #expect(try Graph(json: tensor("torch.bfloat16")).tensors.first?.dtype == .float32)
        #expect(
            message(tensor("torch.quint4x2"))
                == "not a gradscope.graph/3 dump: tensors[0].dtype: unknown dtype torch.quint4x2")
    }

    @Test func theAnalysisSectionIsSkippedEvenWhenDeep() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try Graph(json: document(extra: #","analysis":{"parameters":\#(deep)}"#)).nodes.count == 1)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let text = message(document(extra: #","analysis":\#(deep)"#))
        #expect(text.hasPrefix("invalid JSON: "), "\(text)")
    }
}
