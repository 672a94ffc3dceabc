// Shared by the portable and the AVX2 statistics kernels (not part of the module's API).
#ifndef GRADSCOPE_CSTATISTICSKERNELS_INTERNAL_H
#define GRADSCOPE_CSTATISTICSKERNELS_INTERNAL_H

#include "CStatisticsKernels.h"

/// What a kernel computes over the first `body` = count / 4 * 4 elements: the four running sums
/// of squares (lane j holds elements 4k + j, added in order) and the extremes (either zero when
/// the extreme is zero; the caller finds its sign).
typedef struct {
    double sums[4];
    double low, high;
} GSStatisticsBody;

void gs_statistics_body_f32_avx2(const float *values, int64_t body, GSStatisticsBody *out);
void gs_statistics_body_f64_avx2(const double *values, int64_t body, GSStatisticsBody *out);

#endif
