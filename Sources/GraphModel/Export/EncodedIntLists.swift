/// Lists of integers kept once by a graph under an id (a tensor's shape, the string indices of
/// its names), each written as its JSON member `"key":[a,b,...]` once and then copied wherever
/// a record refers to it: a table walk writes the same few lists for every row.
struct EncodedIntLists {
    /// The key of every list's member.
    private let key: StaticString
    private let bytes = ByteSink(capacity: 256)
    /// Per id, where its member's text is in `bytes`; count 0 for an empty list, -1 for an id
    /// not added yet.
    private var spans: [(start: Int, count: Int)] = []

    /// No lists yet; each will be written as the member `key`.
    init(key: StaticString) { self.key = key }

    /// Whether the list kept under `id` has been added.
    func has(_ id: Int) -> Bool { id < spans.count && spans[id].count >= 0 }

    /// Adds `list`, the list kept under `id`.
    mutating func add(_ id: Int, _ list: some Collection<Int>) {
        if id >= spans.count { spans += repeatElement((start: 0, count: -1), count: id + 1 - spans.count) }
        guard !list.isEmpty else {
            spans[id] = (0, 0)
            return
        }
        let start = bytes.count
        bytes.append(UInt8(ascii: "\""))
        bytes.append(key)
        bytes.append("\":[")
        bytes.appendDecimals(list)
        bytes.append(UInt8(ascii: "]"))
        spans[id] = (start, bytes.count - start)
    }

    /// Writes `"key":[...]` for the list added under `id`, or nothing when it is empty.
    @inline(__always) func writeField(_ id: Int, _ w: inout JSONWriter) {
        let span = spans[id]
        guard span.count > 0 else { return }
        w.member(encoded: bytes.written(from: span.start, count: span.count))
    }
}
