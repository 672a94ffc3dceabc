import Foundation
import GraphModel
import GraphRender
import Testing

/// The names of every `samples/*.py`.
private let allSamples = ((try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)) ?? [])
    .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()

@Suite struct GraphJSONReaderTests {
    @Test(arguments: allSamples, GraphJSONVersion.allCases)
    func samplesRoundTrip(_ name: String, _ version: GraphJSONVersion) throws {
        let graph = try recordSample(name)
        let text = graph.jsonWithAnalysis(version: version)
        let read = try Graph(json: text)
        #expect(read.jsonWithAnalysis(version: version) == text)
        #expect(read.tensors.count == graph.tensors.count && read.ops.count == graph.ops.count)
        #expect(read.textDump() == graph.textDump())
    }

    /// A `/3` dump reads back to the graph its `/2` dump reads back to, field for field.
    @Test(arguments: allSamples)
    func compactAndFullDumpsReadBackAlike(_ name: String) throws {
        let graph = try recordSample(name)
        let fromCompact = try Graph(json: graph.jsonWithAnalysis(version: .v3))
        #expect(fromCompact.jsonWithAnalysis(version: .v2) == graph.jsonWithAnalysis(version: .v2))
    }

    @Test(arguments: allSamples)
    func sampleDumpsReadBackToTheSameDOT(_ name: String) throws {
        var withEverything = RenderOptions()
        withEverything.showGrads = true
        withEverything.showSaved = true
        let graph = try recordSample(name)
        let read = try Graph(json: graph.jsonWithAnalysis())
        let why = { (g: Graph) in g.whyText(g.explain(g.parameters), source: "") }
        #expect(why(read) == why(graph))
        for options in [RenderOptions(), withEverything] {
            #expect(try DOTWriter(graph: read, options: options).dot() == DOTWriter(graph: graph, options: options).dot())
        }
    }

    @Test func everySampleIsCovered() {
        #expect(allSamples.count >= 10 && allSamples.contains("nan_grad"))
    }

    @Test func loneSurrogateIsAnErrorNotACrash() throws {
        let dump = try recordSample("tutorial").json(version: .v2)
        let withLoneSurrogate = dump.replacingOccurrences(of: "\"names\":[\"x\"]", with: "\"names\":[\"\\ud800\"]")
        #expect(withLoneSurrogate != dump)
        let error = #expect(throws: GraphJSONError.self) { try Graph(json: withLoneSurrogate) }
        #expect(error?.message.hasPrefix("invalid JSON: ") == true)
        #expect(error?.message.contains("surrogate") == true)
        #expect(throws: GraphJSONError.self) { try Graph(json: #"{"schema":"\udc00"}"#) }
    }

    /// Foundation's surrogate errors carry no position; the message gives the escape's line and column.
    @Test(arguments: [
        (#"{"schema":"\ud800\u0041"}"#, "line 1, column 12"),
        ("{\n  \"schema\": \"\\\\ \\ud83d\\ude00 \\ud800\"}", "line 2, column 30")
    ])
    func loneSurrogateErrorsNameThePlace(_ json: String, place: String) {
        let error = #expect(throws: GraphJSONError.self) { try Graph(json: json) }
        #expect(error?.message.hasPrefix("invalid JSON: \(place): ") == true, "\(error?.message ?? "")")
    }

    @Test(arguments: [
        "", "   ", "{", "[1,]", "{\"schema\": tru}", "nul", "\"unterminated", "{\"a\":1} trailing",
        "{\"schema\":\"gradscope.graph/1\"}", "[]", "42", "{\"schema\":1e999}", "\u{FEFF}{}",
        String(repeating: "{\"a\":", count: 10_000)
    ])
    func malformedInputIsAClearError(_ text: String) throws {
        let error = #expect(throws: GraphJSONError.self) { try Graph(json: text) }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("invalid JSON: ") || message.hasPrefix("not a gradscope.graph/3 dump: "), "\(message)")
    }

    @Test func nonFiniteSummariesAndErrorsSurvive() throws {
        let graph = try recordSample("detach")
        let read = try Graph(json: graph.jsonWithAnalysis())
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
        let wrongSchema =
            #"{"schema":"other/1","tensors":[],"ops":[],"nodes":[],"regions":[],"detaches":[],"backward_passes":[],"error":null}"#
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
