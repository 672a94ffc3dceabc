import Foundation
import GraphModel
import Session
import Testing

/// For every backward()/autograd.grad() call in the conformance corpus, the autograd graph the
/// recorder saw, in the corpus's canonical form, equals the line PyTorch 2.15 produced
/// (NAME.graphs.txt): same node names, same edges, same input order.
struct CorpusGraphFidelityTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TorchBindingsTests/Fixtures/conformance").standardizedFileURL

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test func corpusIsPresent() { #expect(Self.scripts.count >= 40) }

    @Test(arguments: scripts)
    func recordedGraphsMatchPyTorch(_ name: String) throws {
        let source = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        let expected = try String(
            contentsOf: Self.corpus.appendingPathComponent(
                name.replacingOccurrences(of: ".py", with: ".graphs.txt")), encoding: .utf8
        )
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let (_, graph) = ScriptRunner.runRecording(
            source: source, filename: name,
            writeOutput: { _ in }, writeError: { _ in })
        #expect(graph.canonicalLines() == expected)
    }
}
