// Shared by the portable and the AVX2 kernels of CConvKernels (not part of the module's API).
#ifndef GRADSCOPE_CCONVKERNELS_INTERNAL_H
#define GRADSCOPE_CCONVKERNELS_INTERNAL_H

#include "CConvKernels.h"

/// oneDNN's channel blocking: a chain covers at most this many channels before it is added to
/// the value so far.
enum { GS_CHANNEL_BLOCK = 16 };

static inline int64_t gs_max(int64_t a, int64_t b) { return a > b ? a : b; }
static inline int64_t gs_min(int64_t a, int64_t b) { return a < b ? a : b; }
static inline int64_t gs_round_up(int64_t a, int64_t multiple) { return (a + multiple - 1) / multiple * multiple; }

/// Copies one image's channels into a zero-initialised `rows` x `columns` plane per channel,
/// shifted by the top and left padding.
void gs_pad_image(const GSConvGeometry *g, const float *image, int64_t channels, int64_t height, int64_t width,
                  int64_t top, int64_t left, float *padded, int64_t rows, int64_t columns);

int gs_conv2d_forward_f32_avx2(const GSConvGeometry *g, const float *x, const float *w, const float *b, float *y);
int gs_conv2d_backward_input_f32_avx2(const GSConvGeometry *g, const float *gy, const float *w, float *gx);
int gs_conv2d_backward_weight_f32_avx2(const GSConvGeometry *g, const float *x, const float *gy, float *gw);

#endif
