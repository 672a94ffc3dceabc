// numpy 2.4's float loops for power, exp, log, log2, log10, tan and arctan. With AVX512_SKX
// (numpy's X86_V4 dispatch target) numpy calls SVML on blocks of 8 doubles or 16 floats from
// the start of the array, the last block padded with 1 (power, log, log2, log10) or 0 (exp,
// tan, arctan) (`simd_<f>_f64` / `_f32` in loops_umath_fp.dispatch.c.src and
// loops_exponent_log.dispatch.c.src); every lane is computed on its own, so the padding only
// keeps the unused lanes quiet. Without it numpy's loops call the C library element by element.
#include "CNumPySVML.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__linux__)
#define GS_HAS_SVML 1
// SVMLCalls.S: one SVML vector call (64 bytes per argument) with arguments and result in memory.
typedef void (*gs_svml_unary)(const void *x, void *out);
typedef void (*gs_svml_binary)(const void *x, const void *y, void *out);
void gs_svml_exp8_ha(const void *x, void *out);
void gs_svml_log8_ha(const void *x, void *out);
void gs_svml_log28_ha(const void *x, void *out);
void gs_svml_log108_ha(const void *x, void *out);
void gs_svml_tan8_ha(const void *x, void *out);
void gs_svml_atan8_ha(const void *x, void *out);
void gs_svml_log2f16(const void *x, void *out);
void gs_svml_log10f16(const void *x, void *out);
void gs_svml_tanf16(const void *x, void *out);
void gs_svml_atanf16(const void *x, void *out);
void gs_svml_pow8_ha(const void *x, const void *y, void *out);
void gs_svml_powf16(const void *x, const void *y, void *out);
#else
#define GS_HAS_SVML 0
#endif

int gs_numpy_svml_active(void) {
#if GS_HAS_SVML
    // numpy's AVX512_SKX feature group; the compiler's checks include the OS's AVX-512 state.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512dq");
#else
    return 0;
#endif
}

/// The value numpy pads the last partial block with: npyv_load_till(…, 1) or npyv_load_tillz.
static int gs_pads_with_one(GSNumPyFunction f) {
    return f == GSNumPyLog || f == GSNumPyLog2 || f == GSNumPyLog10;
}

static double gs_libm_f64(GSNumPyFunction f, double x) {
    switch (f) {
    case GSNumPyExp: return exp(x);
    case GSNumPyLog: return log(x);
    case GSNumPyLog2: return log2(x);
    case GSNumPyLog10: return log10(x);
    case GSNumPyTan: return tan(x);
    case GSNumPyArctan: return atan(x);
    }
    return x;
}

static float gs_libm_f32(GSNumPyFunction f, float x) {
    switch (f) {
    case GSNumPyLog2: return log2f(x);
    case GSNumPyLog10: return log10f(x);
    case GSNumPyTan: return tanf(x);
    case GSNumPyArctan: return atanf(x);
    case GSNumPyExp:
    case GSNumPyLog: break;
    }
    return x;
}

#if GS_HAS_SVML
static gs_svml_unary gs_svml_f64(GSNumPyFunction f) {
    switch (f) {
    case GSNumPyExp: return gs_svml_exp8_ha;
    case GSNumPyLog: return gs_svml_log8_ha;
    case GSNumPyLog2: return gs_svml_log28_ha;
    case GSNumPyLog10: return gs_svml_log108_ha;
    case GSNumPyTan: return gs_svml_tan8_ha;
    case GSNumPyArctan: return gs_svml_atan8_ha;
    }
    return gs_svml_exp8_ha;
}

static gs_svml_unary gs_svml_f32(GSNumPyFunction f) {
    switch (f) {
    case GSNumPyLog2: return gs_svml_log2f16;
    case GSNumPyLog10: return gs_svml_log10f16;
    case GSNumPyTan: return gs_svml_tanf16;
    case GSNumPyArctan: return gs_svml_atanf16;
    case GSNumPyExp:
    case GSNumPyLog: break;
    }
    return NULL;
}

/// numpy's SVML loop over `n` values of `size` bytes: `unary(x)` or `binary(x, y)` (one of them
/// not NULL) on 64-byte blocks from the start, the last block padded with `*pad`.
static void gs_svml_blocks(gs_svml_unary unary, gs_svml_binary binary, const void *x, const void *y, void *out,
                           int64_t n, size_t size, const void *pad) {
    const int64_t lanes = 64 / (int64_t)size;
    unsigned char a[64], b[64], result[64];
    for (int64_t i = 0; i < n; i += lanes) {
        const int64_t used = n - i < lanes ? n - i : lanes;
        for (int64_t j = 0; j < lanes; j++) {
            const size_t at = (size_t)(i + j) * size;
            memcpy(a + (size_t)j * size, j < used ? (const unsigned char *)x + at : pad, size);
            if (binary) memcpy(b + (size_t)j * size, j < used ? (const unsigned char *)y + at : pad, size);
        }
        if (binary) {
            binary(a, b, result);
        } else {
            unary(a, result);
        }
        memcpy((unsigned char *)out + (size_t)i * size, result, (size_t)used * size);
    }
}
#endif

void gs_numpy_unary_f64(GSNumPyFunction f, const double *x, double *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        const double pad = gs_pads_with_one(f) ? 1.0 : 0.0;
        gs_svml_blocks(gs_svml_f64(f), NULL, x, NULL, out, n, sizeof(double), &pad);
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = gs_libm_f64(f, x[i]);
}

int gs_numpy_unary_f32(GSNumPyFunction f, const float *x, float *out, int64_t n) {
    if (f == GSNumPyExp || f == GSNumPyLog) return -1;
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        const float pad = gs_pads_with_one(f) ? 1.0f : 0.0f;
        gs_svml_blocks(gs_svml_f32(f), NULL, x, NULL, out, n, sizeof(float), &pad);
        return 0;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = gs_libm_f32(f, x[i]);
    return 0;
}

void gs_numpy_power_f64(const double *x, const double *y, double *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        const double one = 1.0;
        gs_svml_blocks(NULL, gs_svml_pow8_ha, x, y, out, n, sizeof(double), &one);
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = pow(x[i], y[i]);
}

void gs_numpy_power_f32(const float *x, const float *y, float *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        const float one = 1.0f;
        gs_svml_blocks(NULL, gs_svml_powf16, x, y, out, n, sizeof(float), &one);
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = powf(x[i], y[i]);
}
