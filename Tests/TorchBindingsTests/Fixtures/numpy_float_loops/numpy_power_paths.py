# Which loop numpy 2.4 takes for float powers and the SVML-backed unary ufuncs, through values
# whose results differ between the paths on an AVX-512 machine: numpy's shortcuts for a stride-0
# exponent of -1, 0, 0.5, 1 or 2, SVML's pow and exp/log/log2/log10/tan/arctan, and numpy's scalar
# arithmetic (the C library's pow) for numpy scalars.
import math
import numpy as np

v = 9.357216995498906  # SVML's pow(v, -1) is not 1 / v
s = 8.588302338216936  # SVML's pow(s, 0.5) is not sqrt(s)
q = 0.5056378869683275  # SVML's pow(q, 2) is not q * q
w = 1.1446546272401967  # SVML's pow(w, 3) is not the C library's


def show(label, r):
    r = np.asarray(r)
    print(label, r.dtype, r.shape, repr(r.ravel()[0]), repr(r.ravel()[-1]))


show("x ** -1.0", np.full(3, v) ** -1.0)
show("x ** -1", np.full(3, v) ** -1)
show("power(x, full(-1))", np.power(np.full(3, v), np.full(3, -1.0)))
show("x ** 0-d", np.full(3, v) ** np.array(-1.0))
show("x ** (1,)", np.full(3, v) ** np.array([-1.0]))
show("0-d ** 0-d", np.array(v) ** np.array(-1.0))
show("(2,4097) ** (2,1)", np.full((2, 4097), v) ** np.full((2, 1), -1.0))
show("(2,4096) ** (2,1)", np.full((2, 4096), v) ** np.full((2, 1), -1.0))
show("(2,2,2049) ** (2,1,1)", np.full((2, 2, 2049), v) ** np.full((2, 1, 1), -1.0))
show("(2,2,2048) ** (2,1,1)", np.full((2, 2, 2048), v) ** np.full((2, 1, 1), -1.0))
show("(3,4097,1) ** (3,1,1)", np.full((3, 4097, 1), v) ** np.full((3, 1, 1), -1.0))
show("scalar ** -1.0", np.float64(v) ** -1.0)
show("power(float, float)", np.power(v, -1.0))
show("x ** 0.5", np.full(2, s) ** 0.5)
show("power(x, full(0.5))", np.power(np.full(2, s), np.full(2, 0.5)))
show("x ** 2.0", np.full(2, q) ** 2.0)
show("power(x, full(2.0))", np.power(np.full(2, q), np.full(2, 2.0)))
show("x ** 1.0", np.full(2, q) ** 1.0)
show("x ** 0.0", np.full(2, np.nan) ** 0.0)
show("x ** 3", np.full(9, w) ** 3)
show("scalar ** 3", np.float64(w) ** 3)
show("scalar ** 0-d", np.float64(w) ** np.array(3.0))
show("3.0 ** -x", 3.0 ** np.full(2, -w))
a = np.full(5, w)
a **= 3.0
show("a **= 3.0", a)

u = np.float32(0.09195336699485779)  # SVML's powf(u, 3) is not powf's
show("f32 ** 3", np.full(17, u, dtype=np.float32) ** 3)
show("f32 scalar ** 3", u ** 3)
show("f32 ** 0.3", np.full(2, 1.2851917743682861, dtype=np.float32) ** 0.3)
show("f32 ** f64", np.full(2, u, dtype=np.float32) ** np.full(2, 3.0))

show("exp", np.exp(np.full(9, -2.91278231781712)))
show("exp(float)", np.exp(-2.91278231781712))
show("log", np.log(np.array([1.0463382893205768, 2.0])))
show("log2", np.log2(np.array([1.0497174638475562, np.inf])))
show("log10", np.log10(np.full(3, 1.2851917194711504)))
show("tan", np.tan(np.full(3, -0.11614760904677413)))
show("arctan", np.arctan(np.full(3, -0.15689922866876982)))
show("exp(int)", np.exp(np.arange(3)))
show("log2 f32", np.log2(np.full(3, 0.6455720067024231, dtype=np.float32)))
show("log10 f32", np.log10(np.full(3, 1.8300175666809082, dtype=np.float32)))
show("tan f32", np.tan(np.full(3, -1.2851917743682861, dtype=np.float32)))
show("arctan f32", np.arctan(np.full(3, -0.5491607785224915, dtype=np.float32)))

x = np.linspace(-math.pi, math.pi, 2000)
print(repr((x ** 3).sum()), repr(np.square(x ** 3 - x).sum()))
