/// numpy's `FloatingFormat` for floatmode 'maxprec', precision 8, no suppression: decides
/// once per array between positional and scientific notation and the padding every element
/// gets (arrayprint.py, `fillFormat` and `__call__`).
struct FloatingFormat {
    private let float32: Bool
    private var expFormat = false
    private var padLeft = 0
    private var padRight = 0
    private var precision = ArrayPrinter.precision
    private var minDigits = 0
    private var expSize = -1

    init(_ data: [Double], float32: Bool) {
        self.float32 = float32
        let finite = data.filter(\.isFinite)
        let nonZero = finite.filter { $0 != 0 }.map(\.magnitude)
        if let maxValue = nonZero.max(), let minValue = nonZero.min() {
            // 10 ** min(8, finfo(dtype).precision): float32's precision is 6.
            let cutoff = float32 ? 1e6 : 1e8
            expFormat = maxValue >= cutoff || minValue < 0.0001 || maxValue / minValue > 1000
        }
        if finite.isEmpty {
            padLeft = 0
            padRight = 0
            expSize = -1
        } else if expFormat {
            let strings = finite.map { NumPyFloatFormat.scientific($0, float32: float32, precision: ArrayPrinter.precision) }
            var fracMax = 0
            var intMax = 0
            var expMax = 0
            for s in strings {
                let mantissa = s.split(separator: "e")[0]
                let exponent = s.split(separator: "e")[1]
                let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
                intMax = max(intMax, parts[0].count)
                fracMax = max(fracMax, parts[1].count)
                expMax = max(expMax, exponent.count)
            }
            expSize = expMax - 1
            precision = fracMax
            minDigits = fracMax
            padLeft = intMax
            padRight = expSize + 2 + precision
        } else {
            let strings = finite.map { NumPyFloatFormat.positional($0, float32: float32, precision: ArrayPrinter.precision) }
            for s in strings {
                let parts = s.split(separator: ".", omittingEmptySubsequences: false)
                padLeft = max(padLeft, parts[0].count)
                padRight = max(padRight, parts[1].count)
            }
            minDigits = 0
        }
        if finite.count != data.count {
            let negativeInfinity = data.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + negativeInfinity - offset)
        }
    }

    func format(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
            return String(repeating: " ", count: max(0, padLeft + padRight + 1 - text.count)) + text
        }
        if expFormat {
            return NumPyFloatFormat.scientific(
                x, float32: float32, precision: precision, minDigits: minDigits, padLeft: padLeft, expDigits: expSize)
        }
        return NumPyFloatFormat.positional(
            x, float32: float32, precision: precision, minDigits: minDigits, padLeft: padLeft, padRight: padRight)
    }
}
