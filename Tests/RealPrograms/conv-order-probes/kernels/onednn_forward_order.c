// Probe: a float32 conv2d forward in oneDNN jit:avx512_core's summation order, as PyTorch 2.15
// runs it on one thread, and GradScope's im2col + sgemm, both checked bit for bit against PyTorch's
// output (written by make_forward_reference.py) and counted with callgrind:
//
//   OMP_NUM_THREADS=1 /tmp/fmt-torch/bin/python make_forward_reference.py
//   gcc -O2 -o onednn_forward_order onednn_forward_order.c -lopenblas
//   OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=F ./onednn_forward_order 1 onednn
//   callgrind_annotate --inclusive=yes F | grep conv_     (modes: onednn, gemm; geometries 1, 2)
//
// oneDNN's order per output value: per block of 16 input channels one fused multiply-add chain
// over kernel row, kernel column, then channel; the first block's sum plus the bias, each later
// block's sum plus the value so far. Each output value is its own chain, so any vector width gives
// the same bits: this uses AVX2 (8 lanes; valgrind cannot run AVX-512), 16 output columns by 4
// output channels per step, reading the zero-padded image (a padded tap adds a +0 product, which
// leaves a chain's value unchanged).
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>

static float *readf(const char *p, size_t n) { float *a = malloc(n * 4); FILE *f = fopen(p, "rb"); fread(a, 4, n, f); fclose(f); return a; }

typedef struct { int N, C, H, W, O, K, P, OH, OW; } G;

// 4 output channels x 16 columns per step (8 accumulators), every lane its own chain; columns
// past the row end are computed from the padded buffer and not stored.
__attribute__((target("avx2,fma"), noinline))
static void conv_onednn_order(const G *g, const float *x, const float *w, const float *b, float *y) {
    int Hp = g->H + 2 * g->P, Wp = g->W + 2 * g->P, K = g->K, C = g->C, OW = g->OW;
    int OWr = (OW + 15) / 16 * 16;
    size_t plane = (size_t)Hp * Wp;
    float *xp = calloc((size_t)C * plane + OWr + 16, 4);
    float *tmp = malloc(4 * 16 * 4);
    for (int n = 0; n < g->N; n++) {
        const float *xi = x + (size_t)n * C * g->H * g->W;
        for (int c = 0; c < C; c++) for (int i = 0; i < g->H; i++)
            memcpy(xp + ((size_t)c * Hp + i + g->P) * Wp + g->P, xi + ((size_t)c * g->H + i) * g->W, g->W * 4);
        float *yo = y + (size_t)n * g->O * g->OH * OW;
        for (int o = 0; o < g->O; o += 4) {
            const float *w0 = w + (size_t)o * C * K * K, *w1 = w0 + C * K * K, *w2 = w1 + C * K * K, *w3 = w2 + C * K * K;
            for (int oy = 0; oy < g->OH; oy++) {
                for (int ox = 0; ox < OW; ox += 16) {
                    __m256 v[8];
                    for (int cb = 0; cb < C; cb += 16) {
                        int ce = cb + 16 < C ? cb + 16 : C;
                        __m256 t0 = _mm256_setzero_ps(), t1 = t0, t2 = t0, t3 = t0, t4 = t0, t5 = t0, t6 = t0, t7 = t0;
                        for (int ki = 0; ki < K; ki++)
                            for (int kj = 0; kj < K; kj++) {
                                const float *src = xp + ((size_t)cb * Hp + oy + ki) * Wp + ox + kj;
                                int wi = (cb * K + ki) * K + kj;
                                for (int c = cb; c < ce; c++, src += plane, wi += K * K) {
                                    __m256 a = _mm256_loadu_ps(src), bb = _mm256_loadu_ps(src + 8);
                                    __m256 q = _mm256_broadcast_ss(w0 + wi);
                                    t0 = _mm256_fmadd_ps(a, q, t0); t1 = _mm256_fmadd_ps(bb, q, t1);
                                    q = _mm256_broadcast_ss(w1 + wi);
                                    t2 = _mm256_fmadd_ps(a, q, t2); t3 = _mm256_fmadd_ps(bb, q, t3);
                                    q = _mm256_broadcast_ss(w2 + wi);
                                    t4 = _mm256_fmadd_ps(a, q, t4); t5 = _mm256_fmadd_ps(bb, q, t5);
                                    q = _mm256_broadcast_ss(w3 + wi);
                                    t6 = _mm256_fmadd_ps(a, q, t6); t7 = _mm256_fmadd_ps(bb, q, t7);
                                }
                            }
                        __m256 t[8] = {t0, t1, t2, t3, t4, t5, t6, t7};
                        for (int k = 0; k < 8; k++)
                            v[k] = cb == 0 ? _mm256_add_ps(t[k], _mm256_set1_ps(b[o + k / 2])) : _mm256_add_ps(t[k], v[k]);
                    }
                    int lanes = OW - ox < 16 ? OW - ox : 16;
                    for (int k = 0; k < 4; k++) {
                        _mm256_storeu_ps(tmp + k * 16, v[2 * k]); _mm256_storeu_ps(tmp + k * 16 + 8, v[2 * k + 1]);
                        memcpy(yo + ((size_t)(o + k) * g->OH + oy) * OW + ox, tmp + k * 16, lanes * 4);
                    }
                }
            }
        }
    }
    free(xp); free(tmp);
}

__attribute__((noinline)) static void conv_gemm(const G *g, const float *x, const float *w, const float *b, float *y) {
    int rows = g->C * g->K * g->K, pos = g->OH * g->OW;
    float *col = malloc((size_t)rows * pos * 4);
    for (int n = 0; n < g->N; n++) {
        const float *xi = x + (size_t)n * g->C * g->H * g->W;
        for (int c = 0; c < g->C; c++) for (int ki = 0; ki < g->K; ki++) for (int kj = 0; kj < g->K; kj++) {
            float *dst = col + ((size_t)(c * g->K + ki) * g->K + kj) * pos;
            for (int oy = 0; oy < g->OH; oy++) for (int ox = 0; ox < g->OW; ox++) {
                int iy = oy + ki - g->P, ix = ox + kj - g->P;
                dst[oy * g->OW + ox] = (iy >= 0 && iy < g->H && ix >= 0 && ix < g->W) ? xi[((size_t)c * g->H + iy) * g->W + ix] : 0;
            }
        }
        float *yo = y + (size_t)n * g->O * pos;
        for (int o = 0; o < g->O; o++) for (int p = 0; p < pos; p++) yo[o * pos + p] = b[o];
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, g->O, pos, rows, 1, w, rows, col, pos, 1, yo, pos);
    }
    free(col);
}

int main(int argc, char **argv) {
    int which = atoi(argv[1]);
    G g = which == 1 ? (G){16, 16, 14, 14, 32, 5, 2, 14, 14} : (G){32, 40, 12, 12, 24, 3, 1, 12, 12};
    const char *s = which == 1 ? "" : "2";
    char p[64];
    size_t nx = (size_t)g.N * g.C * g.H * g.W, nw = (size_t)g.O * g.C * g.K * g.K, ny = (size_t)g.N * g.O * g.OH * g.OW;
    sprintf(p, "x%s.bin", s); float *x = readf(p, nx);
    sprintf(p, "w%s.bin", s); float *w = readf(p, nw);
    sprintf(p, "b%s.bin", s); float *b = readf(p, g.O);
    sprintf(p, "y%s.bin", s); float *ref = readf(p, ny);
    float *y = malloc(ny * 4);
    if (argv[2][0] == 'o') conv_onednn_order(&g, x, w, b, y); else conv_gemm(&g, x, w, b, y);
    size_t diff = 0; for (size_t i = 0; i < ny; i++) diff += memcmp(&y[i], &ref[i], 4) != 0;
    printf("%s %s: %zu of %zu differ from PyTorch\n", argv[1], argv[2], diff, ny);
}
