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
// SVMLCalls.S: one SVML vector call with arguments and result in memory.
void gs_svml_exp8_ha(const double *x, double *out);
void gs_svml_log8_ha(const double *x, double *out);
void gs_svml_log28_ha(const double *x, double *out);
void gs_svml_log108_ha(const double *x, double *out);
void gs_svml_tan8_ha(const double *x, double *out);
void gs_svml_atan8_ha(const double *x, double *out);
void gs_svml_log2f16(const float *x, float *out);
void gs_svml_log10f16(const float *x, float *out);
void gs_svml_tanf16(const float *x, float *out);
void gs_svml_atanf16(const float *x, float *out);
void gs_svml_pow8_ha(const double *x, const double *y, double *out);
void gs_svml_powf16(const float *x, const float *y, float *out);
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
typedef void (*gs_unary_f64_call)(const double *, double *);
typedef void (*gs_unary_f32_call)(const float *, float *);

static gs_unary_f64_call gs_svml_f64(GSNumPyFunction f) {
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

static gs_unary_f32_call gs_svml_f32(GSNumPyFunction f) {
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
#endif

void gs_numpy_unary_f64(GSNumPyFunction f, const double *x, double *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        gs_unary_f64_call call = gs_svml_f64(f);
        const double pad = gs_pads_with_one(f) ? 1.0 : 0.0;
        double in[8], result[8];
        for (int64_t i = 0; i < n; i += 8) {
            const int64_t lanes = n - i < 8 ? n - i : 8;
            for (int64_t j = 0; j < 8; j++) in[j] = j < lanes ? x[i + j] : pad;
            call(in, result);
            memcpy(out + i, result, (size_t)lanes * sizeof(double));
        }
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = gs_libm_f64(f, x[i]);
}

int gs_numpy_unary_f32(GSNumPyFunction f, const float *x, float *out, int64_t n) {
    if (f == GSNumPyExp || f == GSNumPyLog) return -1;
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        gs_unary_f32_call call = gs_svml_f32(f);
        const float pad = gs_pads_with_one(f) ? 1.0f : 0.0f;
        float in[16], result[16];
        for (int64_t i = 0; i < n; i += 16) {
            const int64_t lanes = n - i < 16 ? n - i : 16;
            for (int64_t j = 0; j < 16; j++) in[j] = j < lanes ? x[i + j] : pad;
            call(in, result);
            memcpy(out + i, result, (size_t)lanes * sizeof(float));
        }
        return 0;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = gs_libm_f32(f, x[i]);
    return 0;
}

void gs_numpy_power_f64(const double *x, const double *y, double *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        double base[8], exponent[8], result[8];
        for (int64_t i = 0; i < n; i += 8) {
            const int64_t lanes = n - i < 8 ? n - i : 8;
            for (int64_t j = 0; j < 8; j++) {
                base[j] = j < lanes ? x[i + j] : 1.0;
                exponent[j] = j < lanes ? y[i + j] : 1.0;
            }
            gs_svml_pow8_ha(base, exponent, result);
            memcpy(out + i, result, (size_t)lanes * sizeof(double));
        }
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = pow(x[i], y[i]);
}

void gs_numpy_power_f32(const float *x, const float *y, float *out, int64_t n) {
#if GS_HAS_SVML
    if (gs_numpy_svml_active()) {
        float base[16], exponent[16], result[16];
        for (int64_t i = 0; i < n; i += 16) {
            const int64_t lanes = n - i < 16 ? n - i : 16;
            for (int64_t j = 0; j < 16; j++) {
                base[j] = j < lanes ? x[i + j] : 1.0f;
                exponent[j] = j < lanes ? y[i + j] : 1.0f;
            }
            gs_svml_powf16(base, exponent, result);
            memcpy(out + i, result, (size_t)lanes * sizeof(float));
        }
        return;
    }
#endif
    for (int64_t i = 0; i < n; i++) out[i] = powf(x[i], y[i]);
}
