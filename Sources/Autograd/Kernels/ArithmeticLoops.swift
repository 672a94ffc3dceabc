/// The four arithmetic operators as concrete loops over `Float` and `Double` memory. The generic
/// elementwise loops call a function per element, which unoptimised (debug) builds do not
/// specialise or inline; these loops do the same IEEE operation per element, so results are
/// bit-identical, without a call per element in any build.
enum ArithmeticOperator {
    case add, subtract, multiply, divide

    /// `out[i] = a[i] op b[i]` for `count` elements; a scalar operand is its element 0 repeated.
    func run(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count: Int,
        aScalar: Bool, bScalar: Bool
    ) {
        if aScalar && bScalar {
            run(a, b, out, count: min(count, 1), aScalar: false, bScalar: false)
            fill(out, from: 1, to: count)
            return
        }
        var i = 0
        if aScalar {
            let x = a[0]
            switch self {
            case .add:
                while i < count {
                    out[i] = x + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = x - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = x * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = x / b[i]
                    i += 1
                }
            }
        } else if bScalar {
            let y = b[0]
            switch self {
            case .add:
                while i < count {
                    out[i] = a[i] + y
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = a[i] - y
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = a[i] * y
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = a[i] / y
                    i += 1
                }
            }
        } else {
            switch self {
            case .add:
                while i < count {
                    out[i] = a[i] + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = a[i] - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = a[i] * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = a[i] / b[i]
                    i += 1
                }
            }
        }
    }

    /// `out[i] = a[i] op b[i]` for `count` elements; a scalar operand is its element 0 repeated.
    func run(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, count: Int,
        aScalar: Bool, bScalar: Bool
    ) {
        if aScalar && bScalar {
            run(a, b, out, count: min(count, 1), aScalar: false, bScalar: false)
            fill(out, from: 1, to: count)
            return
        }
        var i = 0
        if aScalar {
            let x = a[0]
            switch self {
            case .add:
                while i < count {
                    out[i] = x + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = x - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = x * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = x / b[i]
                    i += 1
                }
            }
        } else if bScalar {
            let y = b[0]
            switch self {
            case .add:
                while i < count {
                    out[i] = a[i] + y
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = a[i] - y
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = a[i] * y
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = a[i] / y
                    i += 1
                }
            }
        } else {
            switch self {
            case .add:
                while i < count {
                    out[i] = a[i] + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    out[i] = a[i] - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    out[i] = a[i] * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    out[i] = a[i] / b[i]
                    i += 1
                }
            }
        }
    }

    /// `target[i] = target[i] op b[i]` for `count` elements (`b` its element 0 repeated when
    /// `bScalar`): `run` with the output over its first operand, as separate loops because the
    /// compiler vectorises `run`'s only over distinct memory and falls back to one element at a time.
    func runInPlace(_ target: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, count: Int, bScalar: Bool) {
        var i = 0
        if bScalar {
            let y = b[0]
            switch self {
            case .add:
                while i < count {
                    target[i] = target[i] + y
                    i += 1
                }
            case .subtract:
                while i < count {
                    target[i] = target[i] - y
                    i += 1
                }
            case .multiply:
                while i < count {
                    target[i] = target[i] * y
                    i += 1
                }
            case .divide:
                while i < count {
                    target[i] = target[i] / y
                    i += 1
                }
            }
        } else {
            switch self {
            case .add:
                while i < count {
                    target[i] = target[i] + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    target[i] = target[i] - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    target[i] = target[i] * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    target[i] = target[i] / b[i]
                    i += 1
                }
            }
        }
    }

    /// `target[i] = target[i] op b[i]` for `count` elements (`b` its element 0 repeated when
    /// `bScalar`): `run` with the output over its first operand, as separate loops because the
    /// compiler vectorises `run`'s only over distinct memory and falls back to one element at a time.
    func runInPlace(_ target: UnsafeMutablePointer<Double>, _ b: UnsafePointer<Double>, count: Int, bScalar: Bool) {
        var i = 0
        if bScalar {
            let y = b[0]
            switch self {
            case .add:
                while i < count {
                    target[i] = target[i] + y
                    i += 1
                }
            case .subtract:
                while i < count {
                    target[i] = target[i] - y
                    i += 1
                }
            case .multiply:
                while i < count {
                    target[i] = target[i] * y
                    i += 1
                }
            case .divide:
                while i < count {
                    target[i] = target[i] / y
                    i += 1
                }
            }
        } else {
            switch self {
            case .add:
                while i < count {
                    target[i] = target[i] + b[i]
                    i += 1
                }
            case .subtract:
                while i < count {
                    target[i] = target[i] - b[i]
                    i += 1
                }
            case .multiply:
                while i < count {
                    target[i] = target[i] * b[i]
                    i += 1
                }
            case .divide:
                while i < count {
                    target[i] = target[i] / b[i]
                    i += 1
                }
            }
        }
    }

    /// Copies `out[0]` into `out[start..<end]`.
    private func fill<T>(_ out: UnsafeMutablePointer<T>, from start: Int, to end: Int) {
        var i = start
        while i < end {
            out[i] = out[0]
            i += 1
        }
    }
}
