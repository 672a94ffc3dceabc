/// A file of Python source a frame runs: what a traceback names and quotes for it. Frames of
/// the script itself have none (the interpreter's `filename` and module are used).
package final class SourceFile: Sendable {
    package let name: String
    let lines: [String]

    init(name: String, lines: [String]) {
        self.name = name
        self.lines = lines
    }

    /// Line `line` without its indentation; nil when out of range or blank.
    func line(_ line: Int) -> String? {
        guard line >= 1 && line <= lines.count else { return nil }
        let s = lines[line - 1].trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? nil : s
    }
}
