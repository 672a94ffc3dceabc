import Foundation
import GraphModel
import GraphRender
import Session
import Testing

/// Every conformance corpus script recorded, dumped as `gradscope.graph/3`, read back: the dump
/// reads back to byte-identical JSON (both schemas), and the read graph draws the same DOT and
/// says the same `why` as the recorded one.
struct CorpusJSONRoundTripTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TorchBindingsTests/Fixtures/conformance").standardizedFileURL

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test func corpusIsPresent() { #expect(Self.scripts.count >= 40) }

    @Test(arguments: scripts)
    func compactDumpReadsBackToTheSameGraph(_ name: String) throws {
        let source = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        let (_, graph) = ScriptRunner.runRecording(source: source, filename: name, writeOutput: { _ in }, writeError: { _ in })
        let text = graph.jsonWithAnalysis()
        #expect(text.hasPrefix(#"{"schema":"gradscope.graph/3""#))
        let read = try Graph(json: text)
        #expect(read.jsonWithAnalysis() == text)
        #expect(read.jsonWithAnalysis(version: .v2) == graph.jsonWithAnalysis(version: .v2))
        var everything = RenderOptions()
        everything.showGrads = true
        everything.showSaved = true
        for options in [RenderOptions(), everything] {
            #expect(try DOTWriter(graph: read, options: options).dot() == DOTWriter(graph: graph, options: options).dot())
        }
        let why = { (g: Graph) in g.whyText(g.explain(Array(g.tensors.indices)), source: source) }
        #expect(why(read) == why(graph))
    }
}
