import Foundation

/// Text that scripts make from values of any size (`repr`, `str`, f-strings, `%`, `str.format`,
/// `format()`), counted in the run's memory account before it is built and stopped by its time
/// limit between pieces.
extension Interpreter {
    /// `repr(v)`, or the error of the limit its text does not fit.
    package func reprText(_ v: Value) throws -> String {
        let text = Formatting.repr(v)
        try ReprGuard.take()
        return text
    }

    /// `str(v)`, or the error of the limit its text does not fit.
    package func strText(_ v: Value) throws -> String {
        let text = Formatting.str(v)
        try ReprGuard.take()
        return text
    }

    /// Admits `bytes` of new text: the time limit and interrupts, then the memory account. What
    /// `run()` gives `ReprGuard` to check the text of a repr with, and `LimitedText` its pieces.
    func admitText(_ bytes: Int) throws {
        try checkTime()
        try RunWatchdog.poll()
        try reserveBytes(bytes)
    }
}

/// Text built piece by piece from script values: before a piece enlarges it past what was
/// reserved, the new size (twice the old when that is more: growing copies the text into a buffer
/// up to twice its size) is reserved in the run's memory account, and the limits are checked
/// before every piece, so one expression cannot build text past `--max-memory` or `--timeout`.
struct LimitedText {
    private(set) var text = ""
    private var reserved = 0
    private unowned let interp: Interpreter

    init(_ interp: Interpreter) { self.interp = interp }

    mutating func append(_ piece: some StringProtocol) throws {
        let needed = text.utf8.count + piece.utf8.count
        var bytes = 0
        if needed > reserved {
            reserved = max(needed, 2 * reserved)
            bytes = reserved
        }
        try interp.admitText(bytes)
        text += piece
    }
}

extension Substring {
    /// The index of the first `byte` or `other` (ASCII characters) in the text, found by reading
    /// its UTF-8 in place: how formatting finds its next field in a template of any length.
    func firstIndex(ofASCII byte: UInt8, or other: UInt8? = nil) -> Index? {
        var text = self
        let offset = text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            guard let other else {
                return memchr(base, Int32(byte), bytes.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            }
            return bytes.firstIndex { $0 == byte || $0 == other }
        }
        return offset.map { utf8.index(startIndex, offsetBy: $0) }
    }
}
