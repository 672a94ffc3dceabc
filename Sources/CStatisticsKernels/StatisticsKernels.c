// The portable statistics kernels, the run-time choice of the AVX2 ones, and what both share:
// the tail, the finiteness check and the sign of a zero extreme.
#include "StatisticsKernelsInternal.h"

#include <math.h>

// `s += x * x` must round the product before the add on every target (no fused multiply-add).
#pragma STDC FP_CONTRACT OFF

/// Whether this CPU runs AVX2 instructions.
static int gs_has_avx2(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

/// Element `i` of float32 (`isFloat`) or float64 values, as a double.
static inline double gs_value(const void *values, int isFloat, int64_t i) {
    return isFloat ? (double)((const float *)values)[i] : ((const double *)values)[i];
}

/// The portable body: four scalar running sums.
static void gs_statistics_body_portable(const void *values, int isFloat, int64_t body, GSStatisticsBody *out) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    double low = INFINITY, high = -INFINITY;
    for (int64_t i = 0; i < body; i += 4) {
        const double a = gs_value(values, isFloat, i), b = gs_value(values, isFloat, i + 1);
        const double c = gs_value(values, isFloat, i + 2), d = gs_value(values, isFloat, i + 3);
        s0 += a * a;
        s1 += b * b;
        s2 += c * c;
        s3 += d * d;
        low = fmin(low, fmin(fmin(a, b), fmin(c, d)));
        high = fmax(high, fmax(fmax(a, b), fmax(c, d)));
    }
    *out = (GSStatisticsBody){{s0, s1, s2, s3}, low, high};
}

/// Adds the tail to `body`'s results; when the sum of squares is finite, fills `out` (a zero
/// extreme signed as the first zero for the minimum, the last for the maximum) and returns 1.
static int gs_finish(const void *values, int isFloat, int64_t count, const GSStatisticsBody *body,
                     GSFiniteStatistics *out) {
    double sum = (body->sums[0] + body->sums[1]) + (body->sums[2] + body->sums[3]);
    double low = body->low, high = body->high;
    for (int64_t i = count / 4 * 4; i < count; i++) {
        const double x = gs_value(values, isFloat, i);
        sum += x * x;
        low = fmin(low, x);
        high = fmax(high, x);
    }
    if (!isfinite(sum)) return 0;
    if (low == 0)
        for (int64_t i = 0; i < count; i++)
            if (gs_value(values, isFloat, i) == 0) {
                low = gs_value(values, isFloat, i);
                break;
            }
    if (high == 0)
        for (int64_t i = count - 1; i >= 0; i--)
            if (gs_value(values, isFloat, i) == 0) {
                high = gs_value(values, isFloat, i);
                break;
            }
    *out = (GSFiniteStatistics){sum, low, high};
    return 1;
}

int gs_finite_statistics_f32_portable(const float *values, int64_t count, GSFiniteStatistics *out) {
    if (count <= 0) return 0;
    GSStatisticsBody body;
    gs_statistics_body_portable(values, 1, count / 4 * 4, &body);
    return gs_finish(values, 1, count, &body, out);
}

int gs_finite_statistics_f64_portable(const double *values, int64_t count, GSFiniteStatistics *out) {
    if (count <= 0) return 0;
    GSStatisticsBody body;
    gs_statistics_body_portable(values, 0, count / 4 * 4, &body);
    return gs_finish(values, 0, count, &body, out);
}

int gs_finite_statistics_f32(const float *values, int64_t count, GSFiniteStatistics *out) {
#if defined(__x86_64__)
    if (count > 0 && gs_has_avx2()) {
        GSStatisticsBody body;
        gs_statistics_body_f32_avx2(values, count / 4 * 4, &body);
        return gs_finish(values, 1, count, &body, out);
    }
#endif
    return gs_finite_statistics_f32_portable(values, count, out);
}

int gs_finite_statistics_f64(const double *values, int64_t count, GSFiniteStatistics *out) {
#if defined(__x86_64__)
    if (count > 0 && gs_has_avx2()) {
        GSStatisticsBody body;
        gs_statistics_body_f64_avx2(values, count / 4 * 4, &body);
        return gs_finish(values, 0, count, &body, out);
    }
#endif
    return gs_finite_statistics_f64_portable(values, count, out);
}
