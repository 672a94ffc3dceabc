import Foundation
import Testing

@testable import GraphModel

@Test func integersAndKeysAreWrittenWithoutIntermediateStrings() {
    var w = JSONWriter()
    w.beginObject()
    w.field("ints", [0, 7, -5, 10, 1_234_567_890, Int.max, Int.min])
    w.key("doubles")
    w.beginArray()
    for d in [3.0, -0.0, -42.0, 0.5, 1e15, .nan, -.infinity] { w.value(d) }
    w.endArray()
    w.field("none", nil as Int?)
    w.field("text", "a\"b\\\n\u{1}é")
    w.endObject()
    #expect(
        w.text == #"{"ints":[0,7,-5,10,1234567890,9223372036854775807,-9223372036854775808],"#
            + #""doubles":[3,0,-42,0.5,1000000000000000.0,"nan","-inf"],"none":null,"text":"a\"b\\\n\u0001é"}"#)
}

@Test func computedKeysAreEscapedAndSeparatedLikeLiteralKeys() {
    var w = JSONWriter()
    w.beginObject()
    w.key(computed: "t12")
    w.value(1)
    w.key(computed: "a\"b\\\n")
    w.beginArray()
    w.endArray()
    w.field("last", true)
    w.endObject()
    #expect(w.text == #"{"t12":1,"a\"b\\\n":[],"last":true}"#)
}

/// Digits are counted before they are written in place: every length from 1 to 19, both
/// sides of each power of ten, both signs.
@Test func integersAtEveryPowerOfTenKeepTheirDigits() {
    var numbers = [0, Int.max, Int.min, Int.min + 1]
    var power = 1
    for _ in 0..<19 {
        numbers += [power - 1, power, power + 1, -(power - 1), -power]
        if power <= Int.max / 10 { power *= 10 }
    }
    var w = JSONWriter()
    w.ints(numbers)
    #expect(w.text == "[" + numbers.map(String.init).joined(separator: ",") + "]")
}

/// The documented number forms: integral doubles below 1e15 as integers (-0.0 as 0), others in
/// Swift's shortest round-trip form, non-finite ones as strings.
@Test func doublesKeepTheirDocumentedForms() {
    let cases: [(Double, String)] = [
        (-0.0, "0"), (1e-7, "1e-07"), (1e21, "1e+21"), (999_999_999_999_999, "999999999999999"),
        (1e15, "1000000000000000.0"), (1e16, "1e+16"), (9_007_199_254_740_992, "9007199254740992.0"),
        (-123_456_789_012_345, "-123456789012345"), (0.1, "0.1"), (1.000100016593933, "1.000100016593933"),
        (.leastNonzeroMagnitude, "5e-324"), (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-2.5, "-2.5"),
        (.nan, "\"nan\""), (.infinity, "\"inf\""), (-.infinity, "\"-inf\"")
    ]
    for (d, text) in cases {
        var w = JSONWriter()
        w.value(d)
        #expect(w.text == text, "\(d)")
    }
}

/// Keys are copied in place after one check for room; a writer handing its text over in
/// pieces makes that room by handing over, and keys of any length come out whole.
@Test func keysOfAnyLengthSurviveAWriterDrainedInPieces() {
    let keys: [StaticString] = [
        "a", "op", "seventeen_letters",
        "a_key_of_exactly_sixty_bytes_which_is_the_longest_copied_here",
        "a_key_longer_than_sixty_bytes_which_is_appended_the_ordinary_way_instead"
    ]
    func write(_ w: inout JSONWriter) {
        w.beginObject()
        for round in 0..<20 {
            for k in keys {
                w.key(k)
                w.value(round * 1_000_003)
            }
        }
        w.endObject()
    }
    let (whole, pieces) = writtenWholeAndInPieces(write)
    #expect(pieces == whole)
    #expect(whole.hasPrefix(#"{"a":0,"op":0,"seventeen_letters":0,"a_key_of_exactly"#))
}

/// Every finite double not written as an integer has exactly the digits of `String(d)`:
/// a fixed sample of bit patterns across all exponents, and their neighbours.
@Test func doublesHaveTheDigitsOfTheirDescription() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var checked = 0
    for _ in 0..<20_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        for bits in [state, state &+ 1, state & 0x800F_FFFF_FFFF_FFFF | 0x3FF0_0000_0000_0000] {
            let d = Double(bitPattern: bits)
            guard d.isFinite, !(d == d.rounded() && abs(d) < 1e15) else { continue }
            var w = JSONWriter()
            w.value(d)
            #expect(w.text == String(d))
            checked += 1
        }
    }
    #expect(checked > 40_000)
}

/// The digits of the double written last are reused when the same bits come again: a long
/// run of repeats, alternations and neighbours (one ulp apart, so a single digit differs) in
/// one writer keeps every number's own digits (integral ones are written as integers).
@Test func repeatedDoublesKeepTheirOwnDigits() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var numbers: [Double] = []
    for _ in 0..<5_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let d = Double(bitPattern: state >> 2 | 0x3000_0000_0000_0000)
        numbers += [d, d, d.nextUp, d, -d, Double(Float(d)), Double(Float(d)), d.nextDown, 0.1, 0.1]
    }
    var w = JSONWriter()
    numbers.withUnsafeBufferPointer { w.doubles($0) }
    let expected = numbers.map { d in d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
    #expect(w.text == "[" + expected.joined(separator: ",") + "]")
}

/// Integers of every length and sign, from many bit patterns, have the digits of `String(n)`.
@Test func integersOfManyBitPatternsKeepTheirDigits() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var numbers: [Int] = []
    for shift in 0..<64 {
        for _ in 0..<40 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            numbers.append(Int(bitPattern: UInt(state >> UInt64(shift))))
            numbers.append(-Int(truncatingIfNeeded: state >> UInt64(max(shift, 1))))
        }
    }
    var w = JSONWriter()
    w.ints(numbers)
    #expect(w.text == "[" + numbers.map(String.init).joined(separator: ",") + "]")
}

/// Strings are scanned eight bytes at a time for bytes to escape: a quote, a backslash, a
/// control byte and their neighbours (0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F, a two-byte
/// character) at every position of strings of every length up to 24 come out as a byte-wise
/// escape writes them.
@Test func stringsAreEscapedWhereverTheSpecialByteFalls() {
    func reference(_ bytes: [UInt8]) -> String {
        var out = "\""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u00" + String(format: "%02x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
    let specials: [[UInt8]] = [
        [0x22], [0x5C], [0x0A], [0x00], [0x1F], [0x09], [0x20], [0x21], [0x5B], [0x5D], [0x7F], [0xC3, 0xA9]
    ]
    for length in 0...24 {
        for position in 0...length {
            for special in specials {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes.insert(contentsOf: special, at: position)
                let text = String(decoding: bytes, as: UTF8.self)
                var w = JSONWriter()
                w.value(text)
                #expect(w.text == reference(bytes), "\(bytes)")
            }
        }
    }
}

/// Short byte runs are copied as two or three overlapping words when 8 to 24 bytes long, byte by
/// byte when shorter, by memcpy when longer: strings of every length up to 40 (each byte distinct, so a misplaced word shows)
/// and number lists come out whole, also from a writer handing its text over in 64-byte pieces.
@Test func shortRunsAndNumberListsSurviveAWriterDrainedInPieces() {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    func write(_ w: inout JSONWriter) {
        w.beginArray()
        for n in 0...40 {
            w.value(String(letters[n % 7..<n % 7 + n]))
            w.ints((0..<n).map { $0 * 9_973 - 50_000 })
        }
        w.endArray()
    }
    let (whole, pieces) = writtenWholeAndInPieces(write)
    var expected: [String] = []
    for n in 0...40 {
        expected.append("\"" + String(letters[n % 7..<n % 7 + n]) + "\"")
        expected.append("[" + (0..<n).map { String($0 * 9_973 - 50_000) }.joined(separator: ",") + "]")
    }
    #expect(whole == "[" + expected.joined(separator: ",") + "]")
    #expect(pieces == whole)
}

/// The text `write` makes in one writer, and in a writer handing it over in 64-byte pieces.
private func writtenWholeAndInPieces(_ write: (inout JSONWriter) -> Void) -> (whole: String, pieces: String) {
    var whole = JSONWriter()
    write(&whole)
    var bytes: [UInt8] = []
    var pieces = JSONWriter(chunk: 64) { bytes.append(contentsOf: $0) }
    write(&pieces)
    pieces.finish()
    return (whole.text, String(decoding: bytes, as: UTF8.self))
}
