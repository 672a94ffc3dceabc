import Testing

@testable import GraphModel

/// Hostile numbers in a dump are refused with the place named, before they are stored, used as
/// an index or multiplied: ids and lines past Int32 (which used to wrap silently), negative ids
/// and input numbers (an edge index of -1 trapped in the renderer), shapes whose byte count
/// overflows (trapped in `byteCount`), negative counts, and region parents that form a cycle.
@Suite struct GraphJSONRangeTests {
    /// One tensor, one region, one node with an edge, one pass; `change` edits the text.
    static func document(_ change: (String) -> String = { $0 }) -> String {
        change(
            """
            {"schema":"gradscope.graph/2","tensors":[{"id":0,"label":"x","names":["x"],"shape":[2,3],
             "dtype":"torch.float32","requires_grad":true,"is_leaf":true,"version":0,"source":"factory","factory":"ones",
             "producer":null,"detach":null,"line":1,"region":0,"grad_fn":null,"accumulate_grad":null,"pass":null,
             "leaf_role":"parameter"}],"ops":[],
             "nodes":[{"id":0,"name":"MulBackward0","line":3,"op":null,"next":[[null,0]],"saved":[],"variable":null,"pass":null}],
             "regions":[{"id":0,"kind":"no_grad","start_line":1,"end_line":2,"parent":null}],"detaches":[],
             "backward_passes":[{"id":0,"kind":"backward","line":4,"roots":[0],"root_tensors":[],"inputs":[],
               "retain_graph":false,"create_graph":false,"ops_before":0,"tensors_before":0,"executed":[0],
               "edges":[{"from":0,"index":0,"to":0,"input_nr":0,"grad":null}],
               "accumulated":[],"freed":[],"hooks":[],"error":null,"anomaly":null,"canonical":null}],
             "grad_reads":[],"error":null}
            """)
    }

    static func message(_ text: String) -> String {
        do {
            _ = try Graph(json: text)
            return "accepted"
        } catch {
            return (error as? GraphJSONError)?.message ?? "\(error)"
        }
    }

    @Test func theUnchangedDocumentIsRead() throws {
        let graph = try Graph(json: Self.document())
        #expect(graph.tensors.first?.byteCount == 24 && graph.regions.count == 1)
    }

    static let cases: [(from: String, to: String, message: String)] = [
        (
            #""line":1,"region":0"#, #""line":4294967297,"region":0"#,
            "tensors[0].line: expected an integer from 0 to 2147483647, found 4294967297"
        ),
        (#""id":0,"label""#, #""id":-1,"label""#, "tensors[0].id: expected an integer from 0 to 2147483647, found -1"),
        (
            #""region":0,"grad_fn""#, #""region":4294967296,"grad_fn""#,
            "tensors[0].region: expected an integer from 0 to 2147483647, found 4294967296"
        ),
        (
            #""shape":[2,3]"#, #""shape":[2,-3]"#,
            "tensors[0].shape: expected an integer from 0 to 9223372036854775807, found -3 at [1]"
        ),
        (
            #""shape":[2,3]"#, #""shape":[2147483648,2147483648,2147483648]"#,
            "tensors[0].shape: [2147483648, 2147483648, 2147483648] has more elements than fit in memory"
        ),
        (#""next":[[null,0]]"#, #""next":[[0,-1]]"#, "nodes[0].next[0][1]: expected an integer from 0 to 2147483647, found -1"),
        (#""next":[[null,0]]"#, #""next":[[-1,0]]"#, "nodes[0].next[0][0]: expected an integer from 0 to 2147483647, found -1"),
        (#""index":0"#, #""index":-1"#, "backward_passes[0].edges[0].index: expected an integer from 0 to 2147483647, found -1"),
        (
            #""executed":[0]"#, #""executed":[0,-5]"#,
            "backward_passes[0].executed: expected an integer from 0 to 2147483647, found -5 at [1]"
        ),
        (
            #""ops_before":0"#, #""ops_before":-1"#,
            "backward_passes[0].ops_before: expected an integer from 0 to 9223372036854775807, found -1"
        ),
        (#""parent":null"#, #""parent":0"#, "regions[0].parent: a region's parent must come before it")
    ]

    @Test(arguments: cases.indices)
    func hostileNumbersAreRefusedNamingThePlace(_ i: Int) {
        let (from, to, expected) = Self.cases[i]
        let text = Self.document { $0.replacingOccurrences(of: from, with: to) }
        #expect(text != Self.document())
        #expect(Self.message(text) == "not a gradscope.graph/3 dump: " + expected)
    }
}
