/// TensorIterator's `reorder_dimensions` (aten/src/ATen/TensorIterator.cpp), shared by the
/// elementwise output layout and the reduction walk: an insertion sort of the dimensions that
/// starts from the reversed order and moves a dimension ahead while `shouldSwap(earlier, later)`
/// is 1, stopping at the first -1 (0: nothing tells, keep looking).
func reorderDimensions(count: Int, shouldSwap: (Int, Int) -> Int) -> [Int] {
    var order = Array((0..<count).reversed())
    guard count > 1 else { return order }
    for i in 1..<count {
        var moving = i
        var other = i - 1
        while other >= 0 {
            let c = shouldSwap(order[other], order[moving])
            if c > 0 {
                order.swapAt(other, moving)
                moving = other
            } else if c < 0 {
                break
            }
            other -= 1
        }
    }
    return order
}

/// One operand's say in `reorder_dimensions`' comparison of dims `d0` and `d1`: 1 when `d0`
/// should come after `d1` (larger stride, or equal strides and a larger size), -1 before, nil
/// when its strides do not tell (a zero stride, or equal strides and sizes).
func strideVerdict(_ strides: [Int], shape: [Int], _ d0: Int, _ d1: Int) -> Int? {
    let (s0, s1) = (strides[d0], strides[d1])
    if s0 == 0 || s1 == 0 { return nil }
    if s0 < s1 { return -1 }
    if s0 > s1 { return 1 }
    return shape[d0] > shape[d1] ? 1 : nil
}
