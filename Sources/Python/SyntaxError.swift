/// A script that does not parse, reported the way Python 3.11 reports it.
package struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Python exception class the error prints as.
    package enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case indentation = "IndentationError"
        case tab = "TabError"
    }

    package let kind: Kind
    package let message: String
    /// 1-based line of the error.
    package let line: Int
    /// 0-based offset in the line where the caret goes; a negative value (or one inside the
    /// line's leading whitespace) means Python prints no caret.
    package let column: Int
    /// Exclusive end column when Python underlines a range (`^^^`), nil for a single caret.
    package let endColumn: Int?
    /// The source line the error is on, without its line break.
    package let lineText: String

    package init(
        _ message: String, kind: Kind = .syntax, line: Int, column: Int, endColumn: Int? = nil,
        lineText: String
    ) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.lineText = lineText
    }

    package var description: String { "\(kind.rawValue): \(message) (line \(line))" }

    /// Exactly what `python3 FILE` writes to stderr for this error (ending in a newline):
    /// the `File` line, the source line stripped of leading whitespace and indented by four
    /// spaces, the caret line (omitted when the column lies left of the text) and the message.
    package func formatted(filename: String) -> String {
        var out = "  File \"\(filename)\", line \(line)\n"
        let scalars = Array(lineText.unicodeScalars)
        var stripped = 0
        while stripped < scalars.count, [" ", "\t", "\u{0C}"].contains(scalars[stripped]) {
            stripped += 1
        }
        let text = String(String.UnicodeScalarView(scalars[stripped...]))
        out += "    \(text)\n"
        var offset = column - stripped
        let length = scalars.count - stripped
        if offset > length { offset = length }
        if column >= 0 && offset >= 0 {
            var carets = 1
            if let endColumn {
                let end = min(endColumn, scalars.count + 1) - stripped
                carets = max(1, end - offset)
            }
            out += "    " + String(repeating: " ", count: offset) + String(repeating: "^", count: carets) + "\n"
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }
}
