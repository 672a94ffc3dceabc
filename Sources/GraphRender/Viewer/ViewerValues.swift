import GraphModel

/// Which of a tensor's recorded values a page keeps. A parameter updated in place every step
/// of a long loop has a preview per version (the 100,000-op recording's `w1` has 6,668, 44 MB of
/// its page), so a page keeps the first and the last few and says how many it left out between
/// them: the panel names the omitted versions, so no picture of a tensor's history misleads.
enum ViewerValues {
    /// The first versions kept: the tensor as made and its first updates.
    static let keptFirst = 3
    /// The last versions kept: the tensor's latest values and the recent trend of its updates.
    static let keptLast = 10

    /// One entry of a tensor's values in the page.
    enum Entry: Equatable {
        /// The values at one version.
        case kept(ValuePreview)
        /// `count` recorded versions, from `first` to `last`, whose values the page leaves out.
        case omitted(count: Int, first: Int, last: Int)
    }

    /// `values` (oldest first) with every version but the first `keptFirst` and last `keptLast`
    /// replaced by one `.omitted` entry; all of them when there are no more than those.
    static func entries(_ values: [ValuePreview]) -> [Entry] {
        guard values.count > keptFirst + keptLast else { return values.map(Entry.kept) }
        let end = values.count - keptLast
        return values.prefix(keptFirst).map(Entry.kept)
            + [.omitted(count: end - keptFirst, first: values[keptFirst].version, last: values[end - 1].version)]
            + values.suffix(keptLast).map(Entry.kept)
    }

    /// `entries(values)` as the page's JSON array: `{"version", "text"}` for a kept version,
    /// `{"omitted", "first", "last"}` for the versions left out.
    static func write(_ values: [ValuePreview], _ w: inout JSONWriter) {
        w.beginArray()
        for e in entries(values) {
            w.beginObject()
            switch e {
            case .kept(let v):
                w.field("version", v.version)
                w.field("text", v.text)
            case .omitted(let count, let first, let last):
                w.field("omitted", count)
                w.field("first", first)
                w.field("last", last)
            }
            w.endObject()
        }
        w.endArray()
    }
}
