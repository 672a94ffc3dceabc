/// Substring search in linear time (Knuth–Morris–Pratt over UTF-8 bytes, which matches exactly
/// where code points match), so `in`, `find`, `count`, `split` and `replace` cost O(n + m)
/// however the needle repeats itself. Long searches poll the run's watchdog.
struct StringSearch {
    let needle: [UInt8]
    /// `failure[i]`: the length of the longest proper border of `needle[...i]`.
    private let failure: [Int]

    init(_ needle: String) {
        let needle = Array(needle.utf8)
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in needle.indices.dropFirst() {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        self.needle = needle
        self.failure = failure
    }

    /// Byte offsets where the (non-empty) needle starts in `hay`, at most `limit` of them (nil:
    /// all); non-overlapping matches unless `overlapping`.
    func occurrences(in hay: [UInt8], overlapping: Bool, limit: Int? = nil) throws -> [Int] {
        var found = [Int]()
        if needle.isEmpty || limit.map({ $0 <= 0 }) == true { return found }
        var k = 0
        for (i, c) in hay.enumerated() {
            if i & 65535 == 0 { try RunWatchdog.poll() }
            while k > 0 && c != needle[k] { k = failure[k - 1] }
            if c == needle[k] { k += 1 }
            guard k == needle.count else { continue }
            found.append(i + 1 - k)
            if found.count == limit { break }
            k = overlapping ? failure[k - 1] : 0
        }
        return found
    }

    /// Whether the needle occurs in `hay` (an empty needle always does).
    func occurs(in hay: String) throws -> Bool {
        try needle.isEmpty || !occurrences(in: Array(hay.utf8), overlapping: false, limit: 1).isEmpty
    }
}

extension String {
    /// The character offset of the character starting at UTF-8 offset `byte`.
    func characterOffset(ofByte byte: Int) -> Int {
        distance(from: startIndex, to: utf8.index(utf8.startIndex, offsetBy: byte))
    }
}
