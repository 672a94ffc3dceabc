/// `format(value, spec)`: Python's format-specification mini-language for int, bool, float and
/// str, following CPython's Python/formatter_unicode.c.
extension PythonFormat {
    /// Width and precision beyond this would only build absurdly long strings; Python would
    /// run out of memory.
    private static let maxLength = 100_000_000

    /// What `format(value, spec)` (and `f"{value:spec}"`) returns in Python, or the
    /// `ValueError` it raises (`Unknown format code 'd' for object of type 'float'`,
    /// `Format specifier missing precision`, ...).
    package static func format(_ value: FormatValue, spec: String) throws -> String {
        switch value {
        case .string(let s):
            if spec.isEmpty { return s }
            let parsed = try FormatSpec(spec, typeName: "str", defaultAlign: "<", defaultType: "s")
            return try formatString(s, parsed)
        case .int(let i):
            if spec.isEmpty { return String(i) }
            return try formatInt(i, spec: spec, typeName: "int")
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try formatInt(b ? 1 : 0, spec: spec, typeName: "bool")
        case .float(let d):
            if spec.isEmpty { return floatRepr(d) }
            let parsed = try FormatSpec(spec, typeName: "float", defaultAlign: ">", defaultType: nil)
            switch parsed.type {
            case nil, "e", "E", "f", "F", "g", "G", "n", "%":
                return try formatFloat(d, parsed)
            default:
                throw unknownType(parsed.type, "float")
            }
        }
    }

    private static func unknownType(_ type: Character?, _ typeName: String) -> FormatError {
        FormatError("Unknown format code \(FormatSpec.quoted(type)) for object of type '\(typeName)'")
    }

    private static func checkLength(_ n: Int?) throws {
        if let n, n > maxLength { throw FormatError("out of memory", exceptionType: "MemoryError") }
    }

    // MARK: str

    private static func formatString(_ s: String, _ spec: FormatSpec) throws -> String {
        guard spec.type == "s" else { throw unknownType(spec.type, "str") }
        if let sign = spec.sign {
            throw FormatError(
                sign == " "
                    ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier")
        }
        if spec.noNegativeZero {
            throw FormatError("Negative zero coercion (z) not allowed in string format specifier")
        }
        if spec.alternate { throw FormatError("Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw FormatError("'=' alignment not allowed in string format specifier") }
        try checkLength(spec.width)
        var scalars = Array(s.unicodeScalars)
        if let p = spec.precision, p < scalars.count { scalars = Array(scalars[0..<p]) }
        return pad(String(String.UnicodeScalarView(scalars)), length: scalars.count, spec)
    }

    /// Pads text of `length` characters to the spec's width with its fill and alignment.
    private static func pad(_ text: String, length: Int, _ spec: FormatSpec) -> String {
        let total = spec.width ?? 0
        guard total > length else { return text }
        let padding = total - length
        let left: Int
        switch spec.align {
        case "<": left = 0
        case "^": left = padding / 2
        default: left = padding
        }
        let fill = String(Character(spec.fill))
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: padding - left)
    }

    // MARK: int

    private static func formatInt(_ i: Int, spec: String, typeName: String) throws -> String {
        let parsed = try FormatSpec(spec, typeName: typeName, defaultAlign: ">", defaultType: "d")
        switch parsed.type {
        case "b", "c", "d", "o", "x", "X", "n":
            break
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(i), parsed)
        default:
            throw unknownType(parsed.type, typeName)
        }
        if parsed.precision != nil { throw FormatError("Precision not allowed in integer format specifier") }
        if parsed.noNegativeZero {
            throw FormatError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        try checkLength(parsed.width)
        if parsed.type == "c" {
            if parsed.sign != nil { throw FormatError("Sign not allowed with integer format specifier 'c'") }
            if parsed.alternate {
                throw FormatError("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard i >= 0, i <= 0x10ffff, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw FormatError("%c arg not in range(0x110000)", exceptionType: "OverflowError")
            }
            return number(
                negative: false, prefix: "", digits: String(Character(scalar)), rest: "",
                groupSize: 0, parsed)
        }
        let radix: Int
        var prefix = ""
        switch parsed.type {
        case "b":
            radix = 2
            prefix = "0b"
        case "o":
            radix = 8
            prefix = "0o"
        case "x":
            radix = 16
            prefix = "0x"
        case "X":
            radix = 16
            prefix = "0X"
        default: radix = 10
        }
        if !parsed.alternate { prefix = "" }
        let digits = String(i.magnitude, radix: radix, uppercase: parsed.type == "X")
        let groupSize: Int
        switch parsed.grouping {
        case .none: groupSize = 0
        case .comma, .underscore: groupSize = radix == 10 ? 3 : 4
        }
        return number(negative: i < 0, prefix: prefix, digits: digits, rest: "", groupSize: groupSize, parsed)
    }

    // MARK: float

    private static func formatFloat(_ d: Double, _ spec: FormatSpec) throws -> String {
        if let p = spec.precision, p > Int(Int32.max) { throw FormatError("precision too big") }
        try checkLength(spec.width)
        try checkLength(spec.precision)
        var layout = FloatLayout(code: .r, alternate: spec.alternate, noNegativeZero: spec.noNegativeZero)
        var value = d
        var percent = false
        var defaultPrecision = 6
        switch spec.type {
        case nil:
            layout.addDotZero = true
            defaultPrecision = 0
        case "e", "E": layout.code = .e
        case "f", "F": layout.code = .f
        case "%":
            layout.code = .f
            value *= 100
            percent = true
        default: layout.code = .g
        }
        layout.uppercase = spec.type == "E" || spec.type == "F" || spec.type == "G"
        if let p = spec.precision {
            layout.precision = p
            if layout.code == .r { layout.code = .g }
        } else {
            layout.precision = defaultPrecision
        }
        var text = Substring(layout.render(value))
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let digitCount = text.prefix { $0.isASCII && $0.isNumber }.count
        let digits = String(text.prefix(digitCount))
        let rest = String(text.dropFirst(digitCount)) + (percent ? "%" : "")
        let groupSize = spec.grouping == .none ? 0 : 3
        return number(negative: negative, prefix: "", digits: digits, rest: rest, groupSize: groupSize, spec)
    }

    // MARK: numbers

    /// CPython's `calc_number_widths` + `fill_number`: sign, prefix, the leading digits
    /// grouped (and zero-padded for `0`/`=` fill), the rest of the number, then padding.
    private static func number(
        negative: Bool, prefix: String, digits: String, rest: String,
        groupSize: Int, _ spec: FormatSpec
    ) -> String {
        var signText = ""
        if negative {
            signText = "-"
        } else if spec.sign == "+" {
            signText = "+"
        } else if spec.sign == " " {
            signText = " "
        }
        let width = spec.width ?? -1
        let nonDigits = signText.count + prefix.count + rest.unicodeScalars.count
        let minWidth = spec.fill == "0" && spec.align == "=" ? width - nonDigits : 0
        let grouped =
            digits.isEmpty
            ? ""
            : group(
                digits, size: groupSize,
                separator: spec.grouping == .underscore ? "_" : ",",
                minWidth: minWidth)
        let length = nonDigits + grouped.unicodeScalars.count
        let padding = width - length
        var left = 0
        var middle = 0
        var right = 0
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^":
                left = padding / 2
                right = padding - left
            case "=": middle = padding
            default: left = padding
            }
        }
        let fill = String(Character(spec.fill))
        return String(repeating: fill, count: left) + signText + prefix + String(repeating: fill, count: middle)
            + grouped + rest + String(repeating: fill, count: right)
    }

    /// CPython's `_PyUnicode_InsertThousandsGrouping`: separators every `size` digits from the
    /// right (none when `size` is 0), left-padded with zeros to at least `minWidth` characters.
    private static func group(_ digits: String, size: Int, separator: Character, minWidth: Int) -> String {
        var source = Array(digits.unicodeScalars)
        var remaining = source.count
        var minWidth = minWidth
        var pieces: [String] = []
        func take(_ len: Int) {
            let zeros = Swift.max(0, len - remaining)
            let chars = Swift.max(0, Swift.min(remaining, len))
            let taken = source.suffix(chars)
            source.removeLast(chars)
            pieces.append(String(repeating: "0", count: zeros) + String(String.UnicodeScalarView(taken)))
            remaining -= chars
        }
        var finished = false
        if size > 0 {
            while true {
                let len = Swift.min(size, Swift.max(remaining, minWidth, 1))
                take(len)
                minWidth -= len
                if remaining <= 0 && minWidth <= 0 {
                    finished = true
                    break
                }
                minWidth -= 1
            }
        }
        if !finished { take(Swift.max(remaining, minWidth, 1)) }
        return pieces.reversed().joined(separator: String(separator))
    }
}
