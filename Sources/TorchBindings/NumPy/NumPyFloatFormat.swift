import Foundation
import Python

/// numpy's Dragon4 float formatting (`dragon4_positional` / `dragon4_scientific` in
/// numpy/_core/arrayprint.py), built on the shortest round-trip digits of the value at its
/// own precision (float32 values get float32's shortest digits).
struct NumPyFloatFormat {
    /// Significant digits, without leading or trailing zeros (empty for zero).
    var digits: [UInt8]
    /// The value is 0.d1d2d3... × 10^pointPosition.
    var pointPosition: Int
    var negative: Bool

    /// The shortest digits that read back as `x` at float32 or float64 precision.
    init(_ x: Double, float32: Bool) {
        let text = float32 ? Float(x).magnitude.description : x.magnitude.description
        self.init(parsing: text, negative: x.sign == .minus)
    }

    /// Parses Swift's or Python's `%e`/`%f` style text ("123.45", "1.5e-05", "1e+16").
    private init(parsing text: String, negative: Bool) {
        self.negative = negative
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let integer = Array(mantissa[0].utf8).map { $0 - 48 }
        let fraction = mantissa.count > 1 ? Array(mantissa[1].utf8).map { $0 - 48 } : []
        var all = integer + fraction
        var point = integer.count + exponent
        while let first = all.first, first == 0 {
            all.removeFirst()
            point -= 1
        }
        while let last = all.last, last == 0 { all.removeLast() }
        digits = all
        pointPosition = all.isEmpty ? 1 : point
    }

    /// The digits rounded to `count` places after the point (positional) or after the first
    /// digit (scientific), correctly rounded from the exact value like Dragon4's cutoff.
    private static func rounded(_ x: Double, places: Int, scientific: Bool) -> NumPyFloatFormat {
        let spec = ".\(places)\(scientific ? "e" : "f")"
        let text = (try? PythonFormat.format(.float(x.magnitude), spec: spec)) ?? "0"
        return NumPyFloatFormat(parsing: text, negative: x.sign == .minus)
    }

    /// `dragon4_positional(x, precision, unique=True, fractional=True, trim, min_digits,
    /// pad_left, pad_right)`; `trim` is "." (keep the point, drop trailing zeros) or "k".
    static func positional(
        _ x: Double, float32: Bool, precision: Int, minDigits: Int = 0, trim: Character = ".", padLeft: Int = 0, padRight: Int = 0
    ) -> String {
        var f = NumPyFloatFormat(x, float32: float32)
        let places = f.digits.count - f.pointPosition
        if places > precision {
            f = rounded(x, places: precision, scientific: false)
        } else if places < minDigits {
            f = rounded(x, places: minDigits, scientific: false)
        }
        let intDigits = f.pointPosition > 0 ? f.digitString(0, f.pointPosition) : "0"
        var frac: String
        if f.pointPosition < 0 {
            frac = String(repeating: "0", count: -f.pointPosition) + f.digitString(0, f.digits.count)
        } else {
            frac = f.pointPosition < f.digits.count ? f.digitString(f.pointPosition, f.digits.count) : ""
        }
        if frac.allSatisfy({ $0 == "0" }) { frac = "" }
        if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
        let intPart = (f.negative ? "-" : "") + intDigits
        let padded = String(repeating: " ", count: max(0, padLeft - intPart.count)) + intPart
        return padded + "." + frac + String(repeating: " ", count: max(0, padRight - frac.count))
    }

    /// `dragon4_scientific(x, precision, unique=True, trim, min_digits, pad_left, exp_digits)`.
    static func scientific(
        _ x: Double, float32: Bool, precision: Int, minDigits: Int = 0, padLeft: Int = 0, expDigits: Int = -1
    ) -> String {
        var f = NumPyFloatFormat(x, float32: float32)
        // min_digits asks for more real digits than the shortest ones, not trailing zeros.
        if f.digits.count - 1 > precision {
            f = rounded(x, places: precision, scientific: true)
        } else if f.digits.count - 1 < minDigits {
            f = rounded(x, places: minDigits, scientific: true)
        }
        let exponent = f.digits.isEmpty ? 0 : f.pointPosition - 1
        let lead = f.digits.isEmpty ? "0" : f.digitString(0, 1)
        var frac = f.digits.count > 1 ? f.digitString(1, f.digits.count) : ""
        if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
        let intPart = (f.negative ? "-" : "") + lead
        let padded = String(repeating: " ", count: max(0, padLeft - intPart.count)) + intPart
        let expText = String(abs(exponent))
        let width = max(expDigits, 2)
        return padded + "." + frac + "e" + (exponent < 0 ? "-" : "+")
            + String(repeating: "0", count: max(0, width - expText.count)) + expText
    }

    /// `str()` of a numpy float scalar: the shortest digits, positional between 1e-4 and
    /// 1e16 (1e6 for float32), else scientific, like Python's float repr.
    static func scalarString(_ x: Double, float32: Bool) -> String {
        if !float32 { return PythonFormat.floatRepr(x) }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let a = Double(Float(x)).magnitude
        if a == 0 || (a >= 1e-4 && a < 1e6) {
            let s = positional(x, float32: true, precision: 20)
            return s.hasSuffix(".") ? s + "0" : s
        }
        let s = scientific(x, float32: true, precision: 20)
        return s.replacingOccurrences(of: ".e", with: "e")
    }

    private func digitString(_ from: Int, _ to: Int) -> String {
        var s = ""
        for i in from..<to { s.append(Character(Unicode.Scalar(48 + (i < digits.count ? digits[i] : 0)))) }
        return s
    }
}
