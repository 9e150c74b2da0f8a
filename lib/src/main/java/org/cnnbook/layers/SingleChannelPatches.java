package org.cnnbook.layers;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.cnnbook.engine.FloatElements;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * im2col for one-channel images, in plain Java, kernel-position-major: row {@code (ky, kx)} of the result holds,
 * for every image b and output position (y, x), the pixel under kernel position (ky, kx). Each output row is then
 * a run of consecutive pixels, a loop the JIT vectorises; libnd4j's im2col written through a strided view is about
 * ten times slower.
 */
final class SingleChannelPatches {
    private static final float[] ZEROS = new float[1024];
    private static final float[] ONES = new float[1024];

    static {
        Arrays.fill(ONES, 1f);
    }

    private float[] pixels = new float[0];

    /**
     * Fills {@code patches} ([kH*kW, batch*outH*outW], c order) from {@code images} ([batch, height, width]), with
     * the explicit padding of {@code g} (not for {@link Geometry#same()}). With {@code onesRow}, patches has one
     * more row, all ones: a product with it adds a bias, or sums a gradient into the bias gradient, for free.
     * Runs of pixels go straight into the native buffer: a Java copy of the patches, kept for the next call,
     * would hold 26 values per output position, ~19 times the batch's pixels, on the Java heap (60 MB after an
     * evaluation chunk of 1,000 images).
     */
    void fill(INDArray images, Geometry g, int outH, int outW, boolean onesRow, INDArray patches) {
        INDArray in = Shape.hasDefaultStridesForShape(images) ? images : images.dup('c');
        int batch = (int) in.size(0), height = (int) in.size(1), width = (int) in.size(2);
        int kH = g.kH(), kW = g.kW(), sH = g.sH(), sW = g.sW();
        int padTop = g.pH(), padLeft = g.pW();
        pixels = read(in, batch * height * width, pixels);
        FloatBuffer out = patches.data().asNioFloat();
        int r = (int) patches.offset();
        for (int ky = 0; ky < kH; ky++) {
            for (int kx = 0; kx < kW; kx++) {
                int xOffset = kx * g.dW() - padLeft;
                // output columns whose pixel lies inside the image: 0 <= ox*sW + xOffset < width
                int first = Math.max(0, ceilDiv(-xOffset, sW)), end = Math.min(outW, ceilDiv(width - xOffset, sW));
                for (int b = 0; b < batch; b++) {
                    int image = b * height * width;
                    for (int oy = 0; oy < outH; oy++, r += outW) {
                        int y = oy * sH + ky * g.dH() - padTop;
                        if (y < 0 || y >= height || first >= end) {
                            repeat(out, r, outW, ZEROS);
                            continue;
                        }
                        int source = image + y * width + xOffset;
                        if (first > 0) repeat(out, r, first, ZEROS);
                        if (sW == 1) {
                            out.put(r + first, pixels, source + first, end - first);
                        } else {
                            for (int ox = first; ox < end; ox++) out.put(r + ox, pixels[source + ox * sW]);
                        }
                        if (end < outW) repeat(out, r + end, outW - end, ZEROS);
                    }
                }
            }
        }
        if (onesRow) repeat(out, r, batch * outH * outW, ONES);
    }

    /** {@code count} values from {@code constant} (all equal) written from {@code index} on. */
    private static void repeat(FloatBuffer out, int index, int count, float[] constant) {
        for (int done = 0; done < count; done += constant.length)
            out.put(index + done, constant, 0, Math.min(constant.length, count - done));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private static float[] read(INDArray contiguous, int count, float[] into) {
        float[] target = into.length >= count ? into : new float[count];
        FloatElements.of(contiguous).get(target, 0, count);
        return target;
    }
}
