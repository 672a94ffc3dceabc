// Chooses between the AVX2 + FMA kernels and the portable ones (same order, same bits).
#include "ConvKernelsInternal.h"

#include <string.h>

/// Whether this CPU runs AVX2 and FMA instructions.
static int gs_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

void gs_pad_image(const GSConvGeometry *g, const float *image, int64_t channels, int64_t height, int64_t width,
                  int64_t top, int64_t left, float *padded, int64_t rows, int64_t columns) {
    (void)g;
    for (int64_t c = 0; c < channels; c++)
        for (int64_t i = 0; i < height; i++)
            memcpy(padded + (c * rows + i + top) * columns + left, image + (c * height + i) * width,
                   (size_t)width * sizeof(float));
}

int gs_conv2d_forward_f32(const GSConvGeometry *g, const float *input, const float *weight, const float *bias,
                          float *output) {
#if defined(__x86_64__)
    if (g->strideH == 1 && g->strideW == 1 && gs_has_avx2_fma())
        return gs_conv2d_forward_f32_avx2(g, input, weight, bias, output);
#endif
    return gs_conv2d_forward_f32_portable(g, input, weight, bias, output);
}

int gs_conv2d_backward_input_f32(const GSConvGeometry *g, const float *gradOutput, const float *weight,
                                 float *gradInput) {
#if defined(__x86_64__)
    if (g->strideH == 1 && g->strideW == 1 && gs_has_avx2_fma())
        return gs_conv2d_backward_input_f32_avx2(g, gradOutput, weight, gradInput);
#endif
    return gs_conv2d_backward_input_f32_portable(g, gradOutput, weight, gradInput);
}

int gs_conv2d_backward_weight_f32(const GSConvGeometry *g, const float *input, const float *gradOutput,
                                  float *gradWeight) {
#if defined(__x86_64__)
    if (gs_has_avx2_fma()) return gs_conv2d_backward_weight_f32_avx2(g, input, gradOutput, gradWeight);
#endif
    return gs_conv2d_backward_weight_f32_portable(g, input, gradOutput, gradWeight);
}
