// The convolution kernels in oneDNN's order with scalar fused multiply-adds (fmaf): any stride,
// any CPU, 2-D and 3-D; the AVX2 kernels give the 2-D ones' bits faster. Taps that fall in the
// padding are skipped (oneDNN skips them too; a +0 product would leave a chain unchanged). A 2-D
// convolution runs as a 3-D one of depth 1.
#include "ConvKernelsInternal.h"

#include <math.h>

/// `g` as a 3-D convolution of depth 1.
static GSConv3DGeometry gs_volume_of(const GSConvGeometry *g) {
    return (GSConv3DGeometry){
        .batch = g->batch, .inChannels = g->inChannels, .depth = 1, .height = g->height, .width = g->width,
        .outChannels = g->outChannels, .kernelD = 1, .kernelH = g->kernelH, .kernelW = g->kernelW,
        .strideD = 1, .strideH = g->strideH, .strideW = g->strideW,
        .padFront = 0, .padTop = g->padTop, .padLeft = g->padLeft,
        .dilationD = 1, .dilationH = g->dilationH, .dilationW = g->dilationW,
        .outD = 1, .outH = g->outH, .outW = g->outW};
}

/// The input coordinate kernel tap `k` of output position `o` reads along one dim, or -1 when it
/// falls in the padding.
static inline int64_t gs_tap(int64_t o, int64_t k, int64_t stride, int64_t pad, int64_t dilation, int64_t size) {
    const int64_t i = o * stride - pad + k * dilation;
    return i >= 0 && i < size ? i : -1;
}

/// The output coordinate whose kernel tap `k` reads input coordinate `i` along one dim, or -1.
static inline int64_t gs_source(int64_t i, int64_t k, int64_t stride, int64_t pad, int64_t dilation, int64_t size) {
    const int64_t s = i + pad - k * dilation;
    return s >= 0 && s % stride == 0 && s / stride < size ? s / stride : -1;
}

int gs_conv3d_forward_f32(const GSConv3DGeometry *g, const float *x, const float *w, const float *b, float *y) {
    const int64_t C = g->inChannels, D = g->depth, H = g->height, W = g->width;
    const int64_t KD = g->kernelD, KH = g->kernelH, KW = g->kernelW;
    for (int64_t n = 0; n < g->batch; n++)
        for (int64_t o = 0; o < g->outChannels; o++)
            for (int64_t od = 0; od < g->outD; od++)
                for (int64_t oy = 0; oy < g->outH; oy++)
                    for (int64_t ox = 0; ox < g->outW; ox++) {
                        float value = 0;
                        for (int64_t cb = 0; cb < C; cb += GS_CHANNEL_BLOCK) {
                            const int64_t ce = gs_min(cb + GS_CHANNEL_BLOCK, C);
                            float chain = 0;
                            for (int64_t kd = 0; kd < KD; kd++) {
                                const int64_t iz = gs_tap(od, kd, g->strideD, g->padFront, g->dilationD, D);
                                if (iz < 0) continue;
                                for (int64_t ki = 0; ki < KH; ki++) {
                                    const int64_t iy = gs_tap(oy, ki, g->strideH, g->padTop, g->dilationH, H);
                                    if (iy < 0) continue;
                                    for (int64_t kj = 0; kj < KW; kj++) {
                                        const int64_t ix = gs_tap(ox, kj, g->strideW, g->padLeft, g->dilationW, W);
                                        if (ix < 0) continue;
                                        for (int64_t c = cb; c < ce; c++)
                                            chain = fmaf(x[(((n * C + c) * D + iz) * H + iy) * W + ix],
                                                         w[(((o * C + c) * KD + kd) * KH + ki) * KW + kj], chain);
                                    }
                                }
                            }
                            value = cb == 0 ? (b ? chain + b[o] : chain) : chain + value;
                        }
                        y[(((n * g->outChannels + o) * g->outD + od) * g->outH + oy) * g->outW + ox] = value;
                    }
    return 0;
}

int gs_conv3d_backward_input_f32(const GSConv3DGeometry *g, const float *gy, const float *w, float *gx) {
    const int64_t C = g->inChannels, D = g->depth, H = g->height, W = g->width, O = g->outChannels;
    const int64_t KD = g->kernelD, KH = g->kernelH, KW = g->kernelW, outVolume = g->outD * g->outH * g->outW;
    for (int64_t n = 0; n < g->batch; n++)
        for (int64_t c = 0; c < C; c++)
            for (int64_t iz = 0; iz < D; iz++)
                for (int64_t iy = 0; iy < H; iy++)
                    for (int64_t ix = 0; ix < W; ix++) {
                        float value = 0;
                        for (int64_t ob = 0; ob < O; ob += GS_CHANNEL_BLOCK) {
                            const int64_t oe = gs_min(ob + GS_CHANNEL_BLOCK, O);
                            float chain = 0;
                            for (int64_t kd = 0; kd < KD; kd++) {
                                const int64_t sz = gs_source(iz, kd, g->strideD, g->padFront, g->dilationD, g->outD);
                                if (sz < 0) continue;
                                for (int64_t ki = 0; ki < KH; ki++) {
                                    const int64_t sy = gs_source(iy, ki, g->strideH, g->padTop, g->dilationH, g->outH);
                                    if (sy < 0) continue;
                                    for (int64_t kj = 0; kj < KW; kj++) {
                                        const int64_t sx =
                                            gs_source(ix, kj, g->strideW, g->padLeft, g->dilationW, g->outW);
                                        if (sx < 0) continue;
                                        const int64_t at = (sz * g->outH + sy) * g->outW + sx;
                                        for (int64_t o = ob; o < oe; o++)
                                            chain = fmaf(gy[(n * O + o) * outVolume + at],
                                                         w[(((o * C + c) * KD + kd) * KH + ki) * KW + kj], chain);
                                    }
                                }
                            }
                            value = ob == 0 ? chain : chain + value;
                        }
                        gx[(((n * C + c) * D + iz) * H + iy) * W + ix] = value;
                    }
    return 0;
}

int gs_conv3d_backward_weight_f32(const GSConv3DGeometry *g, const float *x, const float *gy, float *gw) {
    const int64_t C = g->inChannels, D = g->depth, H = g->height, W = g->width, O = g->outChannels;
    const int64_t KD = g->kernelD, KH = g->kernelH, KW = g->kernelW;
    for (int64_t o = 0; o < O; o++)
        for (int64_t c = 0; c < C; c++)
            for (int64_t kd = 0; kd < KD; kd++)
                for (int64_t ki = 0; ki < KH; ki++)
                    for (int64_t kj = 0; kj < KW; kj++) {
                        float chain = 0;
                        for (int64_t n = 0; n < g->batch; n++)
                            for (int64_t od = 0; od < g->outD; od++) {
                                const int64_t iz = gs_tap(od, kd, g->strideD, g->padFront, g->dilationD, D);
                                if (iz < 0) continue;
                                for (int64_t oy = 0; oy < g->outH; oy++) {
                                    const int64_t iy = gs_tap(oy, ki, g->strideH, g->padTop, g->dilationH, H);
                                    if (iy < 0) continue;
                                    for (int64_t ox = 0; ox < g->outW; ox++) {
                                        const int64_t ix = gs_tap(ox, kj, g->strideW, g->padLeft, g->dilationW, W);
                                        if (ix < 0) continue;
                                        chain = fmaf(x[(((n * C + c) * D + iz) * H + iy) * W + ix],
                                                     gy[(((n * O + o) * g->outD + od) * g->outH + oy) * g->outW + ox],
                                                     chain);
                                    }
                                }
                            }
                        gw[(((o * C + c) * KD + kd) * KH + ki) * KW + kj] = chain;
                    }
    return 0;
}

int gs_conv2d_forward_f32_portable(const GSConvGeometry *g, const float *x, const float *w, const float *b, float *y) {
    const GSConv3DGeometry volume = gs_volume_of(g);
    return gs_conv3d_forward_f32(&volume, x, w, b, y);
}

int gs_conv2d_backward_input_f32_portable(const GSConvGeometry *g, const float *gy, const float *w, float *gx) {
    const GSConv3DGeometry volume = gs_volume_of(g);
    return gs_conv3d_backward_input_f32(&volume, gy, w, gx);
}

int gs_conv2d_backward_weight_f32_portable(const GSConvGeometry *g, const float *x, const float *gy, float *gw) {
    const GSConv3DGeometry volume = gs_volume_of(g);
    return gs_conv3d_backward_weight_f32(&volume, x, gy, gw);
}
