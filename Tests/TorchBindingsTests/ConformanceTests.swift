import Foundation
import Session
import Testing

@testable import Python
@testable import TorchBindings

/// The one runner for script fixtures (NAME.py beside NAME.expected.json, recorded from Python
/// 3.11 + PyTorch 2.15 by scripts/conformance.py): runs a script in-process through the runner
/// the CLI uses and compares stdout (addresses masked), success, the last stderr line of a
/// failure and every warning, as `conformance.py check` does through the CLI.
enum ScriptFixture {
    struct Expectation: Decodable {
        let exit_ok: Bool
        let stdout: String
        let stderr_last: String
        let warnings: [String]
    }

    /// The fixture folder `name` beside this file.
    static func folder(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    /// The scripts of `folder`, sorted.
    static func scripts(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-fA-F]+", with: "0xADDR", options: .regularExpression)
    }

    /// Runs `name` from `folder` and records an issue for every difference from its expectation
    /// (NAME.expected.json, or the file `expectation` names).
    static func check(_ name: String, in folder: URL, expectation: String? = nil) throws {
        let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let expectedData = try Data(
            contentsOf: folder.appendingPathComponent(
                expectation ?? name.replacingOccurrences(of: ".py", with: ".expected.json")))
        let expected = try JSONDecoder().decode(Expectation.self, from: expectedData)
        var out = ""
        var err = ""
        let status = ScriptRunner.run(
            source: source, filename: name,
            writeOutput: { out += $0 }, writeError: { err += $0 })
        #expect(maskAddresses(out) == expected.stdout)
        #expect((status == 0) == expected.exit_ok)
        if !expected.exit_ok {
            let last = err.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            #expect(last == expected.stderr_last)
        }
        for w in expected.warnings { #expect(err.contains(w)) }
    }
}

/// Runs every script of the conformance corpus (PyTorch 2.15's recorded behaviour, copied from
/// ../shared/conformance) in-process.
struct ConformanceTests {
    static let corpus = ScriptFixture.folder("conformance")
    static let scripts = ScriptFixture.scripts(in: corpus)

    @Test func corpusIsPresent() {
        #expect(Self.scripts.count >= 40)
    }

    @Test(arguments: scripts)
    func scriptBehavesAsPyTorch(_ name: String) throws {
        try ScriptFixture.check(name, in: Self.corpus)
    }

    @Test func everyScriptParses() throws {
        for script in Self.scripts {
            let source = try String(contentsOf: Self.corpus.appendingPathComponent(script), encoding: .utf8)
            #expect(throws: Never.self, "\(script)") { _ = try parseModule(source: source, filename: script) }
        }
    }
}
