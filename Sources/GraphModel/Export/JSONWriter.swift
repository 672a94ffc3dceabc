/// Writes JSON text with keys in the order they are written (so output is deterministic).
struct JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    init(reserving capacity: Int = 0) { text.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject() { separate(); text += "{"; needsComma.append(false) }
    mutating func endObject() { text += "}"; needsComma.removeLast() }
    mutating func beginArray() { separate(); text += "["; needsComma.append(false) }
    mutating func endArray() { text += "]"; needsComma.removeLast() }

    /// Writes `"name":` inside an object; the next value written is its value.
    mutating func key(_ name: String) {
        separate()
        string(name)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    mutating func value(_ s: String) { separate(); string(s) }
    mutating func value(_ n: Int) { separate(); text += String(n) }
    mutating func value(_ b: Bool) { separate(); text += b ? "true" : "false" }
    mutating func null() { separate(); text += "null" }

    /// Finite numbers in Swift's shortest round-trip form; NaN and infinities as the strings
    /// `"nan"`, `"inf"`, `"-inf"` (JSON has no literal for them).
    mutating func value(_ d: Double) {
        separate()
        if d.isNaN { text += "\"nan\"" } else if d.isInfinite { text += d < 0 ? "\"-inf\"" : "\"inf\"" } else {
            text += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        }
    }

    mutating func value(_ n: Int?) { if let n { value(n) } else { null() } }
    mutating func ints(_ a: [Int]) { beginArray(); for n in a { value(n) }; endArray() }

    mutating func field(_ name: String, _ v: String) { key(name); value(v) }
    mutating func field(_ name: String, _ v: Int) { key(name); value(v) }
    mutating func field(_ name: String, _ v: Int?) { key(name); value(v) }
    mutating func field(_ name: String, _ v: Bool) { key(name); value(v) }
    mutating func field(_ name: String, _ v: [Int]) { key(name); ints(v) }

    private mutating func string(_ s: String) {
        text += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(u)
                }
            }
        }
        text += "\""
    }
}
