// Calls into the SVML routines with arguments in memory: each `gs_svml_<routine>` loads one
// vector (8 doubles or 16 floats) per argument from the pointers in rdi (and rsi), calls the
// routine with them in zmm0 (and zmm1), as numpy's AVX-512 loops do, and stores zmm0 to the
// last pointer. Written in assembly because the C compiler passes __m512d arguments in memory
// when the translation unit is not compiled for AVX-512 (the package builds for baseline
// x86-64); called only after gs_numpy_svml_active() has checked the CPU.
#if defined(__x86_64__) && defined(__linux__)

// unary(const T *x, T *out)
#define GS_SVML_UNARY(name, routine, load, store) \
    .globl name; .hidden name; .type name, @function; .p2align 4; \
name: \
    pushq %rsi; \
    load (%rdi), %zmm0; \
    call routine@PLT; \
    popq %rsi; \
    store %zmm0, (%rsi); \
    vzeroupper; \
    ret; \
    .size name, .-name

// binary(const T *x, const T *y, T *out)
#define GS_SVML_BINARY(name, routine, load, store) \
    .globl name; .hidden name; .type name, @function; .p2align 4; \
name: \
    pushq %rdx; \
    load (%rdi), %zmm0; \
    load (%rsi), %zmm1; \
    call routine@PLT; \
    popq %rdx; \
    store %zmm0, (%rdx); \
    vzeroupper; \
    ret; \
    .size name, .-name

    .text
GS_SVML_UNARY(gs_svml_exp8_ha, __svml_exp8_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_log8_ha, __svml_log8_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_log28_ha, __svml_log28_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_log108_ha, __svml_log108_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_tan8_ha, __svml_tan8_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_atan8_ha, __svml_atan8_ha, vmovupd, vmovupd)
GS_SVML_UNARY(gs_svml_log2f16, __svml_log2f16, vmovups, vmovups)
GS_SVML_UNARY(gs_svml_log10f16, __svml_log10f16, vmovups, vmovups)
GS_SVML_UNARY(gs_svml_tanf16, __svml_tanf16, vmovups, vmovups)
GS_SVML_UNARY(gs_svml_atanf16, __svml_atanf16, vmovups, vmovups)
GS_SVML_BINARY(gs_svml_pow8_ha, __svml_pow8_ha, vmovupd, vmovupd)
GS_SVML_BINARY(gs_svml_powf16, __svml_powf16, vmovups, vmovups)

    .section .note.GNU-stack, "", @progbits
#endif
