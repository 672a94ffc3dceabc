import Foundation

/// The slot layout of CPython's set hash table (Objects/setobject.c), which fixes the order a
/// set iterates in. It is kept for sets whose members all have hashes that do not vary between
/// runs (ints, bools, floats and tuples of them), so such sets print and iterate as in CPython;
/// strings hash differently in every CPython process, so no script can rely on their order.
struct SetTable {
    private enum Slot {
        case unused
        case dummy
        case active(hash: Int, key: Value)
    }

    private static let minSize = 8
    private static let linearProbes = 9
    private static let perturbShift = 5

    private var slots = [Slot](repeating: .unused, count: minSize)
    /// Active plus dummy slots.
    private var fill = 0
    /// Active slots.
    private(set) var used = 0
    /// Whether no slot was ever used (dummies count as used).
    var isPristine: Bool { fill == 0 }
    /// Where `pop` looks first.
    private var finger = 0

    private var mask: Int { slots.count - 1 }

    /// The members in table order.
    var keys: [Value] {
        slots.compactMap {
            if case .active(_, let key) = $0 { return key }
            return nil
        }
    }

    private var entries: [(hash: Int, key: Value)] {
        slots.compactMap {
            if case .active(let hash, let key) = $0 { return (hash, key) }
            return nil
        }
    }

    /// `set_add_entry` for a key the set does not hold: the first unused slot of its probe
    /// sequence, or the last dummy met on the way; grows the table when it is 60% full.
    mutating func add(_ key: Value, hash: Int) {
        let mask = UInt(self.mask)
        var i = UInt(bitPattern: hash) & mask
        var perturb = UInt(bitPattern: hash)
        var freeSlot: Int?
        while true {
            var probes = i + UInt(Self.linearProbes) <= mask ? Self.linearProbes : 0
            var j = Int(i)
            while true {
                switch slots[j] {
                case .unused:
                    if let freeSlot {
                        slots[freeSlot] = .active(hash: hash, key: key)
                        used += 1
                        return
                    }
                    slots[j] = .active(hash: hash, key: key)
                    fill += 1
                    used += 1
                    if fill * 5 >= self.mask * 3 { resize(minUsed: used > 50_000 ? used * 2 : used * 4) }
                    return
                case .dummy: freeSlot = j
                case .active: break
                }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= UInt(Self.perturbShift)
            i = (i &* 5 &+ 1 &+ perturb) & mask
        }
    }

    /// `set_discard_entry`: turns the key's slot into a dummy.
    mutating func discard(hash: Int, where isKey: (Value) -> Bool) {
        for j in slots.indices {
            if case .active(let h, let key) = slots[j], h == hash, isKey(key) {
                slots[j] = .dummy
                used -= 1
                return
            }
        }
    }

    /// `set_pop`: the first member at or after the finger.
    mutating func popFirst() -> Value? {
        guard used > 0 else { return nil }
        var j = finger & mask
        while true {
            if case .active(_, let key) = slots[j] {
                slots[j] = .dummy
                used -= 1
                finger = j + 1
                return key
            }
            j = j == mask ? 0 : j + 1
        }
    }

    /// The end of `set_difference_update_internal`: a rebuilt table when over a quarter of the
    /// slots are dummies.
    mutating func purgeDummies() {
        if fill - used > mask / 4 { resize(minUsed: used > 50_000 ? used * 2 : used * 4) }
    }

    /// `set_clear_internal`: an empty table of the smallest size; `pop`'s finger stays.
    mutating func clear() { replaceContents(with: SetTable()) }

    /// `set_swap_bodies`: `other`'s slots and counts; `pop`'s finger stays.
    mutating func replaceContents(with other: SetTable) {
        slots = other.slots
        fill = other.fill
        used = other.used
    }

    /// `set_merge`'s preparation for adding `other`: one resize up front when it would fill the table.
    mutating func reserve(adding otherUsed: Int) {
        if (fill + otherUsed) * 5 >= mask * 3 { resize(minUsed: (used + otherUsed) * 2) }
    }

    /// `set_merge` into an empty table: `other`'s slots copied as they are when the tables have
    /// the same size and `other` has no dummies, else its members inserted in its table order.
    mutating func copyMembers(of other: SetTable) {
        reserve(adding: other.used)
        if slots.count == other.slots.count && other.fill == other.used {
            self.slots = other.slots
            fill = other.fill
            used = other.used
            return
        }
        for (hash, key) in other.entries { insertClean(key, hash: hash) }
        fill = other.used
        used = other.used
    }

    /// `set_table_resize`: a table of the smallest power of two above `minUsed`, refilled in the
    /// old table's order.
    private mutating func resize(minUsed: Int) {
        var size = Self.minSize
        while size <= minUsed { size <<= 1 }
        let old = entries
        slots = [Slot](repeating: .unused, count: size)
        for (hash, key) in old { insertClean(key, hash: hash) }
        fill = old.count
        used = old.count
    }

    /// `set_insert_clean`: the first unused slot of the key's probe sequence (no dummies exist).
    private mutating func insertClean(_ key: Value, hash: Int) {
        let mask = UInt(self.mask)
        var i = UInt(bitPattern: hash) & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let candidates = i + UInt(Self.linearProbes) <= mask ? Int(i)...Int(i) + Self.linearProbes : Int(i)...Int(i)
            for j in candidates {
                if case .unused = slots[j] {
                    slots[j] = .active(hash: hash, key: key)
                    return
                }
            }
            perturb >>= UInt(Self.perturbShift)
            i = (i &* 5 &+ 1 &+ perturb) & mask
        }
    }
}

/// CPython's `hash()` for the values whose hash is the same in every run; nil for the others
/// (strings, None and objects hash by seed or address).
enum StableHash {
    private static let modulus: UInt64 = (1 << 61) - 1

    static func of(_ v: Value) -> Int? {
        switch v {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return integer(i)
        case .float(let d): return float(d)
        case .tuple(let items): return tuple(items)
        default: return nil
        }
    }

    /// `long_hash`: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
    private static func integer(_ i: Int) -> Int {
        let magnitude = Int(i.magnitude % UInt(modulus))
        let h = i < 0 ? -magnitude : magnitude
        return h == -1 ? -2 : h
    }

    /// `_Py_HashDouble`: integral floats hash as the int; NaN hashes by address (nil).
    private static func float(_ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
        // Swift's frexp gives the magnitude's mantissa; the sign is applied at the end.
        var (m, e) = frexp(Swift.abs(d))
        let sign = d < 0 ? -1 : 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let shift = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(shift)) & modulus) | x >> UInt64(61 - shift)
        let h = Int(x) * sign
        return h == -1 ? -2 : h
    }

    /// `tuplehash` (xxHash-based, CPython 3.8+).
    private static func tuple(_ items: [Value]) -> Int? {
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var acc = prime5
        for item in items {
            guard let h = of(item) else { return nil }
            acc = acc &+ UInt64(bitPattern: Int64(h)) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(Int64(bitPattern: acc))
    }
}
