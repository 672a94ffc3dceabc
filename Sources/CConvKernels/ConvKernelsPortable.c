// The convolution kernels in oneDNN's order with scalar fused multiply-adds (fmaf): any stride,
// any CPU; the AVX2 kernels give the same bits faster. Taps that fall in the padding are skipped
// (oneDNN skips them too; a +0 product would leave a chain unchanged).
#include "ConvKernelsInternal.h"

#include <math.h>

int gs_conv2d_forward_f32_portable(const GSConvGeometry *g, const float *x, const float *w, const float *b, float *y) {
    const int64_t C = g->inChannels, H = g->height, W = g->width, KH = g->kernelH, KW = g->kernelW;
    for (int64_t n = 0; n < g->batch; n++)
        for (int64_t o = 0; o < g->outChannels; o++)
            for (int64_t oy = 0; oy < g->outH; oy++)
                for (int64_t ox = 0; ox < g->outW; ox++) {
                    float value = 0;
                    for (int64_t cb = 0; cb < C; cb += GS_CHANNEL_BLOCK) {
                        const int64_t ce = gs_min(cb + GS_CHANNEL_BLOCK, C);
                        float chain = 0;
                        for (int64_t ki = 0; ki < KH; ki++) {
                            const int64_t iy = oy * g->strideH - g->padTop + ki * g->dilationH;
                            if (iy < 0 || iy >= H) continue;
                            for (int64_t kj = 0; kj < KW; kj++) {
                                const int64_t ix = ox * g->strideW - g->padLeft + kj * g->dilationW;
                                if (ix < 0 || ix >= W) continue;
                                for (int64_t c = cb; c < ce; c++)
                                    chain = fmaf(x[((n * C + c) * H + iy) * W + ix], w[((o * C + c) * KH + ki) * KW + kj],
                                                 chain);
                            }
                        }
                        value = cb == 0 ? (b ? chain + b[o] : chain) : chain + value;
                    }
                    y[((n * g->outChannels + o) * g->outH + oy) * g->outW + ox] = value;
                }
    return 0;
}

int gs_conv2d_backward_input_f32_portable(const GSConvGeometry *g, const float *gy, const float *w, float *gx) {
    const int64_t C = g->inChannels, H = g->height, W = g->width, O = g->outChannels, KH = g->kernelH, KW = g->kernelW;
    for (int64_t n = 0; n < g->batch; n++)
        for (int64_t c = 0; c < C; c++)
            for (int64_t iy = 0; iy < H; iy++)
                for (int64_t ix = 0; ix < W; ix++) {
                    float value = 0;
                    for (int64_t ob = 0; ob < O; ob += GS_CHANNEL_BLOCK) {
                        const int64_t oe = gs_min(ob + GS_CHANNEL_BLOCK, O);
                        float chain = 0;
                        for (int64_t ki = 0; ki < KH; ki++) {
                            const int64_t sy = iy + g->padTop - ki * g->dilationH;
                            if (sy < 0 || sy % g->strideH != 0 || sy / g->strideH >= g->outH) continue;
                            for (int64_t kj = 0; kj < KW; kj++) {
                                const int64_t sx = ix + g->padLeft - kj * g->dilationW;
                                if (sx < 0 || sx % g->strideW != 0 || sx / g->strideW >= g->outW) continue;
                                const int64_t at = (sy / g->strideH) * g->outW + sx / g->strideW;
                                for (int64_t o = ob; o < oe; o++)
                                    chain = fmaf(gy[(n * O + o) * g->outH * g->outW + at],
                                                 w[((o * C + c) * KH + ki) * KW + kj], chain);
                            }
                        }
                        value = ob == 0 ? chain : chain + value;
                    }
                    gx[((n * C + c) * H + iy) * W + ix] = value;
                }
    return 0;
}

int gs_conv2d_backward_weight_f32_portable(const GSConvGeometry *g, const float *x, const float *gy, float *gw) {
    const int64_t C = g->inChannels, H = g->height, W = g->width, O = g->outChannels, KH = g->kernelH, KW = g->kernelW;
    for (int64_t o = 0; o < O; o++)
        for (int64_t c = 0; c < C; c++)
            for (int64_t ki = 0; ki < KH; ki++)
                for (int64_t kj = 0; kj < KW; kj++) {
                    float chain = 0;
                    for (int64_t n = 0; n < g->batch; n++)
                        for (int64_t oy = 0; oy < g->outH; oy++) {
                            const int64_t iy = oy * g->strideH - g->padTop + ki * g->dilationH;
                            if (iy < 0 || iy >= H) continue;
                            for (int64_t ox = 0; ox < g->outW; ox++) {
                                const int64_t ix = ox * g->strideW - g->padLeft + kj * g->dilationW;
                                if (ix < 0 || ix >= W) continue;
                                chain = fmaf(x[((n * C + c) * H + iy) * W + ix],
                                             gy[((n * O + o) * g->outH + oy) * g->outW + ox], chain);
                            }
                        }
                    gw[((o * C + c) * KH + ki) * KW + kj] = chain;
                }
    return 0;
}
