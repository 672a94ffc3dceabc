// The statistics bodies with AVX2, compiled for AVX2 function by function (the package builds
// for baseline x86-64) and called only after a run-time CPU check. The four running sums of
// squares are the four lanes of one vector, each square rounded before it is added (no fused
// multiply-add), so the bits are the portable kernel's; the extremes take eight lanes at a time.
#if defined(__x86_64__)
#include "StatisticsKernelsInternal.h"

#include <immintrin.h>
#include <math.h>

#define GS_AVX2 __attribute__((target("avx2")))

/// The smallest and the largest of the lanes of `low` and `high`.
GS_AVX2 static void gs_store_extremes(__m256 low, __m256 high, GSStatisticsBody *out) {
    float lows[8], highs[8];
    _mm256_storeu_ps(lows, low);
    _mm256_storeu_ps(highs, high);
    out->low = INFINITY;
    out->high = -INFINITY;
    for (int j = 0; j < 8; j++) {
        out->low = fmin(out->low, lows[j]);
        out->high = fmax(out->high, highs[j]);
    }
}

/// Adds the four squares of `v` to the running sums.
GS_AVX2 static inline __m256d gs_add_squares(__m256d sums, __m256d v) {
    return _mm256_add_pd(sums, _mm256_mul_pd(v, v));
}

GS_AVX2 void gs_statistics_body_f32_avx2(const float *values, int64_t body, GSStatisticsBody *out) {
    __m256d sums = _mm256_setzero_pd();
    __m256 low = _mm256_set1_ps(INFINITY), high = _mm256_set1_ps(-INFINITY);
    int64_t i = 0;
    for (; i + 16 <= body; i += 16) {
        const __m256 a = _mm256_loadu_ps(values + i), b = _mm256_loadu_ps(values + i + 8);
        low = _mm256_min_ps(low, _mm256_min_ps(a, b));
        high = _mm256_max_ps(high, _mm256_max_ps(a, b));
        sums = gs_add_squares(sums, _mm256_cvtps_pd(_mm256_castps256_ps128(a)));
        sums = gs_add_squares(sums, _mm256_cvtps_pd(_mm256_extractf128_ps(a, 1)));
        sums = gs_add_squares(sums, _mm256_cvtps_pd(_mm256_castps256_ps128(b)));
        sums = gs_add_squares(sums, _mm256_cvtps_pd(_mm256_extractf128_ps(b, 1)));
    }
    for (; i < body; i += 4) {
        const __m128 v = _mm_loadu_ps(values + i);
        const __m256 wide = _mm256_set_m128(v, v);
        low = _mm256_min_ps(low, wide);
        high = _mm256_max_ps(high, wide);
        sums = gs_add_squares(sums, _mm256_cvtps_pd(v));
    }
    _mm256_storeu_pd(out->sums, sums);
    gs_store_extremes(low, high, out);
}

GS_AVX2 void gs_statistics_body_f64_avx2(const double *values, int64_t body, GSStatisticsBody *out) {
    __m256d sums = _mm256_setzero_pd();
    __m256d low = _mm256_set1_pd(INFINITY), high = _mm256_set1_pd(-INFINITY);
    int64_t i = 0;
    for (; i + 8 <= body; i += 8) {
        const __m256d a = _mm256_loadu_pd(values + i), b = _mm256_loadu_pd(values + i + 4);
        low = _mm256_min_pd(low, _mm256_min_pd(a, b));
        high = _mm256_max_pd(high, _mm256_max_pd(a, b));
        sums = gs_add_squares(sums, a);
        sums = gs_add_squares(sums, b);
    }
    for (; i < body; i += 4) {
        const __m256d v = _mm256_loadu_pd(values + i);
        low = _mm256_min_pd(low, v);
        high = _mm256_max_pd(high, v);
        sums = gs_add_squares(sums, v);
    }
    _mm256_storeu_pd(out->sums, sums);
    double lows[4], highs[4];
    _mm256_storeu_pd(lows, low);
    _mm256_storeu_pd(highs, high);
    out->low = fmin(fmin(lows[0], lows[1]), fmin(lows[2], lows[3]));
    out->high = fmax(fmax(highs[0], highs[1]), fmax(highs[2], highs[3]));
}
#endif
