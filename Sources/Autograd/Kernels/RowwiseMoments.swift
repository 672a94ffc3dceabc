/// The mean and biased variance of one row as PyTorch 2.15's `RowwiseMoments` computes them
/// (aten/src/ATen/native/cpu/moments_utils.h): Welford's update per vector lane over chunks of 16
/// vectors (`UpdateMomentsVec`, its two `fmadd`s), the chunks merged in a cascade
/// (`AddMomentsVec`: `m1 + c * delta` rounded twice, `m2 = fmadd(delta * m0, c * delta, m2 + m2_add)`),
/// the tail that fills no vector added one by one, then the lanes merged into it (`AddMoments`,
/// whose multiply-adds GCC fuses). 32-byte vectors (the kernel is registered with
/// REGISTER_DISPATCH). Measured bit-identical to PyTorch's mean and rstd for rows of 64 to 5000
/// float32 and float64 values.
struct RowwiseMoments<T: FloatElement> {
    private struct Moments {
        var count = 0
        var mean: [T]
        var m2: [T]

        init(lanes: Int) {
            mean = [T](repeating: 0, count: lanes)
            m2 = mean
        }

        /// `AddMomentsVec` (`vector`, 32-byte lanes) or `AddMoments` (one scalar lane): merges
        /// `other` into these moments with weight `c = other.count / n`.
        mutating func add(_ other: Moments, vector: Bool = false) {
            let n = count + other.count
            let c: T = n == 0 ? 0 : T(fromDouble: Double(other.count)) / T(fromDouble: Double(n))
            let old = T(fromDouble: Double(count))
            for lane in mean.indices {
                let delta = other.mean[lane] - mean[lane]
                if vector {
                    let m2Sum = m2[lane] + other.m2[lane]
                    let cDelta = c * delta
                    mean[lane] = mean[lane] + cDelta
                    m2[lane] = m2Sum.addingProduct(delta * old, cDelta)
                } else {
                    mean[lane] = mean[lane].addingProduct(c, delta)
                    m2[lane] = m2[lane] + other.m2[lane].addingProduct(delta * delta * c, old)
                }
            }
            count = n
        }
    }

    /// `(mean, m2 / (N - ddof))` of `x[0..<count]`.
    static func compute(_ x: UnsafePointer<T>, count: Int, ddof: Int = 0) -> (mean: T, variance: T) {
        let lanes = 32 / MemoryLayout<T>.size
        let chunk = 16
        let vectors = count / lanes
        let chunks = (vectors + chunk - 1) / chunk
        var depth = 0
        while (1 << depth) < chunks { depth += 1 }
        var stack = [Moments](repeating: Moments(lanes: lanes), count: Swift.max(depth, 1))
        for i in 0..<chunks {
            // UpdateMomentsVec: Welford over the chunk's vectors, lane by lane.
            let base = i * chunk * lanes
            let size = Swift.min(chunk, vectors - i * chunk)
            var part = Moments(lanes: lanes)
            part.count = size
            for j in 0..<size {
                let c = 1 / T(fromDouble: Double(j + 1))
                for lane in 0..<lanes {
                    let value = x[base + j * lanes + lane]
                    let delta = value - part.mean[lane]
                    part.mean[lane] = part.mean[lane].addingProduct(delta, c)
                    part.m2[lane] = part.m2[lane].addingProduct(delta, value - part.mean[lane])
                }
            }
            stack[0].add(part, vector: true)
            var mask = i + 1
            var j = 1
            while j < depth && mask & 1 == 0 {
                stack[j].add(stack[j - 1], vector: true)
                stack[j - 1] = Moments(lanes: lanes)
                mask >>= 1
                j += 1
            }
        }
        for i in stride(from: 1, to: depth, by: 1) { stack[0].add(stack[i], vector: true) }
        var total = Moments(lanes: 1)
        for i in (vectors * lanes)..<count {
            let value = x[i]
            let delta = value - total.mean[0]
            total.count += 1
            total.mean[0] += delta / T(fromDouble: Double(total.count))
            total.m2[0] += delta * (value - total.mean[0])
        }
        for lane in 0..<lanes {
            var one = Moments(lanes: 1)
            (one.count, one.mean[0], one.m2[0]) = (vectors, stack[0].mean[lane], stack[0].m2[lane])
            total.add(one)
        }
        return (total.mean[0], total.m2[0] / T(fromDouble: Double(count - ddof)))
    }
}
