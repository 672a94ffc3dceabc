# numpy's float matrix products (dot, @, a .T operand, a strided copy, syrk for a @ a.T, float32,
# mixed float32/float64), whose last digits depend on the OpenBLAS kernel chosen for the CPU.
import numpy as np
np.random.seed(3)
a = np.random.randn(37, 300)
b = np.random.randn(300, 23)
f = a.astype(np.float32)
for label, r in [("a.dot(b)", a.dot(b)), ("a @ b", a @ b), ("b.T @ a.T", b.T @ a.T), ("a.dot(a.T)", a.dot(a.T)),
                 ("a.T @ a", a.T @ a), ("a[:, ::2] @ b[::2]", a[:, ::2] @ b[::2]), ("f @ f.T", f @ f.T),
                 ("f.dot(b.astype(np.float32))", f.dot(b.astype(np.float32))), ("f @ b", f @ b)]:
    print(label, r.dtype, r.shape, repr(r[0, 0]), repr(r[-1, -1]), repr(r.sum()), repr(r[3, 1]), repr(r[1, 3]))
