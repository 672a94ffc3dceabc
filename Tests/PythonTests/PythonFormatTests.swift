import Foundation
import Testing

@testable import Python

// Expectations below were produced by CPython 3.11 (`repr`, `format`, `round`); the fixture
// Fixtures/python_format_cases.json holds several thousand more, generated the same way.

private func double(_ hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16) ?? 0) }

private struct PythonCases: Decodable {
    struct FloatRepr: Decodable {
        let bits: String
        let out: String
    }
    struct Format: Decodable {
        let kind: String
        let bits: String?
        let int: Int?
        let bool: Bool?
        let str: String?
        let spec: String
        let out: String?
        let error: String?
    }
    struct Round: Decodable {
        let x: String
        let ndigits: Int?
        let int: Int?
        let bits: String?
        let error: String?
    }
    struct StringRepr: Decodable {
        let value: String
        let out: String
    }

    let floatRepr: [FloatRepr]
    let format: [Format]
    let round: [Round]
    let stringRepr: [StringRepr]
}

private let pythonCases: PythonCases? = {
    guard let base = Bundle.module.resourceURL,
        let data = try? Data(contentsOf: base.appendingPathComponent("Fixtures/python_format_cases.json"))
    else { return nil }
    return try? JSONDecoder().decode(PythonCases.self, from: data)
}()

/// The result of formatting as `"out"` or `"ValueError: message"`.
private func formatted(_ value: FormatValue, _ spec: String) -> String {
    do {
        return try PythonFormat.format(value, spec: spec)
    } catch let error as FormatError {
        return error.description
    } catch {
        return "\(error)"
    }
}

// MARK: repr(float)

@Test func floatReprMatchesPython() {
    let cases: [(Double, String)] = [
        (0.1, "0.1"), (10.5, "10.5"), (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (1e-05, "1e-05"),
        (0.0001, "0.0001"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
        (123456789012345.0, "123456789012345.0"), (12345678901234567.0, "1.2345678901234568e+16"),
        (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"), (.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (2.0 / 3.0, "0.6666666666666666"),
        (0.30000000000000004, "0.30000000000000004"), (1e22, "1e+22"), (1e23, "1e+23"),
        (Double(Float(0.1)), "0.10000000149011612"), (-1.5e-7, "-1.5e-07"), (100.0, "100.0")
    ]
    for (d, expected) in cases { #expect(PythonFormat.floatRepr(d) == expected) }
}

@Test func floatReprMatchesPythonOnFixture() throws {
    let cases = try #require(pythonCases).floatRepr
    #expect(cases.count > 1000)
    for c in cases { #expect(PythonFormat.floatRepr(double(c.bits)) == c.out, "\(c.bits)") }
}

// MARK: format()

@Test func formatFloats() {
    let cases: [(Double, String, String)] = [
        (3.14159, ".4f", "3.1416"), (0.125, ".2f", "0.12"), (0.375, ".2f", "0.38"), (2.675, ".2f", "2.67"),
        (1234.5, ",.2f", "1,234.50"), (1234.5, "_.1f", "1_234.5"), (-1234.5, "012,.1f", "-0,001,234.5"),
        (1.5, "e", "1.500000e+00"), (12345.678, ".3E", "1.235E+04"), (0.0001234, "g", "0.0001234"),
        (0.00001234, "g", "1.234e-05"), (1e6, "g", "1e+06"), (123456.0, "g", "123456"),
        (1.0, "#g", "1.00000"), (1.0, "#.0f", "1."), (1.0, "#.0e", "1.e+00"), (0.25, "%", "25.000000%"),
        (0.25, ".1%", "25.0%"), (1.0, "", "1.0"), (1.0, ".3", "1.0"), (123.0, ".3", "1.23e+02"),
        (100.0, ".5", "100.0"), (1e16, ">10", "     1e+16"), (2.5, "+", "+2.5"), (2.5, " ", " 2.5"),
        (-2.5, "*^9", "**-2.5***"), (-2.5, "*=9", "-*****2.5"), (-2.5, "09", "-000002.5"),
        (.nan, "+", "+nan"), (-Double.nan, "f", "nan"), (.infinity, "010", "0000000inf"),
        (-.infinity, "F", "-INF"), (.nan, "E", "NAN"), (-0.0, "", "-0.0"), (-0.0, "z", "0.0"),
        (-0.0001, "z.2f", "0.00"), (-0.0001, ".2f", "-0.00"), (1e300, ".2e", "1.00e+300"),
        (.leastNonzeroMagnitude, "g", "4.94066e-324"), (0.5, ".0f", "0"), (1.5, ".0f", "2"), (2.5, ".0f", "2"),
        (1234567.0, "n", "1.23457e+06"), (0.1, ".20f", "0.10000000000000000555"),
        (1.0, ".17g", "1"), (0.1, ".17g", "0.10000000000000001")
    ]
    for (d, spec, expected) in cases { #expect(formatted(.float(d), spec) == expected, "\(d) \(spec)") }
}

@Test func formatInts() {
    let cases: [(Int, String, String)] = [
        (42, "", "42"), (42, "5", "   42"), (42, "<5", "42   "), (42, "^6", "  42  "), (-42, "=6", "-   42"),
        (-42, "06", "-00042"), (1234567, ",", "1,234,567"), (1234567, "_", "1_234_567"), (1234, "08,", "0,001,234"),
        (1234, "09,", "0,001,234"), (1234, "0=10,", "00,001,234"), (255, "x", "ff"), (255, "#X", "0XFF"),
        (255, "#_b", "0b1111_1111"), (-255, "#o", "-0o377"), (65, "c", "A"), (65, "05c", "0000A"),
        (5, "+d", "+5"), (5, " d", " 5"), (5, "e", "5.000000e+00"), (5, ".2f", "5.00"), (5, "%", "500.000000%"),
        (Int.min, "", "-9223372036854775808"), (Int.min, "x", "-8000000000000000"), (1000000, "n", "1000000"),
        (12, "g", "12"), (0, "#x", "0x0")
    ]
    for (i, spec, expected) in cases { #expect(formatted(.int(i), spec) == expected, "\(i) \(spec)") }
}

@Test func formatBoolsAndStrings() {
    #expect(formatted(.bool(true), "") == "True")
    #expect(formatted(.bool(true), ">5") == "    1")
    #expect(formatted(.bool(false), "d") == "0")
    #expect(formatted(.bool(true), ".2f") == "1.00")
    #expect(formatted(.string("ab"), "") == "ab")
    #expect(formatted(.string("ab"), "05") == "ab000")
    #expect(formatted(.string("ab"), ">5") == "   ab")
    #expect(formatted(.string("ab"), "*^6") == "**ab**")
    #expect(formatted(.string("abcdef"), ".3") == "abc")
    #expect(formatted(.string("abcdef"), "8.2s") == "ab      ")
    #expect(formatted(.string("日本語"), "^7") == "  日本語  ")
}

@Test func formatErrorsCarryPythonMessages() {
    let cases: [(FormatValue, String, String)] = [
        (.float(1.5), "d", "Unknown format code 'd' for object of type 'float'"),
        (.int(1), "s", "Unknown format code 's' for object of type 'int'"),
        (.string("a"), "d", "Unknown format code 'd' for object of type 'str'"),
        (.bool(true), "s", "Unknown format code 's' for object of type 'bool'"),
        (.float(1), ".", "Format specifier missing precision"),
        (.float(1), ".1000000000000f", "precision too big"),
        (.int(1), ",_", "Cannot specify both ',' and '_'."),
        (.int(1), "_,", "Cannot specify both ',' and '_'."),
        (.int(1), "abc", "Invalid format specifier 'abc' for object of type 'int'"),
        (.int(1), ",b", "Cannot specify ',' with 'b'."),
        (.int(1), ",n", "Cannot specify ',' with 'n'."),
        (.float(1), ",x", "Cannot specify ',' with 'x'."),
        (.string("s"), ",", "Cannot specify ',' with 's'."),
        (.string("ab"), "+", "Sign not allowed in string format specifier"),
        (.string("ab"), " ", "Space not allowed in string format specifier"),
        (.string("ab"), "z", "Negative zero coercion (z) not allowed in string format specifier"),
        (.string("x"), "=5", "'=' alignment not allowed in string format specifier"),
        (.string("x"), "#", "Alternate form (#) not allowed in string format specifier"),
        (.int(5), "z", "Negative zero coercion (z) not allowed in integer format specifier"),
        (.int(5), ".2", "Precision not allowed in integer format specifier"),
        (.int(65), "+c", "Sign not allowed with integer format specifier 'c'"),
        (.int(1), "99999999999999999999", "Too many decimal digits in format string")
    ]
    for (value, spec, message) in cases {
        #expect(formatted(value, spec) == "ValueError: " + message, "\(spec)")
    }
    #expect(formatted(.int(0x110000), "c") == "OverflowError: %c arg not in range(0x110000)")
}

@Test func formatMatchesPythonOnFixture() throws {
    let cases = try #require(pythonCases).format
    #expect(cases.count > 5000)
    for c in cases {
        let value: FormatValue
        switch c.kind {
        case "float": value = .float(double(c.bits ?? ""))
        case "int": value = .int(c.int ?? 0)
        case "bool": value = .bool(c.bool ?? false)
        default: value = .string(c.str ?? "")
        }
        let expected = c.out ?? c.error ?? ""
        #expect(formatted(value, c.spec) == expected, "\(c.kind) \(c.bits ?? "") \(String(describing: c.int)) '\(c.spec)'")
    }
}

// MARK: round()

@Test func roundMatchesPython() throws {
    #expect(try PythonFormat.round(0.7209302, digits: 4) == .float(0.7209))
    #expect(try PythonFormat.round(2.675, digits: 2) == .float(2.67))
    #expect(try PythonFormat.round(0.125, digits: 2) == .float(0.12))
    #expect(try PythonFormat.round(0.375, digits: 2) == .float(0.38))
    #expect(try PythonFormat.round(2.5, digits: nil) == .int(2))
    #expect(try PythonFormat.round(3.5, digits: nil) == .int(4))
    #expect(try PythonFormat.round(-2.5, digits: nil) == .int(-2))
    #expect(try PythonFormat.round(2.5, digits: 0) == .float(2.0))
    #expect(try PythonFormat.round(1234.5678, digits: -2) == .float(1200.0))
    #expect(try PythonFormat.round(25.0, digits: -1) == .float(20.0))
    #expect(try PythonFormat.round(35.0, digits: -1) == .float(40.0))
    #expect(try PythonFormat.round(25.000001, digits: -1) == .float(30.0))
    #expect(try PythonFormat.round(5.0, digits: -1) == .float(0.0))
    let negativeZero = try PythonFormat.round(-4.0, digits: -1)
    guard case .float(let z) = negativeZero else {
        Issue.record("not a float")
        return
    }
    #expect(z == 0 && z.sign == .minus)
    #expect(throws: FormatError("cannot convert float NaN to integer")) { try PythonFormat.round(.nan, digits: nil) }
    #expect(throws: FormatError("cannot convert float infinity to integer", exceptionType: "OverflowError")) {
        try PythonFormat.round(.infinity, digits: nil)
    }
    #expect(throws: FormatError("rounded value too large to represent", exceptionType: "OverflowError")) {
        try PythonFormat.round(1.7976931348623157e308, digits: -308)
    }
}

@Test func roundMatchesPythonOnFixture() throws {
    let cases = try #require(pythonCases).round
    #expect(cases.count > 3000)
    for c in cases {
        let x = double(c.x)
        let label = "round(\(PythonFormat.floatRepr(x)), \(String(describing: c.ndigits)))"
        do {
            let got = try PythonFormat.round(x, digits: c.ndigits)
            if let i = c.int {
                #expect(got == .int(i), "\(label)")
            } else if let bits = c.bits {
                guard case .float(let d) = got else {
                    Issue.record("\(label): expected a float, got \(got)")
                    continue
                }
                #expect(d.bitPattern == double(bits).bitPattern || (d.isNaN && double(bits).isNaN), "\(label)")
            } else {
                Issue.record("\(label): expected \(c.error ?? ""), got \(got)")
            }
        } catch let error as FormatError {
            #expect(error.description == c.error, "\(label)")
        }
    }
}

// MARK: repr(str)

@Test func stringReprMatchesPython() throws {
    #expect(PythonFormat.stringRepr("abc") == "'abc'")
    #expect(PythonFormat.stringRepr("it's") == "\"it's\"")
    #expect(PythonFormat.stringRepr("both ' and \"") == "'both \\' and \"'")
    #expect(PythonFormat.stringRepr("a\tb\nc\\") == "'a\\tb\\nc\\\\'")
    #expect(PythonFormat.stringRepr("\u{7f}\u{80}\u{a0}é") == "'\\x7f\\x80\\xa0é'")
    #expect(PythonFormat.stringRepr("\u{200b}\u{1F600}\u{F0000}") == "'\\u200b😀\\U000f0000'")
    let cases = try #require(pythonCases).stringRepr
    for c in cases { #expect(PythonFormat.stringRepr(c.value) == c.out, "\(c.out)") }
}
