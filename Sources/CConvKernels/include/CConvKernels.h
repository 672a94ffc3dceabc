// Float32 2-D and 3-D convolutions in oneDNN's summation order (jit:avx512_core direct convolution, as
// PyTorch 2.15 runs it on the CPU with one thread), bit for bit: each output value is its own
// fused multiply-add chain, so the vector width does not change the result.
#ifndef GRADSCOPE_CCONVKERNELS_H
#define GRADSCOPE_CCONVKERNELS_H

#include <stdint.h>

/// One ungrouped convolution: input [batch, inChannels, height, width], weight
/// [outChannels, inChannels, kernelH, kernelW], output [batch, outChannels, outH, outW]; padding
/// on the bottom and right is implied by the output size.
typedef struct {
    int64_t batch, inChannels, height, width;
    int64_t outChannels, kernelH, kernelW;
    int64_t strideH, strideW, padTop, padLeft, dilationH, dilationW;
    int64_t outH, outW;
} GSConvGeometry;

/// Forward: per block of 16 input channels one chain over kernel row, kernel column, then
/// channel; the first block's sum plus the bias (when `bias` is not NULL), each later block's
/// sum plus the value so far. Returns 0, or -1 when a work buffer cannot be allocated.
int gs_conv2d_forward_f32(const GSConvGeometry *g, const float *input, const float *weight, const float *bias,
                          float *output);

/// Input gradient: per block of 16 output channels one chain over kernel row, kernel column,
/// then output channel; each later block's sum added to the value so far. Returns 0 or -1.
int gs_conv2d_backward_input_f32(const GSConvGeometry *g, const float *gradOutput, const float *weight,
                                 float *gradInput);

/// Weight gradient: one chain per weight over images, output rows, then output columns.
/// Returns 0 or -1.
int gs_conv2d_backward_weight_f32(const GSConvGeometry *g, const float *input, const float *gradOutput,
                                  float *gradWeight);

/// One ungrouped 3-D convolution: input [batch, inChannels, depth, height, width], weight
/// [outChannels, inChannels, kernelD, kernelH, kernelW], output [batch, outChannels, outD, outH, outW].
typedef struct {
    int64_t batch, inChannels, depth, height, width;
    int64_t outChannels, kernelD, kernelH, kernelW;
    int64_t strideD, strideH, strideW, padFront, padTop, padLeft, dilationD, dilationH, dilationW;
    int64_t outD, outH, outW;
} GSConv3DGeometry;

/// The 3-D kernels, in the 2-D kernels' orders with the kernel's depth outermost in each chain
/// (forward and input gradient: kernel depth, row, column, then channel; weight gradient: images,
/// output depth, rows, then columns), with scalar fused multiply-adds. Return 0.
int gs_conv3d_forward_f32(const GSConv3DGeometry *g, const float *input, const float *weight, const float *bias,
                          float *output);
int gs_conv3d_backward_input_f32(const GSConv3DGeometry *g, const float *gradOutput, const float *weight,
                                 float *gradInput);
int gs_conv3d_backward_weight_f32(const GSConv3DGeometry *g, const float *input, const float *gradOutput,
                                  float *gradWeight);

/// The three 2-D kernels above without AVX2, with scalar fused multiply-adds (fmaf): what a CPU
/// without AVX2 and FMA runs, in the same order and with the same bits; the tests compare both.
int gs_conv2d_forward_f32_portable(const GSConvGeometry *g, const float *input, const float *weight,
                                   const float *bias, float *output);
int gs_conv2d_backward_input_f32_portable(const GSConvGeometry *g, const float *gradOutput, const float *weight,
                                          float *gradInput);
int gs_conv2d_backward_weight_f32_portable(const GSConvGeometry *g, const float *input, const float *gradOutput,
                                           float *gradWeight);

#endif
