/// A script's text as the lexer sees it: BOM removed, line endings normalised to `\n`, split
/// into Unicode scalars, with the start of every line indexed for position look-ups.
struct SourceText {
    let scalars: [Unicode.Scalar]
    /// Index in `scalars` where each line starts (line N starts at `lineStarts[N - 1]`).
    let lineStarts: [Int]
    /// The lines, without their line breaks, as Python counts them.
    let lines: [String]

    init(_ source: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        var starts = [0]
        var lines: [String] = []
        // The current line's UTF-8 bytes: a line becomes a String by decoding them in one call.
        var line: [UInt8] = []
        var iterator = source.unicodeScalars.makeIterator()
        var previousWasCR = false
        var first = true
        while var scalar = iterator.next() {
            defer { first = false }
            if first && scalar == "\u{FEFF}" { continue }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if previousWasCR { scalar = "\n" }
            scalars.append(scalar)
            if scalar == "\n" {
                starts.append(scalars.count)
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            } else if scalar.isASCII {
                line.append(UInt8(scalar.value))
            } else {
                line.append(contentsOf: String(scalar).utf8)
            }
        }
        // The text after the last line break is a line unless it is empty (and not the only one).
        if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        self.scalars = scalars
        lineStarts = starts
        self.lines = lines
    }

    /// About how many bytes `SourceText(source)` allocates: a 4-byte scalar and a copy of the text
    /// per UTF-8 byte (at most), an index entry and a string per line. Counted against the memory
    /// limit before the text is split, so a huge script fails at once instead of overshooting.
    static func estimatedBytes(of source: String) -> Int {
        var lines = 1
        for byte in source.utf8 where byte == UInt8(ascii: "\n") { lines += 1 }
        let perLine = MemoryLayout<Int>.stride + MemoryLayout<String>.stride
        return source.utf8.count * (MemoryLayout<Unicode.Scalar>.stride + 1) + lines * perLine
    }

    /// The number of the last line (at least 1), where end-of-file errors are reported.
    var lastLine: Int { max(1, lines.count) }

    /// 1-based line and 0-based column of the scalar at `index`.
    func position(_ index: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: index - lineStarts[low])
    }

    /// The text of a 1-based line, empty past the end.
    func lineText(_ line: Int) -> String {
        line >= 1 && line <= lines.count ? lines[line - 1] : ""
    }

    func error(
        _ message: String, kind: SyntaxError.Kind = .syntax, at index: Int, endIndex: Int? = nil
    ) -> SyntaxError {
        let start = position(index)
        var endColumn: Int?
        if let endIndex {
            let end = position(endIndex)
            endColumn = end.line == start.line ? end.column : lineText(start.line).unicodeScalars.count
        }
        return SyntaxError(
            message, kind: kind, line: start.line, column: start.column, endColumn: endColumn,
            lineText: lineText(start.line))
    }
}
