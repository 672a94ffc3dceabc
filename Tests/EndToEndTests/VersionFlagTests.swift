import Foundation
import Testing

/// `gradscope --version` names the math library in use; a bare `gradscope` prints its help.
@Suite struct VersionFlagTests {
    private func run(_ arguments: [String]) throws -> CLIResult {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try CLI.run(arguments, in: dir)
    }

    @Test func versionNamesTheMathLibrary() throws {
        let r = try run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "gradscope")
        #expect(lines.count == 2 && lines[1].hasPrefix("math: "), "\(r.stdout)")
    }

    @Test func noSubcommandPrintsHelp() throws {
        let r = try run([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("SUBCOMMANDS:") && r.stdout.contains("--version"), "\(r.stdout)")
    }
}
