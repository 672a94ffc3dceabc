/// numpy 2.4's `str` and `repr` of arrays (numpy/_core/arrayprint.py with the default print
/// options: precision 8, floatmode 'maxprec', threshold 1000, edgeitems 3, linewidth 75).
enum ArrayPrinter {
    static let precision = 8
    static let threshold = 1000
    static let edgeItems = 3
    static let lineWidth = 75

    /// `str(a)`.
    static func str(_ a: NDArray) -> String {
        if a.shape.isEmpty { return scalarString(a) }
        return array2string(a, separator: " ", prefix: "", suffix: "")
    }

    /// `repr(a)`: `array([1., 2.], dtype=float32)`.
    static func repr(_ a: NDArray) -> String {
        let prefix = "array("
        let body = array2string(a, separator: ", ", prefix: prefix, suffix: ")")
        var extras: [String] = []
        if (a.size == 0 && a.shape != [0]) || a.size > threshold {
            extras.append("shape=" + shapeTuple(a.shape))
        }
        if a.dtype == .float32 || a.size == 0 { extras.append("dtype=\(a.dtype.rawValue)") }
        if extras.isEmpty { return prefix + body + ")" }
        let arrayText = prefix + body + ","
        let extraText = extras.joined(separator: ", ") + ")"
        let lastLine = arrayText.split(separator: "\n", omittingEmptySubsequences: false).last!.count
        let spacer = lastLine + extraText.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return arrayText + spacer + extraText
    }

    /// The str of a numpy scalar (or a 0-d array's str).
    static func scalarString(_ a: NDArray) -> String {
        let v = a.values[0]
        switch a.dtype {
        case .bool: return v != 0 ? "True" : "False"
        case .int64: return String(NumPyKernels.int64(v))
        case .float32, .float64: return NumPyFloatFormat.scalarString(v, float32: a.dtype == .float32)
        }
    }

    /// The repr of a numpy scalar: `np.float32(1.5)`, `np.int64(3)`, `np.True_`.
    static func scalarRepr(_ a: NDArray) -> String {
        if a.dtype == .bool { return a.values[0] != 0 ? "np.True_" : "np.False_" }
        return "np.\(a.dtype.rawValue)(\(scalarString(a)))"
    }

    static func shapeTuple(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }

    private static func array2string(_ a: NDArray, separator: String, prefix: String, suffix: String) -> String {
        if a.size == 0 { return "[]" }
        let summarize = a.size > threshold
        let values = a.values
        let shown = summarize ? leadingTrailing(values, a.shape) : values
        let format = elementFormatter(shown, a.dtype, zeroDim: a.shape.isEmpty)
        if a.shape.isEmpty { return format(values[0]) }
        let strides = rowMajorStrides(a.shape)
        return formatArray(
            values: values, shape: a.shape, strides: strides, format: format, lineWidth: lineWidth - suffix.count,
            nextLinePrefix: " " + String(repeating: " ", count: prefix.count), separator: separator,
            summaryInsert: summarize ? "..." : "")
    }

    private static func rowMajorStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = acc
            acc *= shape[d]
        }
        return strides
    }

    /// The values `_leading_trailing` keeps (the corners a summarised print shows).
    private static func leadingTrailing(_ values: [Double], _ shape: [Int]) -> [Double] {
        let strides = rowMajorStrides(shape)
        var out: [Double] = []
        func visit(_ axis: Int, _ base: Int) {
            if axis == shape.count {
                out.append(values[base])
                return
            }
            let n = shape[axis]
            let indices = n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
            for i in indices { visit(axis + 1, base + i * strides[axis]) }
        }
        visit(0, 0)
        return out
    }

    /// The per-element formatter for `data` (the values shown), like `_get_format_function`.
    private static func elementFormatter(_ data: [Double], _ dtype: NumPyDType, zeroDim: Bool) -> (Double) -> String {
        switch dtype {
        case .bool:
            let trueText = zeroDim ? "True" : " True"
            return { $0 != 0 ? trueText : "False" }
        case .int64:
            let width = data.map { String(NumPyKernels.int64($0)).count }.max() ?? 0
            return { v in
                let s = String(NumPyKernels.int64(v))
                return String(repeating: " ", count: max(0, width - s.count)) + s
            }
        case .float32, .float64:
            return FloatingFormat(data, float32: dtype == .float32).format
        }
    }

    /// `_formatArray`: nested brackets, wrapping at the line width, `...` when summarising.
    private static func formatArray(
        values: [Double], shape: [Int], strides: [Int], format: (Double) -> String, lineWidth: Int, nextLinePrefix: String,
        separator: String, summaryInsert: String
    ) -> String {
        func recurse(_ base: Int, _ axis: Int, _ hangingIndent: String, _ currentWidth: Int) -> String {
            let axesLeft = shape.count - axis
            if axesLeft == 0 { return format(values[base]) }
            let nextHangingIndent = hangingIndent + " "
            let nextWidth = currentWidth - 1
            let length = shape[axis]
            let showSummary = !summaryInsert.isEmpty && 2 * edgeItems < length
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : length
            func child(_ i: Int) -> String { recurse(base + i * strides[axis], axis + 1, nextHangingIndent, nextWidth) }
            var s = ""
            if axesLeft == 1 {
                let elementWidth = currentWidth - max(separator.trimmingTrailingSpaces.count, 1)
                var line = hangingIndent
                for i in 0..<leading {
                    (s, line) = extendLine(s, line, child(i), elementWidth, hangingIndent)
                    line += separator
                }
                if showSummary {
                    (s, line) = extendLine(s, line, summaryInsert, elementWidth, hangingIndent)
                    line += separator
                }
                for i in stride(from: trailing, to: 1, by: -1) {
                    (s, line) = extendLine(s, line, child(length - i), elementWidth, hangingIndent)
                    line += separator
                }
                (s, line) = extendLine(s, line, child(length - 1), elementWidth, hangingIndent)
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: axesLeft - 1)
                for i in 0..<leading { s += hangingIndent + child(i) + lineSeparator }
                if showSummary { s += hangingIndent + summaryInsert + lineSeparator }
                for i in stride(from: trailing, to: 1, by: -1) { s += hangingIndent + child(length - i) + lineSeparator }
                s += hangingIndent + child(length - 1)
            }
            return "[" + s.dropFirst(hangingIndent.count) + "]"
        }
        return recurse(0, 0, nextLinePrefix, lineWidth)
    }

    /// `_extendLine_pretty`: appends `word` (possibly several lines) to `line`, wrapping first
    /// when it would pass `width`.
    private static func extendLine(_ s: String, _ line: String, _ word: String, _ width: Int, _ nextLinePrefix: String) -> (
        String, String
    ) {
        let words = word.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var s = s
        var line = line
        if words.count == 1 {
            if line.count + word.count > width && line.count > nextLinePrefix.count {
                s += line.trimmingTrailingSpaces + "\n"
                line = nextLinePrefix
            }
            return (s, line + word)
        }
        let maxLength = words.map(\.count).max()!
        let indent: String
        if line.count + maxLength > width && line.count > nextLinePrefix.count {
            s += line.trimmingTrailingSpaces + "\n"
            line = nextLinePrefix + words[0]
            indent = nextLinePrefix
        } else {
            indent = String(repeating: " ", count: line.count)
            line += words[0]
        }
        for w in words.dropFirst() {
            s += line.trimmingTrailingSpaces + "\n"
            line = indent + w
        }
        line += String(repeating: " ", count: maxLength - words.last!.count)
        return (s, line)
    }
}

extension String {
    /// The string without trailing spaces (Python's `rstrip()` for the texts printed here).
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " || s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
