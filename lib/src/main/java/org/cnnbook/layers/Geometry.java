package org.cnnbook.layers;

import org.deeplearning4j.nn.conf.ConvolutionMode;

/** Kernel, stride, padding and dilation of a 2-D convolution or pooling window, as libnd4j's ops take them. */
record Geometry(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, boolean same) {

    static Geometry of(int[] kernel, int[] stride, int[] padding, int[] dilation, ConvolutionMode mode) {
        boolean same = mode == ConvolutionMode.Same;
        int[] pad = same ? new int[] {0, 0} : padding;
        return new Geometry(kernel[0], kernel[1], stride[0], stride[1], pad[0], pad[1], dilation[0], dilation[1], same);
    }

    static Geometry of(org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf) {
        return of(
                conf.getKernelSize(),
                conf.getStride(),
                conf.getPadding(),
                conf.getDilation(),
                conf.getConvolutionMode());
    }

    static Geometry of(org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf) {
        return of(
                conf.getKernelSize(),
                conf.getStride(),
                conf.getPadding(),
                conf.getDilation(),
                conf.getConvolutionMode());
    }

    int outHeight(long inHeight) {
        return (int) (same ? (inHeight + sH - 1) / sH : (inHeight + 2L * pH - (dH * (kH - 1) + 1)) / sH + 1);
    }

    int outWidth(long inWidth) {
        return (int) (same ? (inWidth + sW - 1) / sW : (inWidth + 2L * pW - (dW * (kW - 1) + 1)) / sW + 1);
    }

    /** The nine integer arguments every libnd4j 2-D convolution and pooling op starts with. */
    int[] opArgs(int... extra) {
        int[] args = new int[9 + extra.length];
        int[] head = {kH, kW, sH, sW, pH, pW, dH, dW, same ? 1 : 0};
        System.arraycopy(head, 0, args, 0, 9);
        System.arraycopy(extra, 0, args, 9, extra.length);
        return args;
    }
}
