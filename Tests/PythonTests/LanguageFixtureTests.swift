import Foundation
import Testing

@testable import Python

/// Runs every script of Fixtures/language (pure-Python programs whose expected output was
/// recorded from CPython 3.11 by scripts/make_language_fixtures.py) on the Python module alone
/// and compares stdout, the exit status and the last line of the traceback.
struct LanguageFixtureTests {
    struct Expectation: Decodable {
        let exit_ok: Bool
        let stdout: String
        let stderr_last: String
    }

    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/language")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-fA-F]+", with: "0xADDR", options: .regularExpression)
    }

    @Test func fixturesArePresent() {
        #expect(Self.scripts.count >= 3)
    }

    @Test(arguments: scripts)
    func scriptBehavesAsCPython(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expectedData = try Data(
            contentsOf: Self.folder.appendingPathComponent(
                name.replacingOccurrences(of: ".py", with: ".expected.json")))
        let expected = try JSONDecoder().decode(Expectation.self, from: expectedData)
        let module = try parseModule(source: source, filename: name)
        let (status, out, err) = runOnLargeStack {
            var out = ""
            var err = ""
            let interp = Interpreter(module: module, filename: name, writeOutput: { out += $0 }, writeError: { err += $0 })
            let status = interp.run()
            return (status, out, err)
        }
        #expect(Self.maskAddresses(out) == Self.maskAddresses(expected.stdout))
        #expect((status == 0) == expected.exit_ok)
        let last = err.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(last == expected.stderr_last)
    }
}
