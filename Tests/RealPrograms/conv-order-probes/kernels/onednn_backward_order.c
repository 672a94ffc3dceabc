// Probe: the two backward float32 conv2d kernels in oneDNN jit:avx512_core's orders, as PyTorch
// 2.15 runs them on one thread, and GradScope's im2col + sgemm, both checked bit for bit against
// PyTorch's gradients (written by make_backward_reference.py) and counted with callgrind:
//
//   OMP_NUM_THREADS=1 /tmp/fmt-torch/bin/python make_backward_reference.py
//   gcc -O2 -o onednn_backward_order onednn_backward_order.c -lopenblas
//   OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=F ./onednn_backward_order MODE
//   callgrind_annotate --inclusive=yes F | grep -E 'gw_|gx_'
//
// MODE: onednn / gemm for the weight gradient, xo / xg for the input gradient. Geometry:
// yunjey_convnet_batchnorm's second layer (16x16x14x14 input, 32 5x5 filters, padding 2).
// Weight gradient: one fused multiply-add chain per weight over images, rows, then columns
// (lanes: 8 output channels, the image's output gradient transposed to [position][channel]).
// Input gradient: per block of 16 output channels one chain over kernel row, kernel column, then
// output channel, each later block's sum added to the value so far (lanes: 8 input columns, 4
// input channels per step, reading a zero-padded output gradient).
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
static float *readf(const char *p, size_t n) { float *a = malloc(n * 4); FILE *f = fopen(p, "rb"); if (fread(a, 4, n, f) != n) exit(1); fclose(f); return a; }
enum { N = 16, C = 16, H = 14, W = 14, O = 32, K = 5, P = 2, OH = 14, OW = 14 };
// one chain per weight over images, rows, columns; lanes = 8 output channels
__attribute__((target("avx2,fma"), noinline))
static void gw_onednn(const float *x, const float *gy, float *gw) {
    int Hp = H + 2 * P, Wp = W + 2 * P;
    float *xp = calloc(C * Hp * Wp, 4);
    float *gt = malloc(OH * OW * O * 4);  // [pos][o]
    float *acc = calloc(C * K * K * O, 4);  // [c][ki][kj][o]
    for (int n = 0; n < N; n++) {
        for (int c = 0; c < C; c++) for (int i = 0; i < H; i++)
            memcpy(xp + (c * Hp + i + P) * Wp + P, x + ((n * C + c) * H + i) * W, W * 4);
        for (int o = 0; o < O; o++) for (int p = 0; p < OH * OW; p++) gt[p * O + o] = gy[(n * O + o) * OH * OW + p];
        for (int c = 0; c < C; c++) for (int ki = 0; ki < K; ki++) for (int kj = 0; kj < K; kj++) {
            float *a = acc + ((c * K + ki) * K + kj) * O;
            for (int ob = 0; ob < O; ob += 16) {
                __m256 t0 = _mm256_loadu_ps(a + ob), t1 = _mm256_loadu_ps(a + ob + 8);
                for (int oy = 0; oy < OH; oy++) {
                    const float *xr = xp + (c * Hp + oy + ki) * Wp + kj;
                    const float *gr = gt + oy * OW * O + ob;
                    for (int ox = 0; ox < OW; ox++, gr += O) {
                        __m256 q = _mm256_broadcast_ss(xr + ox);
                        t0 = _mm256_fmadd_ps(q, _mm256_loadu_ps(gr), t0);
                        t1 = _mm256_fmadd_ps(q, _mm256_loadu_ps(gr + 8), t1);
                    }
                }
                _mm256_storeu_ps(a + ob, t0); _mm256_storeu_ps(a + ob + 8, t1);
            }
        }
    }
    for (int o = 0; o < O; o++) for (int r = 0; r < C * K * K; r++) gw[o * C * K * K + r] = acc[r * O + o];
    free(xp); free(gt); free(acc);
}
__attribute__((noinline)) static void gw_gemm(const float *x, const float *gy, float *gw) {
    int rows = C * K * K, pos = OH * OW;
    float *col = malloc(rows * pos * 4);
    memset(gw, 0, O * rows * 4);
    for (int n = 0; n < N; n++) {
        for (int c = 0; c < C; c++) for (int ki = 0; ki < K; ki++) for (int kj = 0; kj < K; kj++)
            for (int oy = 0; oy < OH; oy++) for (int ox = 0; ox < OW; ox++) {
                int iy = oy + ki - P, ix = ox + kj - P;
                col[((c * K + ki) * K + kj) * pos + oy * OW + ox] = (iy >= 0 && iy < H && ix >= 0 && ix < W) ? x[((n * C + c) * H + iy) * W + ix] : 0;
            }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, O, rows, pos, 1, gy + n * O * pos, pos, col, pos, 1, gw, rows);
    }
    free(col);
}

// input gradient: per block of 16 output channels one chain over kernel row, kernel column,
// output channel; lanes = 8 input columns, 4 input channels per step
__attribute__((target("avx2,fma"), noinline))
static void gx_onednn(const float *gy, const float *w, float *gx) {
    int E = K - 1 - P, Hq = OH + 2 * E, Wq = OW + 2 * E + 16;
    float *gp = calloc(O * Hq * Wq, 4);
    float tmp[32];
    for (int n = 0; n < N; n++) {
        for (int o = 0; o < O; o++) for (int i = 0; i < OH; i++)
            memcpy(gp + (o * Hq + i + E) * Wq + E, gy + ((n * O + o) * OH + i) * OW, OW * 4);
        for (int c = 0; c < C; c += 4)
            for (int iy = 0; iy < H; iy++)
                for (int ix = 0; ix < W; ix += 8) {
                    __m256 v0 = _mm256_setzero_ps(), v1 = v0, v2 = v0, v3 = v0;
                    for (int obk = 0; obk < O; obk += 16) {
                        __m256 t0 = _mm256_setzero_ps(), t1 = t0, t2 = t0, t3 = t0;
                        for (int ki = 0; ki < K; ki++)
                            for (int kj = 0; kj < K; kj++)
                                for (int o = obk; o < obk + 16 && o < O; o++) {
                                    __m256 a = _mm256_loadu_ps(gp + (o * Hq + iy + K - 1 - ki) * Wq + ix + K - 1 - kj);
                                    const float *wk = w + ((o * C + c) * K + ki) * K + kj;
                                    t0 = _mm256_fmadd_ps(a, _mm256_broadcast_ss(wk), t0);
                                    t1 = _mm256_fmadd_ps(a, _mm256_broadcast_ss(wk + K * K), t1);
                                    t2 = _mm256_fmadd_ps(a, _mm256_broadcast_ss(wk + 2 * K * K), t2);
                                    t3 = _mm256_fmadd_ps(a, _mm256_broadcast_ss(wk + 3 * K * K), t3);
                                }
                        if (obk == 0) { v0 = t0; v1 = t1; v2 = t2; v3 = t3; }
                        else { v0 = _mm256_add_ps(t0, v0); v1 = _mm256_add_ps(t1, v1); v2 = _mm256_add_ps(t2, v2); v3 = _mm256_add_ps(t3, v3); }
                    }
                    int lanes = W - ix < 8 ? W - ix : 8;
                    __m256 vs[4] = {v0, v1, v2, v3};
                    for (int k = 0; k < 4; k++) {
                        _mm256_storeu_ps(tmp, vs[k]);
                        memcpy(gx + ((n * C + c + k) * H + iy) * W + ix, tmp, lanes * 4);
                    }
                }
    }
    free(gp);
}
__attribute__((noinline)) static void gx_gemm(const float *gy, const float *w, float *gx) {
    int rows = C * K * K, pos = OH * OW;
    float *col = malloc(rows * pos * 4);
    memset(gx, 0, N * C * H * W * 4);
    for (int n = 0; n < N; n++) {
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, rows, pos, O, 1, w, rows, gy + n * O * pos, pos, 0, col, pos);
        for (int c = 0; c < C; c++) for (int ki = 0; ki < K; ki++) for (int kj = 0; kj < K; kj++)
            for (int oy = 0; oy < OH; oy++) for (int ox = 0; ox < OW; ox++) {
                int iy = oy + ki - P, ix = ox + kj - P;
                if (iy >= 0 && iy < H && ix >= 0 && ix < W) gx[((n * C + c) * H + iy) * W + ix] += col[((c * K + ki) * K + kj) * pos + oy * OW + ox];
            }
    }
    free(col);
}
int main(int argc, char **argv) {
    float *x = readf("wx.bin", N * C * H * W), *gy = readf("wgy.bin", N * O * OH * OW), *ref = readf("wgw.bin", O * C * K * K);
    float *gw = malloc(O * C * K * K * 4);
    if (argv[1][0] == 'x') {
        float *w = readf("dw.bin", O * C * K * K), *r = readf("dgx.bin", N * C * H * W), *gx = malloc(N * C * H * W * 4);
        if (argv[1][1] == 'o') gx_onednn(gy, w, gx); else gx_gemm(gy, w, gx);
        int d = 0; for (int i = 0; i < N * C * H * W; i++) d += memcmp(gx + i, r + i, 4) != 0;
        printf("%s: %d of %d input-gradient values differ from PyTorch\n", argv[1], d, N * C * H * W);
        return 0;
    }
    if (argv[1][0] == 'o') gw_onednn(x, gy, gw); else gw_gemm(x, gy, gw);
    int d = 0; for (int i = 0; i < O * C * K * K; i++) d += memcmp(gw + i, ref + i, 4) != 0;
    printf("%s: %d of %d weight-gradient values differ from PyTorch\n", argv[1], d, O * C * K * K);
}
