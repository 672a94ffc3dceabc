/// libstdc++'s `std::sort`, `std::nth_element` and `std::partial_sort`, step for step, over
/// (value, index) pairs compared by value only: PyTorch's CPU sort and topk call them, and
/// which of several equal values ends up first depends on their exact algorithm.
struct LibstdcxxSort {
    typealias Element = (value: Double, index: Int)

    var items: [Element]
    /// `less(a, b)`: whether `a` goes before `b`.
    let less: @Sendable (Double, Double) -> Bool

    /// PyTorch's ascending comparator: NaN after every number.
    static let ascending: @Sendable (Double, Double) -> Bool = { a, b in (!a.isNaN && b.isNaN) || a < b }
    /// PyTorch's descending comparator: NaN before every number.
    static let descending: @Sendable (Double, Double) -> Bool = { a, b in (a.isNaN && !b.isNaN) || a > b }

    private static let threshold = 16

    private func comp(_ a: Element, _ b: Element) -> Bool { less(a.value, b.value) }
    private func comp(_ i: Int, _ j: Int) -> Bool { less(items[i].value, items[j].value) }

    private static func depthLimit(_ n: Int) -> Int { (Int.bitWidth - 1 - n.leadingZeroBitCount) * 2 }

    /// `std::sort(first, last)`.
    mutating func sort(_ first: Int, _ last: Int) {
        guard first != last else { return }
        introsortLoop(first, last, Self.depthLimit(last - first))
        if last - first > Self.threshold {
            insertionSort(first, first + Self.threshold)
            for i in (first + Self.threshold)..<last { unguardedLinearInsert(i) }
        } else {
            insertionSort(first, last)
        }
    }

    /// `std::nth_element(first, nth, last)`.
    mutating func nthElement(_ first: Int, _ nth: Int, _ last: Int) {
        guard first != last && nth != last else { return }
        var (first, last) = (first, last)
        var depth = Self.depthLimit(last - first)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(first, nth + 1, last)
                items.swapAt(first, nth)
                return
            }
            depth -= 1
            let cut = partitionPivot(first, last)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(first, last)
    }

    /// `std::partial_sort(first, middle, last)`.
    mutating func partialSort(_ first: Int, _ middle: Int, _ last: Int) {
        heapSelect(first, middle, last)
        sortHeap(first, middle)
    }

    private mutating func introsortLoop(_ first: Int, _ last: Int, _ depth: Int) {
        var (last, depth) = (last, depth)
        while last - first > Self.threshold {
            if depth == 0 {
                partialSort(first, last, last)
                return
            }
            depth -= 1
            let cut = partitionPivot(first, last)
            introsortLoop(cut, last, depth)
            last = cut
        }
    }

    private mutating func partitionPivot(_ first: Int, _ last: Int) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(first, first + 1, mid, last - 1)
        return unguardedPartition(first + 1, last, pivot: first)
    }

    private mutating func moveMedianToFirst(_ result: Int, _ a: Int, _ b: Int, _ c: Int) {
        if comp(a, b) {
            if comp(b, c) {
                items.swapAt(result, b)
            } else if comp(a, c) {
                items.swapAt(result, c)
            } else {
                items.swapAt(result, a)
            }
        } else if comp(a, c) {
            items.swapAt(result, a)
        } else if comp(b, c) {
            items.swapAt(result, c)
        } else {
            items.swapAt(result, b)
        }
    }

    private mutating func unguardedPartition(_ first: Int, _ last: Int, pivot: Int) -> Int {
        var (first, last) = (first, last)
        while true {
            while comp(first, pivot) { first += 1 }
            last -= 1
            while comp(pivot, last) { last -= 1 }
            if !(first < last) { return first }
            items.swapAt(first, last)
            first += 1
        }
    }

    private mutating func insertionSort(_ first: Int, _ last: Int) {
        guard first != last else { return }
        for i in (first + 1)..<last {
            if comp(i, first) {
                let value = items[i]
                for k in stride(from: i, to: first, by: -1) { items[k] = items[k - 1] }
                items[first] = value
            } else {
                unguardedLinearInsert(i)
            }
        }
    }

    private mutating func unguardedLinearInsert(_ position: Int) {
        let value = items[position]
        var last = position
        while comp(value, items[last - 1]) {
            items[last] = items[last - 1]
            last -= 1
        }
        items[last] = value
    }

    private mutating func heapSelect(_ first: Int, _ middle: Int, _ last: Int) {
        makeHeap(first, middle)
        for i in middle..<last where comp(i, first) { popHeap(first, middle, i) }
    }

    private mutating func makeHeap(_ first: Int, _ last: Int) {
        let n = last - first
        guard n >= 2 else { return }
        var parent = (n - 2) / 2
        while true {
            adjustHeap(first, parent, n, items[first + parent])
            if parent == 0 { return }
            parent -= 1
        }
    }

    private mutating func sortHeap(_ first: Int, _ last: Int) {
        var last = last
        while last - first > 1 {
            last -= 1
            popHeap(first, last, last)
        }
    }

    private mutating func popHeap(_ first: Int, _ last: Int, _ result: Int) {
        let value = items[result]
        items[result] = items[first]
        adjustHeap(first, 0, last - first, value)
    }

    private mutating func adjustHeap(_ first: Int, _ hole: Int, _ n: Int, _ value: Element) {
        let top = hole
        var (hole, child) = (hole, hole)
        while child < (n - 1) / 2 {
            child = 2 * (child + 1)
            if comp(first + child, first + child - 1) { child -= 1 }
            items[first + hole] = items[first + child]
            hole = child
        }
        if n % 2 == 0 && child == (n - 2) / 2 {
            child = 2 * (child + 1)
            items[first + hole] = items[first + child - 1]
            hole = child - 1
        }
        var parent = (hole - 1) / 2
        while hole > top && comp(items[first + parent], value) {
            items[first + hole] = items[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        items[first + hole] = value
    }
}

/// PyTorch's `quick_select_template` (kthvalue): moves the `k`-th smallest (NaN largest) pair
/// to position `k` by its own median-of-three quickselect.
func pytorchQuickSelect(_ items: inout [LibstdcxxSort.Element], _ k: Int) {
    func greater(_ x: Double, _ y: Double) -> Bool { (x.isNaN && !y.isNaN) || x > y }
    var (left, right) = (0, items.count - 1)
    while true {
        if right <= left { return }
        if right == left + 1 {
            if greater(items[left].value, items[right].value) { items.swapAt(left, right) }
            return
        }
        items.swapAt(left + (right - left) / 2, left + 1)
        if greater(items[left + 1].value, items[right].value) { items.swapAt(left + 1, right) }
        if greater(items[left].value, items[right].value) { items.swapAt(left, right) }
        if greater(items[left + 1].value, items[left].value) { items.swapAt(left + 1, left) }
        var (i, j) = (left + 1, right)
        let pivot = items[left].value
        while true {
            i += 1
            while greater(pivot, items[i].value) { i += 1 }
            j -= 1
            while greater(items[j].value, pivot) { j -= 1 }
            if j < i { break }
            items.swapAt(i, j)
        }
        items.swapAt(left, j)
        if j <= k { left = i }
        if j >= k { right = j - 1 }
    }
}
