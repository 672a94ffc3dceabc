// The convolution kernels in oneDNN's order with AVX2 fused multiply-adds, compiled for AVX2 +
// FMA function by function (the package builds for baseline x86-64) and called only after a
// run-time CPU check. Each lane is its own chain, in the order of ConvKernelsPortable.c, over
// zero-padded copies of the data: a tap in the padding adds a +0 product, which leaves a chain
// unchanged. Blocking (4 output channels x 16 columns forward, 4 input channels x 8 columns for
// the input gradient, 4 kernel taps x 8 output channels for the weight gradient) gives several
// independent chains per step.
#if defined(__x86_64__)
#include "ConvKernelsInternal.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#define GS_AVX2 __attribute__((target("avx2,fma")))

/// Stores the first `lanes` of `value` at `destination`.
GS_AVX2 static void gs_store_lanes(float *destination, __m256 value, int64_t lanes) {
    if (lanes == 8) {
        _mm256_storeu_ps(destination, value);
        return;
    }
    float buffer[8];
    _mm256_storeu_ps(buffer, value);
    memcpy(destination, buffer, (size_t)lanes * sizeof(float));
}

/// Forward for stride 1: 4 output channels x 16 output columns per step, 8 chains.
GS_AVX2 int gs_conv2d_forward_f32_avx2(const GSConvGeometry *g, const float *x, const float *w, const float *b,
                                       float *y) {
    const int64_t C = g->inChannels, O = g->outChannels, KH = g->kernelH, KW = g->kernelW;
    const int64_t DH = g->dilationH, DW = g->dilationW, OH = g->outH, OW = g->outW;
    const int64_t rows = gs_max(g->height + g->padTop, OH + (KH - 1) * DH);
    const int64_t columns = gs_max(g->width + g->padLeft, gs_round_up(OW, 16) + (KW - 1) * DW);
    const int64_t plane = rows * columns, taps = KH * KW;
    float *padded = calloc((size_t)(C * plane), sizeof(float));
    if (!padded) return -1;
    for (int64_t n = 0; n < g->batch; n++) {
        gs_pad_image(g, x + n * C * g->height * g->width, C, g->height, g->width, g->padTop, g->padLeft, padded, rows,
                     columns);
        float *yn = y + n * O * OH * OW;
        for (int64_t o = 0; o < O; o += 4) {
            const float *wk[4];
            float bk[4];
            for (int k = 0; k < 4; k++) {
                const int64_t oc = gs_min(o + k, O - 1);
                wk[k] = w + oc * C * taps;
                bk[k] = b ? b[oc] : 0;
            }
            for (int64_t oy = 0; oy < OH; oy++)
                for (int64_t ox = 0; ox < OW; ox += 16) {
                    __m256 value[8];
                    for (int64_t cb = 0; cb < C; cb += GS_CHANNEL_BLOCK) {
                        const int64_t ce = gs_min(cb + GS_CHANNEL_BLOCK, C);
                        __m256 t[8];
                        for (int k = 0; k < 8; k++) t[k] = _mm256_setzero_ps();
                        for (int64_t ki = 0; ki < KH; ki++)
                            for (int64_t kj = 0; kj < KW; kj++) {
                                const float *src = padded + (cb * rows + oy + ki * DH) * columns + ox + kj * DW;
                                int64_t wi = (cb * KH + ki) * KW + kj;
                                for (int64_t c = cb; c < ce; c++, src += plane, wi += taps) {
                                    const __m256 left = _mm256_loadu_ps(src), right = _mm256_loadu_ps(src + 8);
                                    for (int k = 0; k < 4; k++) {
                                        const __m256 q = _mm256_broadcast_ss(wk[k] + wi);
                                        t[2 * k] = _mm256_fmadd_ps(left, q, t[2 * k]);
                                        t[2 * k + 1] = _mm256_fmadd_ps(right, q, t[2 * k + 1]);
                                    }
                                }
                            }
                        for (int k = 0; k < 8; k++) {
                            if (cb > 0)
                                value[k] = _mm256_add_ps(t[k], value[k]);
                            else
                                value[k] = b ? _mm256_add_ps(t[k], _mm256_set1_ps(bk[k / 2])) : t[k];
                        }
                    }
                    const int64_t lanes = gs_min(OW - ox, 16);
                    for (int k = 0; k < 4 && o + k < O; k++) {
                        float *dst = yn + ((o + k) * OH + oy) * OW + ox;
                        gs_store_lanes(dst, value[2 * k], gs_min(lanes, 8));
                        if (lanes > 8) gs_store_lanes(dst + 8, value[2 * k + 1], lanes - 8);
                    }
                }
        }
    }
    free(padded);
    return 0;
}

/// Input gradient for stride 1: 4 input channels x 8 input columns per step, 4 chains, over the
/// output gradient padded so that every tap reads inside the buffer.
GS_AVX2 int gs_conv2d_backward_input_f32_avx2(const GSConvGeometry *g, const float *gy, const float *w, float *gx) {
    const int64_t C = g->inChannels, H = g->height, W = g->width, O = g->outChannels, KH = g->kernelH, KW = g->kernelW;
    const int64_t DH = g->dilationH, DW = g->dilationW, OH = g->outH, OW = g->outW, taps = KH * KW;
    const int64_t top = (KH - 1) * DH, left = (KW - 1) * DW;
    const int64_t rows = gs_max(OH, H + g->padTop) + top;
    const int64_t columns = gs_max(OW, gs_round_up(W, 8) + g->padLeft) + left;
    float *padded = calloc((size_t)(O * rows * columns), sizeof(float));
    if (!padded) return -1;
    for (int64_t n = 0; n < g->batch; n++) {
        gs_pad_image(g, gy + n * O * OH * OW, O, OH, OW, top, left, padded, rows, columns);
        for (int64_t c = 0; c < C; c += 4) {
            int64_t channel[4];
            for (int k = 0; k < 4; k++) channel[k] = gs_min(c + k, C - 1);
            for (int64_t iy = 0; iy < H; iy++)
                for (int64_t ix = 0; ix < W; ix += 8) {
                    __m256 value[4];
                    for (int64_t ob = 0; ob < O; ob += GS_CHANNEL_BLOCK) {
                        const int64_t oe = gs_min(ob + GS_CHANNEL_BLOCK, O);
                        __m256 t[4];
                        for (int k = 0; k < 4; k++) t[k] = _mm256_setzero_ps();
                        for (int64_t ki = 0; ki < KH; ki++)
                            for (int64_t kj = 0; kj < KW; kj++) {
                                const int64_t row = iy + g->padTop - ki * DH + top;
                                const int64_t column = ix + g->padLeft - kj * DW + left;
                                for (int64_t o = ob; o < oe; o++) {
                                    const __m256 a = _mm256_loadu_ps(padded + (o * rows + row) * columns + column);
                                    const float *wo = w + o * C * taps + ki * KW + kj;
                                    for (int k = 0; k < 4; k++)
                                        t[k] = _mm256_fmadd_ps(a, _mm256_broadcast_ss(wo + channel[k] * taps), t[k]);
                                }
                            }
                        for (int k = 0; k < 4; k++) value[k] = ob == 0 ? t[k] : _mm256_add_ps(t[k], value[k]);
                    }
                    const int64_t lanes = gs_min(W - ix, 8);
                    for (int k = 0; k < 4 && c + k < C; k++)
                        gs_store_lanes(gx + ((n * C + c + k) * H + iy) * W + ix, value[k], lanes);
                }
        }
    }
    free(padded);
    return 0;
}

/// Weight gradient, any stride: lanes are 8 output channels (the output gradient transposed to
/// [position][channel]), 4 kernel taps per step; the chains live in `sums` across images.
GS_AVX2 int gs_conv2d_backward_weight_f32_avx2(const GSConvGeometry *g, const float *x, const float *gy, float *gw) {
    const int64_t C = g->inChannels, O = g->outChannels, KH = g->kernelH, KW = g->kernelW, OH = g->outH, OW = g->outW;
    const int64_t SH = g->strideH, SW = g->strideW, DH = g->dilationH, DW = g->dilationW;
    const int64_t rows = gs_max(g->height + g->padTop, (OH - 1) * SH + (KH - 1) * DH + 1);
    const int64_t columns = gs_max(g->width + g->padLeft, (OW - 1) * SW + (KW - 1) * DW + 1);
    const int64_t lanes = gs_round_up(O, 8), taps = C * KH * KW, positions = OH * OW;
    float *padded = calloc((size_t)(C * rows * columns), sizeof(float));
    float *transposed = calloc((size_t)(positions * lanes), sizeof(float));
    float *sums = calloc((size_t)(taps * lanes), sizeof(float));
    if (!padded || !transposed || !sums) {
        free(padded);
        free(transposed);
        free(sums);
        return -1;
    }
    for (int64_t n = 0; n < g->batch; n++) {
        gs_pad_image(g, x + n * C * g->height * g->width, C, g->height, g->width, g->padTop, g->padLeft, padded, rows,
                     columns);
        const float *gn = gy + n * O * positions;
        for (int64_t o = 0; o < O; o++)
            for (int64_t p = 0; p < positions; p++) transposed[p * lanes + o] = gn[o * positions + p];
        for (int64_t r = 0; r < taps; r += 4) {
            const float *base[4];
            int64_t tap[4];
            for (int k = 0; k < 4; k++) {
                tap[k] = gs_min(r + k, taps - 1);
                const int64_t c = tap[k] / (KH * KW), ki = tap[k] / KW % KH, kj = tap[k] % KW;
                base[k] = padded + (c * rows + ki * DH) * columns + kj * DW;
            }
            for (int64_t ob = 0; ob < lanes; ob += 8) {
                __m256 t[4];
                for (int k = 0; k < 4; k++) t[k] = _mm256_loadu_ps(sums + tap[k] * lanes + ob);
                const float *gp = transposed + ob;
                for (int64_t oy = 0; oy < OH; oy++)
                    for (int64_t ox = 0; ox < OW; ox++, gp += lanes) {
                        const __m256 q = _mm256_loadu_ps(gp);
                        const int64_t at = oy * SH * columns + ox * SW;
                        for (int k = 0; k < 4; k++) t[k] = _mm256_fmadd_ps(_mm256_broadcast_ss(base[k] + at), q, t[k]);
                    }
                for (int k = 0; k < 4 && r + k < taps; k++) _mm256_storeu_ps(sums + tap[k] * lanes + ob, t[k]);
            }
        }
    }
    for (int64_t o = 0; o < O; o++)
        for (int64_t r = 0; r < taps; r++) gw[o * taps + r] = sums[r * lanes + o];
    free(padded);
    free(transposed);
    free(sums);
    return 0;
}
#endif
