/// The lane-by-lane reductions of PyTorch's vectorised helpers (aten/src/ATen/cpu/vec/functional_base.h:
/// `reduce_all`, `map2_reduce_all`, `vec_reduce_all`) for kernels registered with
/// REGISTER_DISPATCH, which run with 32-byte vectors (8 floats, 4 doubles) on this machine.
struct VectorLanes<T: FloatElement> {
    /// Lanes in one 32-byte vector.
    static var width: Int { 32 / MemoryLayout<T>.size }

    /// `vec_reduce_all` of a full vector: float32 folds the halves together (AVX2's
    /// VecReduceAllSIMD: lane i plus lane i^4, then i^2, then i^1); float64 adds the lanes in order.
    static func fold(_ lanes: [T]) -> T {
        if T.self == Float.self {
            var v = lanes
            var step = v.count / 2
            while step > 0 {
                v = v.indices.map { v[$0] + v[$0 ^ step] }
                step /= 2
            }
            return v[0]
        }
        return lanes.dropFirst().reduce(lanes[0], +)
    }

    /// `map2_reduce_all(map, +, a, b, count)` (`reduce_all(+, a, count)` when `b` is nil and map
    /// is the identity): lane sums over whole vectors, the tail added into the first lanes, then
    /// `fold`; fewer elements than a vector are added in order.
    static func sum(count: Int, _ value: (Int) -> T) -> T {
        let w = width
        if count < w {
            var acc = value(0)
            for i in 1..<Swift.max(count, 1) { acc += value(i) }
            return count == 0 ? 0 : acc
        }
        var acc = (0..<w).map(value)
        var d = w
        while d < count - count % w {
            for lane in 0..<w { acc[lane] += value(d + lane) }
            d += w
        }
        for lane in 0..<(count - d) { acc[lane] += value(d + lane) }
        return fold(acc)
    }
}
