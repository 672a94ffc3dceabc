#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Python value that `format()` and f-strings can format.
package enum FormatValue: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)

    /// The Python type name used in error messages (`int`, `float`, `bool`, `str`).
    package var typeName: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .string: return "str"
        }
    }
}

/// An error Python raises while formatting or rounding, with its exact message.
package struct FormatError: Error, Equatable, CustomStringConvertible {
    /// The Python exception class: `ValueError` unless stated otherwise.
    package let exceptionType: String
    /// The exception's message, word for word as CPython words it.
    package let message: String

    package init(_ message: String, exceptionType: String = "ValueError") {
        self.message = message
        self.exceptionType = exceptionType
    }

    package var description: String { "\(exceptionType): \(message)" }
}

/// Python's number and string formatting: `repr(float)`, `format(value, spec)`, `round` and
/// `repr(str)`, reproduced character for character.
package enum PythonFormat {
    /// `repr(x)` / `str(x)` of a Python float: the shortest digits that read back as `x`,
    /// in exponent form below `1e-4` and from `1e16` on (`0.1`, `1e-05`, `1e+16`, `-0.0`, `nan`).
    package static func floatRepr(_ d: Double) -> String {
        FloatLayout(code: .r, addDotZero: true).render(d)
    }

    /// Python's `round(x, ndigits)`. With `digits` nil it rounds half to even and returns an
    /// int; otherwise a float correctly rounded to that decimal place (`round(2.675, 2)` is
    /// `2.67`, because 2.675 is stored as 2.67499999...).
    ///
    /// Throws Python's errors: `ValueError` for NaN and `OverflowError` for infinity when an
    /// int is asked for, and `OverflowError` when the rounded value is too large for a float.
    /// An int result outside the 64-bit range throws `OverflowError` (Python would return a
    /// big integer).
    package static func round(_ x: Double, digits: Int?) throws -> FormatValue {
        guard let n = digits else {
            if x.isNaN { throw FormatError("cannot convert float NaN to integer") }
            if x.isInfinite {
                throw FormatError("cannot convert float infinity to integer", exceptionType: "OverflowError")
            }
            let r = x.rounded(.toNearestOrEven)
            guard let i = Int(exactly: r) else {
                throw FormatError("int too large to convert to a 64-bit integer", exceptionType: "OverflowError")
            }
            return .int(i)
        }
        return .float(try roundFloat(x, digits: n))
    }

    /// `round(x, n)` for a float `x` and int `n`: the float nearest the decimal value that
    /// `x` rounds to (half to even on the exact binary value) at `n` places after the point.
    static func roundFloat(_ x: Double, digits n: Int) throws -> Double {
        // The limits of CPython's float___round___impl.
        let maxDigits = Int(Double(53 - (-1021)) * 0.30103)
        let minDigits = -Int(Double(1024 + 1) * 0.30103)
        if !x.isFinite || x == 0 { return x }
        if n > maxDigits { return x }
        if n < minDigits { return 0.0 * x }
        let text: String
        if n >= 0 {
            text = FloatLayout(code: .f, precision: n).render(x)
        } else {
            text = roundIntegerPart(x, places: -n)
        }
        let value = strtod(text, nil)
        if value.isInfinite {
            throw FormatError("rounded value too large to represent", exceptionType: "OverflowError")
        }
        return value
    }

    /// `x` rounded half to even to a multiple of `10^places`, as decimal text.
    private static func roundIntegerPart(_ x: Double, places: Int) -> String {
        let whole = x.rounded(.towardZero)
        let hasFraction = whole != x
        // `whole` is an integer, so its fixed form is exact.
        var digits = Array(FloatLayout(code: .f, precision: 0).render(whole.magnitude).utf8)
        let zero = UInt8(ascii: "0")
        if digits.count < places {
            digits = [UInt8](repeating: zero, count: places - digits.count) + digits
        }
        let keep = Array(digits[0..<(digits.count - places)])
        let dropped = digits[(digits.count - places)...]
        let five = UInt8(ascii: "5")
        let first = dropped.first ?? zero
        let exactlyHalf = first == five && !hasFraction && dropped.dropFirst().allSatisfy { $0 == zero }
        let roundUp = exactlyHalf ? ((keep.last ?? zero) - zero) % 2 == 1 : first >= five
        var result = keep.isEmpty ? [zero] : keep
        if roundUp {
            var i = result.count - 1
            while i >= 0 {
                if result[i] == UInt8(ascii: "9") {
                    result[i] = zero
                    i -= 1
                } else {
                    result[i] += 1
                    break
                }
            }
            if i < 0 { result.insert(UInt8(ascii: "1"), at: 0) }
        }
        let sign = x < 0 ? "-" : ""
        return sign + String(decoding: result, as: UTF8.self) + "e" + String(places)
    }

    /// `repr(s)` of a Python str: single quotes unless the text holds `'` and no `"`;
    /// backslash escapes for the quote, `\\`, `\t`, `\n`, `\r`, and `\xNN`/`\uNNNN`/`\UNNNNNNNN`
    /// for characters Python does not print. With `maxCharacters`, only that many characters of
    /// the repr, as CPython's `%.200R` gives in error messages (`int('x' * 300)`).
    package static func stringRepr(_ s: String, maxCharacters: Int = .max) -> String {
        if isPlainASCII(s) {
            // Nothing to escape: the text itself between single quotes, in one copy.
            let count = s.utf8.count
            if count < maxCharacters { return "'" + s + "'" }
            return "'" + String(decoding: s.utf8.prefix(max(maxCharacters - 1, 0)), as: UTF8.self)
        }
        let quote = reprQuote(s)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(min(s.utf8.count, maxCharacters) + 2)
        out.append(quote)
        var length = 1
        for c in s.unicodeScalars {
            if length > maxCharacters { break }
            switch scalarRepr(c, quote: quote) {
            case .plain:
                out.append(c)
                length += 1
            case .backslashed:
                out.append("\\")
                out.append(c)
                length += 2
            case .named(let escape):
                out.append(contentsOf: escape.unicodeScalars)
                length += 2
            case .hex(let prefix, let width):
                out.append(contentsOf: hexEscape(c.value, prefix: prefix, width: width).unicodeScalars)
                length += 2 + width
            }
        }
        if length <= maxCharacters {
            out.append(quote)
            return String(out)
        }
        return String(String.UnicodeScalarView(out.prefix(maxCharacters)))
    }

    /// The UTF-8 size of `stringRepr(s)`, found without building it.
    package static func stringReprByteCount(_ s: String) -> Int {
        if isPlainASCII(s) { return s.utf8.count + 2 }
        let quote = reprQuote(s)
        var bytes = 2
        for c in s.unicodeScalars {
            switch scalarRepr(c, quote: quote) {
            case .plain: bytes += UTF8.width(c)
            case .backslashed, .named: bytes += 2
            case .hex(_, let width): bytes += 2 + width
            }
        }
        return bytes
    }

    /// Whether every character of `s` is printable ASCII that `repr` shows as it is between
    /// single quotes (no quote, no backslash): the common case, checked byte by byte.
    private static func isPlainASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b > 0x7E || b == UInt8(ascii: "\\") || b == UInt8(ascii: "'") { return false }
            return true
        }
    }

    private static func reprQuote(_ s: String) -> Unicode.Scalar {
        s.unicodeScalars.contains("'") && !s.unicodeScalars.contains("\"") ? "\"" : "'"
    }

    /// How `repr` shows one character of a str quoted with `quote`.
    private enum ScalarRepr {
        case plain, backslashed
        case named(String)
        case hex(prefix: String, width: Int)
    }

    private static func scalarRepr(_ c: Unicode.Scalar, quote: Unicode.Scalar) -> ScalarRepr {
        switch c {
        case quote, "\\": return .backslashed
        case "\t": return .named("\\t")
        case "\n": return .named("\\n")
        case "\r": return .named("\\r")
        default:
            if c.value < 0x20 || c.value == 0x7f { return .hex(prefix: "x", width: 2) }
            if c.value < 0x7f || isPrintable(c) { return .plain }
            if c.value <= 0xff { return .hex(prefix: "x", width: 2) }
            if c.value <= 0xffff { return .hex(prefix: "u", width: 4) }
            return .hex(prefix: "U", width: 8)
        }
    }

    private static func hexEscape(_ v: UInt32, prefix: String, width: Int) -> String {
        let hex = String(v, radix: 16)
        return "\\" + prefix + String(repeating: "0", count: Swift.max(0, width - hex.count)) + hex
    }

    /// Python's `str.isprintable` for one character: everything but the categories Cc, Cf,
    /// Cs, Co, Cn, Zl, Zp and Zs (the ASCII space excepted).
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
