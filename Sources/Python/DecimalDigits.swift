#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A finite double as decimal digits, the way CPython's `_Py_dg_dtoa` hands them to its float
/// formatter: `digits` (ASCII, no leading or trailing zeros; `"0"` for zero) with the decimal
/// point after `decimalPoint` of them (it may lie outside the digits: `0.05` is `"5"`, `-1`).
struct DecimalDigits {
    var digits: [UInt8]
    var decimalPoint: Int
    var negative: Bool

    /// How many digits to produce.
    enum Mode {
        /// The shortest digits that read back as the same double (dtoa mode 0, `repr`).
        case shortest
        /// Correctly rounded to this many significant digits, at least 1 (dtoa mode 2).
        case significant(Int)
        /// Correctly rounded to this many digits after the point, at least 0 (dtoa mode 3).
        case fixed(Int)
    }

    /// Digits beyond these counts are zeros for every double, so asking the C library for more
    /// would only cost time; the layout pads the zeros back.
    private static let maxFractionDigits = 1100
    private static let maxSignificantDigits = 800

    /// The digits of the finite value `d` in `mode`, correctly rounded (ties to even on the
    /// exact binary value, as CPython's dtoa does).
    init(_ d: Double, mode: Mode) {
        switch mode {
        case .shortest:
            // Swift's description is the shortest round-trip string, closest to the exact value
            // among the shortest, the same digits dtoa's mode 0 picks.
            self.init(parsing: Array(d.magnitude.description.utf8), negative: d.sign == .minus)
        case .significant(let n):
            let count = Swift.max(1, Swift.min(n, DecimalDigits.maxSignificantDigits))
            self.init(parsing: cFormat(d, conversion: "e", precision: count - 1), negative: d.sign == .minus)
        case .fixed(let n):
            let count = Swift.max(0, Swift.min(n, DecimalDigits.maxFractionDigits))
            self.init(parsing: cFormat(d, conversion: "f", precision: count), negative: d.sign == .minus)
        }
    }

    /// Reads `[-]int[.frac][e±exp]` text into normalized digits.
    private init(parsing text: [UInt8], negative: Bool) {
        var mantissa: [UInt8] = []
        var pointAt: Int? = nil
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for c in text {
            switch c {
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): continue
            case UInt8(ascii: "."): pointAt = mantissa.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
                } else {
                    mantissa.append(c)
                }
            default: continue
            }
        }
        var point = (pointAt ?? mantissa.count) + exponentSign * exponent
        let firstNonZero = mantissa.firstIndex { $0 != UInt8(ascii: "0") }
        guard let first = firstNonZero, let last = mantissa.lastIndex(where: { $0 != UInt8(ascii: "0") }) else {
            self.digits = [UInt8(ascii: "0")]
            self.decimalPoint = 1
            self.negative = negative
            return
        }
        point -= first
        self.digits = Array(mantissa[first...last])
        self.decimalPoint = point
        self.negative = negative
    }

    /// Whether every digit is zero (the value rounded to zero).
    var isZero: Bool { digits.allSatisfy { $0 == UInt8(ascii: "0") } }
}

/// `snprintf` with `%.<precision><conversion>` for one double, as bytes.
private func cFormat(_ d: Double, conversion: Character, precision: Int) -> [UInt8] {
    let format = "%.*" + String(conversion)
    let capacity = 340 + precision
    var buffer = [CChar](repeating: 0, count: capacity)
    let written = buffer.withUnsafeMutableBufferPointer { buf in
        withVaList([Int32(precision), d]) { vsnprintf(buf.baseAddress, capacity, format, $0) }
    }
    let length = Swift.max(0, Swift.min(Int(written), capacity - 1))
    return buffer[0..<length].map { UInt8(bitPattern: $0) }
}

/// CPython's `format_float_short`: lays decimal digits out as `e`, `f`, `g` or `r` (repr)
/// formatting does.
package struct FloatLayout {
    package enum Code { case e, f, g, r }
    var code: Code
    /// For `e`: digits after the point; for `f`: digits after the point; for `g`: significant
    /// digits; ignored for `r`.
    var precision: Int = 0
    /// `Py_DTSF_ADD_DOT_0`: an integral result without exponent keeps `.0`.
    var addDotZero = false
    /// `#`: keep the trailing point and (for `g`) trailing zeros.
    var alternate = false
    /// `z`: a result that rounds to zero loses its minus sign.
    var noNegativeZero = false
    var uppercase = false

    /// The text for `d`, sign included when negative (never a `+`).
    package func render(_ d: Double) -> String {
        if d.isNaN { return uppercase ? "NAN" : "nan" }
        if d.isInfinite {
            let inf = uppercase ? "INF" : "inf"
            return d < 0 ? "-" + inf : inf
        }
        var precision = self.precision
        let digits: DecimalDigits
        switch code {
        case .e:
            precision += 1
            digits = DecimalDigits(d, mode: .significant(precision))
        case .f:
            digits = DecimalDigits(d, mode: .fixed(precision))
        case .g:
            if precision == 0 { precision = 1 }
            digits = DecimalDigits(d, mode: .significant(precision))
        case .r:
            precision = 17
            digits = DecimalDigits(d, mode: .shortest)
        }
        return layout(digits, precision: precision)
    }

    private func layout(_ dd: DecimalDigits, precision: Int) -> String {
        let digits = dd.digits
        let n = digits.count
        var decpt = dd.decimalPoint
        var vEnd = n
        var useExponent = false
        switch code {
        case .e:
            useExponent = true
            vEnd = precision
        case .f:
            vEnd = decpt + precision
        case .g:
            if decpt <= -4 || decpt > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { vEnd = precision }
        case .r:
            if decpt <= -4 || decpt > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = decpt - 1
            decpt = 1
        }
        let vStart = decpt <= 0 ? decpt - 1 : 0
        if !useExponent && addDotZero {
            vEnd = Swift.max(vEnd, decpt + 1)
        } else {
            vEnd = Swift.max(vEnd, decpt)
        }

        var out: [UInt8] = []
        out.reserveCapacity(Swift.max(0, vEnd - vStart) + 8)
        let zero = UInt8(ascii: "0")
        let point = UInt8(ascii: ".")
        func zeros(_ k: Int) { if k > 0 { out.append(contentsOf: repeatElement(zero, count: k)) } }
        if dd.negative && !(noNegativeZero && dd.isZero) { out.append(UInt8(ascii: "-")) }
        if decpt <= 0 {
            zeros(decpt - vStart)
            out.append(point)
            zeros(-decpt)
        } else {
            zeros(-vStart)
        }
        if 0 < decpt && decpt <= n {
            out.append(contentsOf: digits[0..<decpt])
            out.append(point)
            out.append(contentsOf: digits[decpt...])
        } else {
            out.append(contentsOf: digits)
        }
        if n < decpt {
            zeros(decpt - n)
            out.append(point)
            zeros(vEnd - decpt)
        } else {
            zeros(vEnd - n)
        }
        if out.last == point && !alternate { out.removeLast() }
        if useExponent {
            out.append(uppercase ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = String(exponent.magnitude)
            if magnitude.count < 2 { out.append(zero) }
            out.append(contentsOf: magnitude.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension FloatLayout {
    /// A layout with `code` and `precision`, other options off.
    package init(code: Code, precision: Int) {
        self.init(code: code, precision: precision, addDotZero: false)
    }
}
