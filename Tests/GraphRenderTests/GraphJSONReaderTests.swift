import Foundation
import Testing
import GraphModel

@Suite struct GraphJSONReaderTests {
    @Test(arguments: ["selective_backprop", "retain_graph_hooks", "training_loop", "tutorial", "detach", "requires_grad"])
    func samplesRoundTrip(_ name: String) throws {
        let graph = try recordSample(name)
        let text = graph.json()
        let read = try Graph(json: text)
        #expect(read.json() == text)
        #expect(read.tensors.count == graph.tensors.count && read.ops.count == graph.ops.count)
        #expect(read.textDump() == graph.textDump())
    }

    @Test func nonFiniteSummariesAndErrorsSurvive() throws {
        let graph = try recordSample("detach")
        let read = try Graph(json: graph.json())
        #expect(read.error == graph.error)
        #expect(read.error?.type == "RuntimeError")
        let invalidated = read.nodes.flatMap(\.saved).filter { $0.invalidation != nil }
        #expect(!invalidated.isEmpty)
        let json = """
            {"schema":"gradscope.graph/1","tensors":[],"ops":[],"nodes":[],"regions":[],"detaches":[],
             "backward_passes":[],"error":null}
            """
        #expect(try Graph(json: json).tensors.isEmpty)
    }

    @Test func badDocumentsAreErrorsNamingThePlace() throws {
        let wrongSchema = #"{"schema":"other/1","tensors":[],"ops":[],"nodes":[],"regions":[],"detaches":[],"backward_passes":[],"error":null}"#
        #expect(throws: GraphJSONError.self) { try Graph(json: wrongSchema) }
        #expect(throws: GraphJSONError.self) { try Graph(json: "{\"schema\": ") }
        #expect(throws: GraphJSONError.self) { try Graph(json: String(repeating: "[", count: 100_000)) }

        var text = try recordSample("selective_backprop").json()
        text = text.replacingOccurrences(of: "\"producer\":0", with: "\"producer\":999")
        do {
            _ = try Graph(json: text)
            Issue.record("an out-of-range id was accepted")
        } catch let e as GraphJSONError {
            #expect(e.message.contains("producer") && e.message.contains("out of range"))
        }
        let shape = try recordSample("selective_backprop").json()
            .replacingOccurrences(of: "\"shape\":[1]", with: "\"shape\":\"x\"")
        #expect(throws: GraphJSONError.self) { try Graph(json: shape) }
    }
}
