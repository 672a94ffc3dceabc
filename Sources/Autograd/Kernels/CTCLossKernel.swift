/// The connectionist temporal classification loss as ATen's CPU kernels compute it
/// (aten/src/ATen/native/LossCTC.cpp, after Graves et al. 2006): the forward fills the log-space
/// alphas time step by time step over the blank-augmented target, the backward fills the betas
/// from the last step down and collects `alpha + beta` per label, in the same order and with the
/// same log-sum-exp steps, so the results are PyTorch's to the bit.
struct CTCProblem {
    /// The `[T, N, C]` log-probabilities' sizes (their values are passed row-major to each pass).
    let steps: Int, batch: Int, labels: Int
    /// The targets as int64 values, read at `targetOffsets[b] + targetStride * i`.
    let targets: [Int64]
    let targetOffsets: [Int], targetStride: Int
    let inputLengths: [Int], targetLengths: [Int]
    let blank: Int
    /// The longest target: the alphas keep `2 * maxTargetLength + 1` states per step.
    let maxTargetLength: Int

    var states: Int { 2 * maxTargetLength + 1 }

    /// Label of augmented state `s` of sample `b`: blanks at even states, targets between.
    func label(_ b: Int, _ s: Int) -> Int {
        s % 2 == 0 ? blank : Int(targets[targetOffsets[b] + targetStride * (s / 2)])
    }
}

/// `ctc_loss_cpu_template`: per sample the negative log-likelihood and the `[N, T, states]` alphas.
struct CTCForward: FloatVisitor {
    let problem: CTCProblem
    let logProbs: Storage

    func visit<T: FloatElement>(_: T.Type) -> (nll: Storage, logAlpha: Storage) {
        let p = problem
        let lp = logProbs.pointer(T.self)
        let nll = Storage.uninitialized(T.dtype, count: p.batch)
        // Steps past a sample's input length (never read) are 0 rather than uninitialized memory.
        let alphas = Storage.uninitialized(T.dtype, count: p.batch * p.steps * p.states)
        let out = nll.pointer(T.self)
        let la = alphas.pointer(T.self)
        la.initialize(repeating: 0, count: p.batch * p.steps * p.states)
        let neginf = -T.infinity
        func logProb(_ b: Int, _ t: Int, _ c: Int) -> T { lp[(t * p.batch + b) * p.labels + c] }
        for b in 0..<p.batch {
            let alpha = la + b * p.steps * p.states
            for s in 0..<p.states { alpha[s] = neginf }
            let inputLength = p.inputLengths[b]
            let targetLength = p.targetLengths[b]
            if inputLength == 0 {
                let logLikelihood: T = targetLength == 0 ? 0 : neginf
                out[b] = -logLikelihood
                continue
            }
            alpha[0] = logProb(b, 0, p.blank)
            if targetLength > 0 { alpha[1] = logProb(b, 0, p.label(b, 1)) }
            for t in 1..<inputLength {
                let previous = alpha + (t - 1) * p.states
                let row = alpha + t * p.states
                for s in 0..<(2 * targetLength + 1) {
                    let current = p.label(b, s)
                    let la1 = previous[s]
                    var lamax = la1
                    var la2 = neginf
                    var la3 = neginf
                    if s > 0 {
                        la2 = previous[s - 1]
                        if la2 > lamax { lamax = la2 }
                    }
                    if s > 1 && p.label(b, s - 2) != current {
                        la3 = previous[s - 2]
                        if la3 > lamax { lamax = la3 }
                    }
                    if lamax == neginf { lamax = 0 }
                    row[s] = T.log(T.exp(la1 - lamax) + T.exp(la2 - lamax) + T.exp(la3 - lamax)) + lamax + logProb(b, t, current)
                }
            }
            let last = alpha + (inputLength - 1) * p.states
            if targetLength == 0 {
                out[b] = -last[0]
            } else {
                let l1 = last[targetLength * 2]
                let l2 = last[targetLength * 2 - 1]
                var m = Swift.max(l1, l2)
                m = m == neginf ? 0 : m
                out[b] = -(T.log(T.exp(l1 - m) + T.exp(l2 - m)) + m)
            }
        }
        return (nll, alphas)
    }
}

/// `ctc_loss_backward_cpu_template`: the `[T, N, C]` gradient of the log-probabilities given the
/// loss's gradient per sample.
struct CTCBackward: FloatVisitor {
    let problem: CTCProblem
    let logProbs: Storage, gradOut: Storage, nll: Storage, logAlpha: Storage
    let zeroInfinity: Bool

    func visit<T: FloatElement>(_: T.Type) -> Storage {
        let p = problem
        let lp = logProbs.pointer(T.self)
        let la = logAlpha.pointer(T.self)
        let losses = nll.pointer(T.self)
        let gOut = gradOut.pointer(T.self)
        let neginf = -T.infinity
        let grad = Storage.uninitialized(T.dtype, count: p.steps * p.batch * p.labels)
        let g = grad.pointer(T.self)
        g.initialize(repeating: neginf, count: p.steps * p.batch * p.labels)
        let betas = UnsafeMutablePointer<T>.allocate(capacity: p.steps * p.states)
        defer { betas.deallocate() }
        func at(_ b: Int, _ t: Int, _ c: Int) -> Int { (t * p.batch + b) * p.labels + c }
        for b in 0..<p.batch {
            let nllValue = losses[b]
            if zeroInfinity && nllValue == T.infinity {
                for t in 0..<p.steps { for c in 0..<p.labels { g[at(b, t, c)] = 0 } }
                continue
            }
            let alpha = la + b * p.steps * p.states
            let inputLength = p.inputLengths[b]
            let targetLength = p.targetLengths[b]
            if inputLength > 0 {
                let last = inputLength - 1
                for s in 0..<p.states { betas[last * p.states + s] = neginf }
                betas[last * p.states + 2 * targetLength] = lp[at(b, last, p.blank)]
                g[at(b, last, p.blank)] = alpha[last * p.states + 2 * targetLength] + betas[last * p.states + 2 * targetLength]
                if targetLength > 0 {
                    let current = p.label(b, 2 * targetLength - 1)
                    betas[last * p.states + 2 * targetLength - 1] = lp[at(b, last, current)]
                    g[at(b, last, current)] =
                        alpha[last * p.states + 2 * targetLength - 1] + betas[last * p.states + 2 * targetLength - 1]
                }
            }
            var t = inputLength - 2
            while t >= 0 {
                let next = betas + (t + 1) * p.states
                let row = betas + t * p.states
                var s = 2 * targetLength
                while s >= 0 {
                    let lb1 = next[s]
                    var lbmax = lb1
                    var lb2 = neginf
                    var lb3 = neginf
                    let current = p.label(b, s)
                    if s < 2 * targetLength {
                        lb2 = next[s + 1]
                        if lb2 > lbmax { lbmax = lb2 }
                    }
                    if s < 2 * targetLength - 1 && p.label(b, s + 2) != current {
                        lb3 = next[s + 2]
                        if lb3 > lbmax { lbmax = lb3 }
                    }
                    if lbmax == neginf { lbmax = 0 }
                    row[s] = T.log(T.exp(lb1 - lbmax) + T.exp(lb2 - lbmax) + T.exp(lb3 - lbmax)) + lbmax + lp[at(b, t, current)]
                    let logAlphaBeta = alpha[t * p.states + s] + row[s]
                    let i = at(b, t, current)
                    if g[i] == neginf {
                        g[i] = logAlphaBeta
                    } else {
                        let m = Swift.max(g[i], logAlphaBeta)
                        g[i] = T.log(T.exp(g[i] - m) + T.exp(logAlphaBeta - m)) + m
                    }
                    s -= 1
                }
                t -= 1
            }
            let gr = gOut[b]
            for t in 0..<inputLength {
                for c in 0..<p.labels {
                    let i = at(b, t, c)
                    let logProb = lp[i]
                    g[i] = (T.exp(logProb) - T.exp(g[i] + nllValue - logProb)) * gr
                }
            }
            for t in inputLength..<p.steps { for c in 0..<p.labels { g[at(b, t, c)] = 0 } }
        }
        return grad
    }
}
