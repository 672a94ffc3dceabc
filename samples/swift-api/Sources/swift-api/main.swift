// Fits y = w·x + b to one point with the Swift API, then exports the graph of one step.
import Autograd
import GraphModel

let x = try Tensor([1, 2, 3])
let target = try Tensor([2, 4, 6])
let w = try Tensor([0.5], requiresGrad: true)
let b = try Tensor([0.0], requiresGrad: true)

/// Mean squared error of the line through `w`, `b` against `target`.
let loss = { () throws -> Tensor in
    let residual = try w * x + b - target
    return try (residual * residual).mean()
}

for step in 0..<3 {
    let l = try loss()
    try l.backward()
    print("step \(step): loss \(l.doubles()[0]), dL/dw \(w.grad!.doubles()), dL/db \(b.grad!.doubles())")
    try GradMode.noGrad {
        _ = try w.sub_(.tensor(w.grad! * 0.05))
        _ = try b.sub_(.tensor(b.grad! * 0.05))
    }
    try w.setGrad(nil)
    try b.setGrad(nil)
}

// Record one more step and export it: every op, each grad_fn and its saved buffers, the pass.
let recorder = Recorder()
for (name, tensor) in [("w", w), ("b", b), ("x", x), ("target", target)] { recorder.bind(name: name, to: tensor) }
try recorder.recording {
    try loss().backward()
}
let graph = recorder.snapshot()
print("recorded \(graph.ops.count) ops, \(graph.nodes.count) autograd nodes, \(graph.backwardPasses.count) backward pass")
print("\(Graph.schema) JSON: \(graph.json().utf8.count) bytes")
print(graph.textDump())
