// Range checks for the integers of a dump, made while decoding so that a hostile file is refused
// with the place named (`tensors[2].line: expected an integer from 0 to 2147483647, found -1`)
// before any of its numbers is stored in a record (ids and lines are kept as Int32), used as an
// index, or multiplied into a byte count.

/// Ids, lines and versions: the records keep them as Int32.
let largestIndex = Int(Int32.max)

extension KeyedDecodingContainer {
    /// An id, line, version or position: an integer from 0 to `largestIndex`.
    func decodeIndex(forKey key: Key) throws -> Int {
        try checkIndex(decode(Int.self, forKey: key), forKey: key)
    }

    /// `decodeIndex`, or nil when the key is absent or null.
    func decodeIndexIfPresent(forKey key: Key) throws -> Int? {
        try decodeIfPresent(Int.self, forKey: key).map { try checkIndex($0, forKey: key) }
    }

    /// An array of ids or lines.
    func decodeIndices(forKey key: Key) throws -> [Int] {
        let values = try decode([Int].self, forKey: key)
        for (i, v) in values.enumerated() where !(0...largestIndex).contains(v) {
            throw outOfRange(v, at: "[\(i)]", upTo: largestIndex, forKey: key)
        }
        return values
    }

    /// `decodeIndices`, or nil when the key is absent or null.
    func decodeIndicesIfPresent(forKey key: Key) throws -> [Int]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeIndices(forKey: key)
    }

    /// A byte or element count: a non-negative integer.
    func decodeCount(forKey key: Key) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard value >= 0 else { throw outOfRange(value, at: "", upTo: Int.max, forKey: key) }
        return value
    }

    /// A tensor shape: non-negative sizes whose element count, times the widest dtype's 8 bytes,
    /// fits in an Int (so `byteCount` and `numel` cannot overflow, in any order of multiplying).
    func decodeShape(forKey key: Key) throws -> [Int] {
        let shape = try decode([Int].self, forKey: key)
        var bytes = 8
        for (i, n) in shape.enumerated() {
            guard n >= 0 else { throw outOfRange(n, at: "[\(i)]", upTo: Int.max, forKey: key) }
            let (product, overflow) = bytes.multipliedReportingOverflow(by: max(n, 1))
            guard !overflow else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "\(shape) has more elements than fit in memory")
            }
            bytes = product
        }
        return shape
    }

    private func checkIndex(_ value: Int, forKey key: Key) throws -> Int {
        guard (0...largestIndex).contains(value) else { throw outOfRange(value, at: "", upTo: largestIndex, forKey: key) }
        return value
    }

    private func outOfRange(_ value: Int, at place: String, upTo top: Int, forKey key: Key) -> DecodingError {
        DecodingError.dataCorruptedError(
            forKey: key, in: self,
            debugDescription: "expected an integer from 0 to \(top), found \(value)\(place.isEmpty ? "" : " at \(place)")")
    }
}

extension UnkeyedDecodingContainer {
    /// The next item as an id or position (0 to `largestIndex`), or nil for null when `optional`.
    mutating func decodeIndex(optional: Bool = false) throws -> Int? {
        let position = ItemKey(intValue: currentIndex)
        let value = optional ? try decodeIfPresent(Int.self) : try decode(Int.self)
        if let value, !(0...largestIndex).contains(value) {
            let problem = "expected an integer from 0 to \(largestIndex), found \(value)"
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [position], debugDescription: problem))
        }
        return value
    }
}

/// The position of an item in an array, for naming it in an error.
private struct ItemKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}
