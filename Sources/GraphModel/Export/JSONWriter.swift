/// Writes JSON text with keys in the order they are written (so output is deterministic).
/// The text is built as UTF-8 bytes in a `ByteSink`, keys are the schema's literals copied as
/// they are, integers are formatted straight into the buffer, a double's digits are kept for
/// the next number with the same bits, and strings are copied whole when they need no escaping:
/// nothing per value allocates. A writer is a handle to its buffer: copies of
/// one write into the same text.
///
/// Kept instead of Foundation's `JSONSerialization` because it is an order of magnitude faster
/// and its output is the documented format: `gradscope-bench --only dump` (release,
/// OPENBLAS_NUM_THREADS=1, 100k-op chain, 1225 bytes/op) measured json() at 6.3 s and
/// `JSONSerialization.data(withJSONObject:)` of the same document, already built as a tree, at
/// 71.6 s (figures `dump_json_s` and `dump_json_foundation_s`; the 2-core machine was shared, so
/// both are slow in absolute terms). `JSONSerialization` would also reorder keys and cannot write
/// NaN or infinities.
package struct JSONWriter {
    private let sink: ByteSink
    /// Whether the next value in the innermost open object or array needs a comma before it.
    /// Closing one needs no stack: the object or array around it has a value now (the one closed).
    private var needsComma = false

    /// An empty writer with room for `capacity` bytes.
    package init(reserving capacity: Int = 0) { sink = ByteSink(capacity: capacity) }

    /// A writer that hands its text to `drain` in pieces of about `chunk` bytes as it goes
    /// (`text` is then only what is not yet handed over); `finish()` hands over the rest.
    package init(chunk: Int, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        sink = ByteSink(capacity: chunk, drain: drain)
    }

    /// The JSON written so far.
    package var text: String { sink.text }

    /// Hands a draining writer's last piece over.
    package func finish() { sink.finish() }

    @inline(__always) private mutating func separate() {
        if needsComma { sink.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    @inline(__always) private mutating func open(_ bracket: UInt8) {
        separate()
        sink.append(bracket)
        needsComma = false
    }

    @inline(__always) private mutating func close(_ bracket: UInt8) {
        sink.append(bracket)
        needsComma = true
    }

    /// Opens an object, array; closes the innermost one.
    @inline(__always) package mutating func beginObject() { open(UInt8(ascii: "{")) }
    @inline(__always) package mutating func endObject() { close(UInt8(ascii: "}")) }
    @inline(__always) package mutating func beginArray() { open(UInt8(ascii: "[")) }
    @inline(__always) package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":` inside an object; the next value written is its value. Keys are the
    /// schema's literal names, copied as they are (they never need escaping). Inlined, so that
    /// at each call site the literal's length and bytes are constants and the copy becomes a
    /// few fixed stores (callgrind: the out-of-line byte loop was a sixth of writing a dump).
    @inline(__always) package mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation, name.utf8CodeUnitCount <= 60 else { return longKey(name) }
        // One check for room, then `,"name":` copied in place.
        let length = name.utf8CodeUnitCount
        sink.reserve(length + 4)
        sink.putKey(name.utf8Start, count: length, comma: needsComma)
        needsComma = false
    }

    /// `key` for a literal longer than the room `reserve` makes, or not stored as UTF-8.
    private mutating func longKey(_ name: StaticString) {
        separate()
        sink.append(UInt8(ascii: "\""))
        sink.append(name)
        sink.append("\":")
        needsComma = false
    }

    /// Writes `"name":` for a key made at run time (an id), escaped like a string value.
    package mutating func key(computed name: String) {
        separate()
        string(name)
        sink.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a value (an array element, or the value of the last `key`).
    package mutating func value(_ s: String) {
        separate()
        string(s)
    }
    /// Writes a string value whose bytes, already escaped, `body` appends to the writer's buffer.
    mutating func value(escapedBy body: (ByteSink) -> Void) {
        separate()
        sink.append(UInt8(ascii: "\""))
        body(sink)
        sink.append(UInt8(ascii: "\""))
    }
    /// Writes an object's member `"name":value` whose JSON text, `bytes`, was made beforehand.
    @inline(__always) mutating func member(encoded bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        sink.append(bytes)
    }
    /// Writes a string value known to need no escaping (a keyword of the schema).
    @inline(__always) mutating func value(keyword: StaticString) {
        separate()
        sink.append(UInt8(ascii: "\""))
        sink.append(keyword)
        sink.append(UInt8(ascii: "\""))
    }
    @inline(__always) package mutating func value(_ n: Int) {
        separate()
        integer(n)
    }
    @inline(__always) package mutating func value(_ b: Bool) {
        separate()
        sink.append(b ? "true" : "false")
    }
    package mutating func null() {
        separate()
        sink.append("null")
    }

    /// Finite numbers in Swift's shortest round-trip form; NaN and infinities as the strings
    /// `"nan"`, `"inf"`, `"-inf"` (JSON has no literal for them).
    package mutating func value(_ d: Double) {
        separate()
        if d.isNaN {
            sink.append("\"nan\"")
        } else if d.isInfinite {
            sink.append(d < 0 ? "\"-inf\"" : "\"inf\"")
        } else if abs(d) < 1e15 && d == Double(Int(d)) {
            // Integral (`Int(d)` drops a fraction; cheaper than `rounded()`, a call into libm).
            integer(Int(d))
        } else {
            sink.appendShortest(d)
        }
    }

    package mutating func value(_ n: Int?) { if let n { value(n) } else { null() } }
    package mutating func ints(_ a: [Int]) {
        beginArray()
        sink.appendDecimals(a)
        endArray()
    }

    /// Writes `"name":value`.
    @inline(__always) package mutating func field(_ name: StaticString, _ v: String) {
        key(name)
        value(v)
    }
    @inline(__always) package mutating func field(_ name: StaticString, _ v: Int) {
        key(name)
        value(v)
    }
    @inline(__always) package mutating func field(_ name: StaticString, _ v: Int?) {
        key(name)
        value(v)
    }
    @inline(__always) package mutating func field(_ name: StaticString, _ v: Bool) {
        key(name)
        value(v)
    }
    @inline(__always) package mutating func field(_ name: StaticString, _ v: [Int]) {
        key(name)
        ints(v)
    }
    /// Writes `"name":[ids...]` from a column of 32-bit ids.
    @inline(__always) mutating func field(_ name: StaticString, _ v: ArraySlice<Int32>) {
        key(name)
        beginArray()
        v.withUnsafeBufferPointer { sink.appendDecimals($0) }
        endArray()
    }

    /// Writes an array of numbers as `value(_: Double)` writes each.
    mutating func doubles(_ a: UnsafeBufferPointer<Double>) {
        beginArray()
        for x in a { value(x) }
        endArray()
    }

    /// Decimal digits of `n`, written straight into the buffer (no intermediate string).
    private func integer(_ n: Int) { sink.appendDecimal(n) }

    /// Writes `s` as a JSON string (see `ByteSink.appendEscaped`).
    private func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    private func string(utf8: UnsafeBufferPointer<UInt8>) {
        sink.append(UInt8(ascii: "\""))
        sink.appendEscaped(utf8)
        sink.append(UInt8(ascii: "\""))
    }
}
