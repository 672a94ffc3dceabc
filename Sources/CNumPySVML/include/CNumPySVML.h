// numpy 2.4's float64 and float32 loops for power, exp, log, log2, log10, tan and arctan as
// they run on this CPU, bit for bit: numpy (loops_umath_fp.dispatch.c.src and
// loops_exponent_log.dispatch.c.src) computes them with Intel SVML's AVX-512 routines when the
// CPU has its AVX512_SKX features (AVX512F, CD, VL, BW, DQ), and with the C library otherwise.
#ifndef GRADSCOPE_CNUMPYSVML_H
#define GRADSCOPE_CNUMPYSVML_H

#include <stdint.h>

/// The unary ufuncs numpy computes through SVML on AVX512_SKX (float32 exp and log excepted).
typedef enum {
    GSNumPyExp,
    GSNumPyLog,
    GSNumPyLog2,
    GSNumPyLog10,
    GSNumPyTan,
    GSNumPyArctan
} GSNumPyFunction;

/// 1 when numpy takes its SVML loops on this CPU (x86-64 Linux with AVX512_SKX), else 0.
int gs_numpy_svml_active(void);

/// `out[i] = f(x[i])` for float64, as numpy's loop computes it here; `x` and `out` may be the
/// same buffer.
void gs_numpy_unary_f64(GSNumPyFunction f, const double *x, double *out, int64_t n);

/// The float32 loop of `f`. Returns 0, or -1 (writing nothing) for exp and log, whose float32
/// loops numpy computes with its own AVX-512F/AVX2 code rather than SVML.
int gs_numpy_unary_f32(GSNumPyFunction f, const float *x, float *out, int64_t n);

/// `out[i] = x[i] ** y[i]` for float64 as numpy's power loop computes it without its fast path
/// (the caller applies numpy's exponent -1, 0, 0.5, 1, 2 shortcuts).
void gs_numpy_power_f64(const double *x, const double *y, double *out, int64_t n);

/// The float32 power loop, as `gs_numpy_power_f64`.
void gs_numpy_power_f32(const float *x, const float *y, float *out, int64_t n);

#endif
