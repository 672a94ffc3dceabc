// The one-pass statistics behind GradScope's gradient summaries (sum of squares, extremes) over
// contiguous float32 or float64 values, with AVX2 behind a run-time check. Every variant adds
// in the same order, so the results are the same bits on every CPU.
#ifndef GRADSCOPE_CSTATISTICSKERNELS_H
#define GRADSCOPE_CSTATISTICSKERNELS_H

#include <stdint.h>

/// Statistics of values that are all finite.
typedef struct {
    /// Four running sums of squares (elements 4k, 4k+1, 4k+2, 4k+3 of the first count / 4 * 4),
    /// added as (s0 + s1) + (s2 + s3), then the squares of the last count % 4 elements in order.
    double sumOfSquares;
    /// The smallest and the largest value. Of zeros of both signs, the minimum is the first in
    /// element order and the maximum the last.
    double min, max;
} GSFiniteStatistics;

/// Fills `out` and returns 1 when `count` > 0 and the sum of squares is finite (so every value
/// is finite); returns 0 otherwise, leaving the values to be counted one by one.
int gs_finite_statistics_f32(const float *values, int64_t count, GSFiniteStatistics *out);
int gs_finite_statistics_f64(const double *values, int64_t count, GSFiniteStatistics *out);

/// The two functions above without AVX2: what a CPU without it runs, with the same bits; the
/// tests compare both.
int gs_finite_statistics_f32_portable(const float *values, int64_t count, GSFiniteStatistics *out);
int gs_finite_statistics_f64_portable(const double *values, int64_t count, GSFiniteStatistics *out);

#endif
