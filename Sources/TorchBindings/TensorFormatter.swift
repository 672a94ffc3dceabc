import Autograd
import Python

/// PyTorch's tensor printing (`torch/_tensor_str.py`): what `print(t)`, `repr(t)` and `str(t)`
/// show under the running script's `torch.set_printoptions`.
package enum TensorFormatter {
    /// `repr(t)`: `tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)` and the like,
    /// with the dtype suffix for a dtype other than the default float, int64 and bool (for an empty tensor,
    /// any dtype other than the default), then
    /// `grad_fn=<Name>` or `requires_grad=True`. An `nn.Parameter` is headed by
    /// `Parameter containing:` on a line of its own, as PyTorch's `Parameter.__repr__` does.
    package static func repr(_ t: Tensor) -> String { repr(t, options: .current) }

    /// `repr(t)` under the given print options.
    package static func repr(_ t: Tensor, options: PrintOptions) -> String {
        t.isParameter ? "Parameter containing:\n" + tensorRepr(t, options) : tensorRepr(t, options)
    }

    /// `repr(t.detach())`: the values (and a dtype other than the default) without the
    /// `grad_fn=`/`requires_grad=` suffix, under the running script's print options.
    package static func valuesRepr(_ t: Tensor) -> String { tensorRepr(t, .current, autogradSuffix: false) }

    private static func tensorRepr(_ t: Tensor, _ options: PrintOptions, autogradSuffix: Bool = true) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let body: String
        if t.numel == 0 {
            if t.dim != 1 { suffixes.append("size=" + tupleRepr(t.shape)) }
            if t.dtype != options.defaultDType { suffixes.append("dtype=" + t.dtype.name) }
            body = "[]"
        } else {
            // `has_default_dtype`: the default float dtype, int64 and bool go unnamed.
            if ![options.defaultDType, .int64, .bool].contains(t.dtype) { suffixes.append("dtype=" + t.dtype.name) }
            body = tensorString(t, indent: indent, options: options)
        }
        if autogradSuffix, let node = t.gradFn {
            suffixes.append("grad_fn=<\(node.name)>")
        } else if autogradSuffix && t.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return addSuffixes(prefix + body, suffixes, indent: indent, lineWidth: options.lineWidth)
    }

    /// `repr(t.shape)`: `torch.Size([2, 3])`.
    package static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// A Python tuple of ints: `(0, 3)`, `(5,)`.
    static func tupleRepr(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `_add_suffixes`: each suffix after `", "`, or on a new line indented by `indent` when
    /// the line would pass the line width.
    static func addSuffixes(_ text: String, _ suffixes: [String], indent: Int, lineWidth: Int = 80) -> String {
        var out = text
        let chars = Array(text.unicodeScalars)
        // PyTorch's `len(s) - s.rfind("\n") + 1`, which counts two more than the last line
        // holds when there is no newline.
        let lastNewline = chars.lastIndex(of: "\n") ?? -1
        var lastLineLength = chars.count - lastNewline + 1
        for suffix in suffixes {
            let length = suffix.unicodeScalars.count
            if lastLineLength + length + 2 > lineWidth {
                out += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + length
            } else {
                out += ", " + suffix
                lastLineLength += length + 2
            }
        }
        return out + ")"
    }

    /// `_tensor_str` for a non-empty tensor: the nested brackets of its values. A summarized
    /// tensor's hidden elements are never read (`get_summarized_data`), so printing a large
    /// tensor takes no memory in proportion to it.
    static func tensorString(_ t: Tensor, indent: Int, options: PrintOptions = PrintOptions()) -> String {
        let summarize = Double(t.numel) > options.threshold
        var layout = ValueLayout(shape: t.shape, summarize: summarize, options: options)
        let positions = summarize ? layout.shownPositions() : nil
        if t.dtype == .int64 {
            layout.exactIntegers = t.int64s(at: positions ?? Array(0..<t.numel))
        } else {
            layout.values = positions.map { t.doubles(at: $0) } ?? t.doubles()
        }
        let formatter = ElementFormatter(
            dtype: t.dtype, values: layout.values, exactIntegers: layout.exactIntegers, precision: options.precision,
            sciMode: options.sciMode)
        return layout.render(formatter, indent: indent)
    }
}

/// The nesting of a row-major value array: which entries are printed and how they are laid out.
/// A summarized layout holds only the shown values: each cut dimension keeps its first and last
/// `edgeItems` entries, at indices `0..<2 * edgeItems`.
struct ValueLayout {
    /// The shown values, row-major over the kept entries of each dimension.
    var values: [Double] = []
    /// The shown values of an int64 tensor, exactly (instead of `values`).
    var exactIntegers: [Int64]? = nil
    let shape: [Int]
    let summarize: Bool
    /// The strides of `values` (over the kept entries).
    let strides: [Int]
    let edgeItems: Int
    let lineWidth: Int

    init(shape: [Int], summarize: Bool, options: PrintOptions) {
        self.shape = shape
        self.summarize = summarize
        edgeItems = options.edgeItems
        lineWidth = options.lineWidth
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = acc
            acc *= summarize && shape[d] > 2 * edgeItems ? 2 * edgeItems : shape[d]
        }
        self.strides = strides
    }

    /// Whether dimension `d` is cut to its edge items.
    private func isCut(_ d: Int) -> Bool { summarize && shape[d] > 2 * edgeItems }

    /// The entries along dimension `d` that are shown, as indices into the kept entries, with nil
    /// where `...` goes.
    private func shownIndices(_ d: Int) -> [Int?] {
        guard isCut(d) else { return (0..<shape[d]).map { $0 } }
        let e = edgeItems
        return (0..<e).map { $0 } + [nil] + (e..<2 * e).map { $0 }
    }

    /// `get_summarized_data`: the row-major positions in the whole tensor of the shown values, in
    /// order.
    func shownPositions() -> [Int] {
        var out: [Int] = []
        func collect(_ d: Int, _ base: Int) {
            if d == shape.count {
                out.append(base)
                return
            }
            let inner = shape[(d + 1)...].reduce(1, *)
            let n = shape[d]
            let kept = isCut(d) ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
            for i in kept { collect(d + 1, base + i * inner) }
        }
        collect(0, 0)
        return out
    }

    /// `_tensor_str_with_formatter` from the outermost dimension.
    func render(_ formatter: ElementFormatter, indent: Int) -> String {
        if shape.isEmpty { return element(formatter, 0) }
        return render(formatter, dim: 0, base: 0, indent: indent)
    }

    private func render(_ formatter: ElementFormatter, dim d: Int, base: Int, indent: Int) -> String {
        let remaining = shape.count - d
        if remaining == 1 { return vector(formatter, base: base, indent: indent) }
        let slices = shownIndices(d).map { index -> String in
            guard let i = index else { return "..." }
            return render(formatter, dim: d + 1, base: base + i * strides[d], indent: indent + 1)
        }
        let separator =
            "," + String(repeating: "\n", count: remaining - 1)
            + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// `_vector_str`: the last dimension, as many elements per line as fit the line width.
    private func vector(_ formatter: ElementFormatter, base: Int, indent: Int) -> String {
        let d = shape.count - 1
        let elementLength = formatter.width + 2
        let perLine = max(1, Int((Double(lineWidth - indent) / Double(elementLength)).rounded(.down)))
        let items = shownIndices(d).map { index -> String in
            guard let i = index else { return " ..." }
            return element(formatter, base + i * strides[d])
        }
        var lines: [String] = []
        var start = 0
        while start < items.count {
            let end = min(start + perLine, items.count)
            lines.append(items[start..<end].joined(separator: ", "))
            start = end
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }

    /// Shown value `k`, formatted.
    private func element(_ formatter: ElementFormatter, _ k: Int) -> String {
        if let exact = exactIntegers { return formatter.format(exact[k]) }
        return formatter.format(values[k])
    }
}

/// `_Formatter`: one number format for all elements of a tensor, chosen from its values.
struct ElementFormatter {
    enum Style {
        /// Integer and bool dtypes: `str(value)`.
        case integer(isBool: Bool)
        /// Floats that are all whole numbers: `{:.0f}` and a trailing `.`.
        case wholeFloat
        /// `{:.4f}`.
        case fixed
        /// `{:.4e}`.
        case scientific
    }

    let style: Style
    /// The widest formatted value; every value is left-padded to it.
    let width: Int
    /// Digits after the point in the fixed and scientific styles.
    let precision: Int

    /// The format for `values`; `sciMode` forces (true) or forbids (false) scientific notation.
    /// `exactIntegers`: an int64 tensor's values, exactly, in place of `values`.
    init(dtype: DType, values: [Double], exactIntegers: [Int64]? = nil, precision: Int = 4, sciMode: Bool? = nil) {
        self.precision = precision
        if let exactIntegers {
            style = .integer(isBool: false)
            width = exactIntegers.reduce(1) { max($0, String($1).count) }
            return
        }
        guard dtype.isFloatingPoint else {
            let isBool = dtype == .bool
            style = .integer(isBool: isBool)
            width = values.reduce(1) { max($0, ElementFormatter.integerText($1, isBool: isBool).count) }
            return
        }
        let finite = values.filter { $0.isFinite && $0 != 0 }
        guard !finite.isEmpty else {
            style = .wholeFloat
            width = 1
            return
        }
        var minAbs = Double.infinity
        var maxAbs = 0.0
        var whole = true
        for v in finite {
            let a = v.magnitude
            minAbs = min(minAbs, a)
            maxAbs = max(maxAbs, a)
            if v != v.rounded(.up) { whole = false }
        }
        let widest: (FloatLayout) -> Int = { layout in
            finite.reduce(1) { max($0, layout.render($1).count) }
        }
        let scientific = sciMode ?? (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4)
        if whole {
            if scientific {
                style = .scientific
                width = widest(FloatLayout(code: .e, precision: precision))
            } else {
                style = .wholeFloat
                width = widest(FloatLayout(code: .f, precision: 0)) + 1
            }
        } else if scientific {
            style = .scientific
            width = widest(FloatLayout(code: .e, precision: precision))
        } else {
            style = .fixed
            width = widest(FloatLayout(code: .f, precision: precision))
        }
    }

    /// One exact integer, left-padded to the common width.
    func format(_ v: Int64) -> String {
        let text = String(v)
        let padding = width - text.count
        return padding > 0 ? String(repeating: " ", count: padding) + text : text
    }

    /// One element, left-padded to the common width.
    func format(_ v: Double) -> String {
        let text: String
        switch style {
        case .integer(let isBool):
            text = ElementFormatter.integerText(v, isBool: isBool)
        case .wholeFloat:
            let digits = FloatLayout(code: .f, precision: 0).render(v)
            text = v.isFinite ? digits + "." : digits
        case .fixed:
            text = FloatLayout(code: .f, precision: precision).render(v)
        case .scientific:
            text = FloatLayout(code: .e, precision: precision).render(v)
        }
        let padding = width - text.count
        return padding > 0 ? String(repeating: " ", count: padding) + text : text
    }

    static func integerText(_ v: Double, isBool: Bool) -> String {
        if isBool { return v != 0 ? "True" : "False" }
        return String(Int64(fromDouble: v))
    }
}
