/// `format(value, spec)`: Python's format-specification mini-language for int, bool, float and
/// str, following CPython's Python/formatter_unicode.c.
extension PythonFormat {
    /// Width and precision beyond this would only build absurdly long strings; Python would
    /// run out of memory.
    private static let maxLength = 100_000_000

    /// What `format(value, spec)` (and `f"{value:spec}"`) returns in Python, or the
    /// `ValueError` it raises (`Unknown format code 'd' for object of type 'float'`,
    /// `Format specifier missing precision`, ...). `reserve` is given a bound of the result's
    /// UTF-8 size before it is built (a script's memory account), and may refuse it by throwing.
    package static func format(
        _ value: FormatValue, spec: String, reserving reserve: (Int) throws -> Void = { _ in }
    ) throws -> String {
        switch value {
        case .string(let s):
            if spec.isEmpty { return s }
            let parsed = try FormatSpec(spec, typeName: "str", defaultAlign: "<", defaultType: "s")
            return try formatString(s, parsed, reserve)
        case .int(let i):
            if spec.isEmpty { return String(i) }
            return try formatInt(i, spec: spec, typeName: "int", reserve)
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try formatInt(b ? 1 : 0, spec: spec, typeName: "bool", reserve)
        case .float(let d):
            if spec.isEmpty { return floatRepr(d) }
            let parsed = try FormatSpec(spec, typeName: "float", defaultAlign: ">", defaultType: nil)
            switch parsed.type {
            case nil, "e", "E", "f", "F", "g", "G", "n", "%":
                return try formatFloat(d, parsed, reserve)
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

    /// A bound of the UTF-8 size of a result padded to the spec's width, for a value whose own
    /// text (digits grouped, sign, exponent) is at most `valueBytes` long; zero padding with
    /// grouping builds its digits twice more on the way.
    private static func resultBytes(_ spec: FormatSpec, valueBytes: Int) -> Int {
        let width = spec.width ?? 0
        let grouped = spec.grouping != .none && spec.align == "=" ? 2 * width : 0
        return width * UTF8.width(spec.fill) + grouped + valueBytes
    }

    // MARK: str

    private static func formatString(_ s: String, _ spec: FormatSpec, _ reserve: (Int) throws -> Void) throws -> String {
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
        try reserve(resultBytes(spec, valueBytes: s.utf8.count))
        var text = Substring(s)
        var length = s.unicodeScalars.count
        if let p = spec.precision, p < length {
            text = Substring(s.unicodeScalars.prefix(p))
            length = p
        }
        return pad(text, length: length, spec)
    }

    /// Pads text of `length` characters to the spec's width with its fill and alignment.
    private static func pad(_ text: Substring, length: Int, _ spec: FormatSpec) -> String {
        let total = spec.width ?? 0
        guard total > length else { return String(text) }
        let padding = total - length
        let left: Int
        switch spec.align {
        case "<": left = 0
        case "^": left = padding / 2
        default: left = padding
        }
        return assemble([.fill(left), .text(text), .fill(padding - left)], fill: spec.fill)
    }

    /// A piece of a formatted result: text, or so many fill characters.
    private enum Piece {
        case text(Substring)
        case fill(Int)
    }

    /// `pieces` written once into a string of their exact size (a padded field may be tens of
    /// megabytes: building it by concatenation would hold two or three copies at once).
    private static func assemble(_ pieces: [Piece], fill: Unicode.Scalar) -> String {
        let fillBytes = Array(String(fill).utf8)
        let total = pieces.reduce(0) { sum, piece in
            switch piece {
            case .text(let text): return sum + text.utf8.count
            case .fill(let n): return sum + n * fillBytes.count
            }
        }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var i = 0
            for piece in pieces {
                switch piece {
                case .text(let text):
                    i += UnsafeMutableBufferPointer(rebasing: buffer[i...]).initialize(from: text.utf8).1
                case .fill(let n) where fillBytes.count == 1:
                    UnsafeMutableBufferPointer(rebasing: buffer[i..<i + n]).initialize(repeating: fillBytes[0])
                    i += n
                case .fill(let n):
                    for _ in 0..<n {
                        for byte in fillBytes {
                            buffer[i] = byte
                            i += 1
                        }
                    }
                }
            }
            return i
        }
    }

    // MARK: int

    private static func formatInt(_ i: Int, spec: String, typeName: String, _ reserve: (Int) throws -> Void) throws -> String {
        let parsed = try FormatSpec(spec, typeName: typeName, defaultAlign: ">", defaultType: "d")
        switch parsed.type {
        case "b", "c", "d", "o", "x", "X", "n":
            break
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(i), parsed, reserve)
        default:
            throw unknownType(parsed.type, typeName)
        }
        if parsed.precision != nil { throw FormatError("Precision not allowed in integer format specifier") }
        if parsed.noNegativeZero {
            throw FormatError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        try checkLength(parsed.width)
        // 64 binary digits, their separators and the prefix.
        try reserve(resultBytes(parsed, valueBytes: 100))
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

    private static func formatFloat(_ d: Double, _ spec: FormatSpec, _ reserve: (Int) throws -> Void) throws -> String {
        if let p = spec.precision, p > Int(Int32.max) { throw FormatError("precision too big") }
        try checkLength(spec.width)
        try checkLength(spec.precision)
        // The digits asked for, and up to 309 before the point with their separators.
        try reserve(resultBytes(spec, valueBytes: (spec.precision ?? 0) + 420))
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
        return assemble(
            [
                .fill(left), .text(Substring(signText)), .text(Substring(prefix)), .fill(middle), .text(Substring(grouped)),
                .text(Substring(rest)), .fill(right)
            ], fill: spec.fill)
    }

    /// CPython's `_PyUnicode_InsertThousandsGrouping`: separators every `size` digits from the
    /// right (none when `size` is 0), left-padded with zeros to at least `minWidth` characters.
    /// Written right to left into one buffer: a zero-padded field may be millions of groups.
    private static func group(_ digits: String, size: Int, separator: Character, minWidth: Int) -> String {
        let source = Array(digits.utf8)
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        var remaining = source.count
        var minWidth = minWidth
        var reversed = [UInt8]()
        reversed.reserveCapacity(Swift.max(source.count, minWidth) + 1)
        func take(_ len: Int) {
            let chars = Swift.max(0, Swift.min(remaining, len))
            reversed.append(contentsOf: source[(remaining - chars)..<remaining].reversed())
            reversed.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(0, len - remaining)))
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
                reversed.append(separatorByte)
            }
        }
        if !finished { take(Swift.max(remaining, minWidth, 1)) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }
}
