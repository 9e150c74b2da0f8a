package org.cnnbook.onednn;

/** Everything a max-pooling primitive is built for: batch, image and window sizes (channels-last), no dilation. */
public record PoolShape(
        long batch,
        long inHeight,
        long inWidth,
        long channels,
        long outHeight,
        long outWidth,
        int kH,
        int kW,
        int sH,
        int sW,
        int pH,
        int pW) {

    long[] srcDims() {
        return new long[] {batch, channels, inHeight, inWidth};
    }

    long[] dstDims() {
        return new long[] {batch, channels, outHeight, outWidth};
    }

    /** Padding at the bottom and right that makes the output exactly outHeight × outWidth (DL4J may drop a row). */
    long[] padRight() {
        return new long[] {(outHeight - 1) * sH + kH - inHeight - pH, (outWidth - 1) * sW + kW - inWidth - pW};
    }

    /** Whether oneDNN can pool this: it takes no negative padding, which a window that drops the last rows needs. */
    public boolean onednnCanPool() {
        long[] right = padRight();
        return right[0] >= 0 && right[1] >= 0;
    }
}
