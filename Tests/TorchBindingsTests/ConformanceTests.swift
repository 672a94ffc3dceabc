import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// Runs every script of the conformance corpus (PyTorch 2.15's recorded behaviour, copied from
/// ../shared/conformance) through the interpreter in-process and compares what it printed.
struct ConformanceTests {
    struct Expectation: Decodable {
        let exit_ok: Bool
        let stdout: String
        let stderr_last: String
        let warnings: [String]
    }

    static let corpus: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-fA-F]+", with: "0xADDR", options: .regularExpression)
    }

    @Test func corpusIsPresent() {
        #expect(Self.scripts.count >= 40)
    }

    @Test(arguments: scripts)
    func scriptBehavesAsPyTorch(_ name: String) throws {
        let source = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        let expectedData = try Data(
            contentsOf: Self.corpus.appendingPathComponent(
                name.replacingOccurrences(of: ".py", with: ".expected.json")))
        let expected = try JSONDecoder().decode(Expectation.self, from: expectedData)
        var out = ""
        var err = ""
        let status = ScriptRunner.run(
            source: source, filename: name,
            writeOutput: { out += $0 }, writeError: { err += $0 })
        #expect(Self.maskAddresses(out) == expected.stdout)
        #expect((status == 0) == expected.exit_ok)
        if !expected.exit_ok {
            let last = err.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            #expect(last == expected.stderr_last)
        }
        for w in expected.warnings { #expect(err.contains(w)) }
    }
}

@Test func conformanceScriptsParse() throws {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures/conformance", withExtension: nil))
    let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".py") }
    #expect(scripts.count >= 30)
    for script in scripts {
        let source = try String(contentsOf: folder.appendingPathComponent(script), encoding: .utf8)
        #expect(throws: Never.self, "\(script)") { _ = try parseModule(source: source, filename: script) }
    }
}
