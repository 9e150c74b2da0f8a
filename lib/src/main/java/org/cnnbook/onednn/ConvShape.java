package org.cnnbook.onednn;

/**
 * Everything a convolution primitive is built for: batch and image sizes (channels-last), kernel, stride, padding,
 * dilation (1 = none), whether ReLU follows, and the precision.
 */
public record ConvShape(
        long batch,
        long inHeight,
        long inWidth,
        long inChannels,
        long outChannels,
        long outHeight,
        long outWidth,
        int kH,
        int kW,
        int sH,
        int sW,
        int pH,
        int pW,
        int dH,
        int dW,
        boolean relu,
        Precision precision) {

    long[] srcDims() {
        return new long[] {batch, inChannels, inHeight, inWidth};
    }

    long[] dstDims() {
        return new long[] {batch, outChannels, outHeight, outWidth};
    }

    long[] weightDims() {
        return new long[] {outChannels, inChannels, kH, kW};
    }

    long[] strides() {
        return new long[] {sH, sW};
    }

    /** oneDNN counts dilation from 0 (no gaps). */
    long[] dilates() {
        return new long[] {dH - 1, dW - 1};
    }

    long[] padLeft() {
        return new long[] {pH, pW};
    }

    /** Padding at the bottom and right that makes the output exactly outHeight × outWidth. */
    long[] padRight() {
        return new long[] {
            (outHeight - 1) * sH + (long) (kH - 1) * dH + 1 - inHeight - pH,
            (outWidth - 1) * sW + (long) (kW - 1) * dW + 1 - inWidth - pW
        };
    }
}
