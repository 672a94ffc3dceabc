/// Substring search in one haystack in linear time (Knuth–Morris–Pratt over UTF-8 bytes, which matches exactly
/// where code points match), so `in`, `find`, `count`, `split` and `replace` cost O(n + m)
/// however the needle repeats itself. The haystack is read in place; the needle's tables and the
/// list of matches are counted with `reserve` (the run's memory account) before they are made,
/// and a needle longer than the haystack makes none. Long searches poll the run's watchdog.
struct StringSearch {
    private let needle: [UInt8]
    /// `failure[i]`: the length of the longest proper border of `needle[...i]`.
    private let failure: [Int]
    private let hay: String
    private let reserve: (Int) throws -> Void

    init(for needle: String, in hay: String, reserve: @escaping (Int) throws -> Void) throws {
        self.hay = hay
        self.reserve = reserve
        guard needle.utf8.count <= hay.utf8.count else {
            self.needle = []
            failure = []
            return
        }
        try reserve(needle.utf8.count * (1 + MemoryLayout<Int>.stride))
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

    /// Calls `body` with the byte offset of each match of the needle (when not empty, nor longer
    /// than the haystack) in the haystack, in order, while it returns true; non-overlapping
    /// matches unless `overlapping`.
    private func forEachOccurrence(overlapping: Bool, _ body: (Int) throws -> Bool) throws {
        guard !needle.isEmpty else { return }
        var hay = hay
        try hay.withUTF8 { bytes in
            var k = 0
            for (i, c) in bytes.enumerated() {
                if i & 65535 == 0 { try RunWatchdog.poll() }
                while k > 0 && c != needle[k] { k = failure[k - 1] }
                if c == needle[k] { k += 1 }
                guard k == needle.count else { continue }
                guard try body(i + 1 - k) else { return }
                k = overlapping ? failure[k - 1] : 0
            }
        }
    }

    /// Byte offsets where the needle starts, at most `limit` of them (nil: all), the list counted
    /// as it grows.
    func occurrences(overlapping: Bool, limit: Int? = nil) throws -> [Int] {
        var found = [Int]()
        if limit.map({ $0 <= 0 }) == true { return found }
        try forEachOccurrence(overlapping: overlapping) { offset in
            if found.count == found.capacity { try reserve(2 * max(found.count, 512) * MemoryLayout<Int>.stride) }
            found.append(offset)
            return found.count != limit
        }
        return found
    }

    /// The byte offset of the first match (the last with `last`), found with no list.
    func offset(last: Bool) throws -> Int? {
        var offset: Int?
        try forEachOccurrence(overlapping: true) { found in
            offset = found
            return last
        }
        return offset
    }

    /// How many non-overlapping matches the haystack holds.
    func count() throws -> Int {
        var count = 0
        try forEachOccurrence(overlapping: false) { _ in
            count += 1
            return true
        }
        return count
    }

    /// Whether a (non-empty) needle occurs in the haystack.
    func occurs() throws -> Bool {
        try offset(last: false) != nil
    }
}

extension String {
    /// The character offset of the character starting at UTF-8 offset `byte`.
    func characterOffset(ofByte byte: Int) -> Int {
        distance(from: startIndex, to: utf8.index(utf8.startIndex, offsetBy: byte))
    }

    /// The text between UTF-8 offsets `bytes`, which fall between characters (where a search
    /// matched), without copying it.
    func text(ofBytes bytes: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        return self[start..<utf8.index(start, offsetBy: bytes.count)]
    }
}
