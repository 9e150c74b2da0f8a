package org.cnnbook.speed.layers;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * im2col for one-channel images, written in plain Java: row {@code (b, y, x)} of the result holds the kH*kW pixels
 * under the kernel at output position (y, x) of image b. libnd4j's im2col writes this row-per-position layout
 * through a strided view about four times slower than this loop.
 */
final class SingleChannelPatches {
    private float[] pixels = new float[0];
    private float[] rows = new float[0];

    /** Fills {@code patches} ([batch*outH*outW, kH*kW], c order) from {@code images} ([batch, height, width]). */
    void fill(INDArray images, Geometry g, int outH, int outW, INDArray patches) {
        INDArray in = Shape.hasDefaultStridesForShape(images) ? images : images.dup('c');
        int batch = (int) in.size(0), height = (int) in.size(1), width = (int) in.size(2);
        int kH = g.kH(), kW = g.kW(), perRow = kH * kW;
        int padTop = g.pH(), padLeft = g.pW();
        if (g.same()) {
            padTop = Math.max(0, ((outH - 1) * g.sH() + (kH - 1) * g.dH() + 1 - height) / 2);
            padLeft = Math.max(0, ((outW - 1) * g.sW() + (kW - 1) * g.dW() + 1 - width) / 2);
        }
        pixels = read(in, batch * height * width, pixels);
        int total = batch * outH * outW * perRow;
        if (rows.length < total) rows = new float[total];
        int r = 0;
        for (int b = 0; b < batch; b++) {
            int image = b * height * width;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int ky = 0; ky < kH; ky++) {
                        int y = oy * g.sH() + ky * g.dH() - padTop;
                        boolean rowInside = y >= 0 && y < height;
                        for (int kx = 0; kx < kW; kx++) {
                            int x = ox * g.sW() + kx * g.dW() - padLeft;
                            rows[r++] = rowInside && x >= 0 && x < width ? pixels[image + y * width + x] : 0f;
                        }
                    }
                }
            }
        }
        FloatBuffer out = patches.data().asNioFloat();
        out.position((int) patches.offset());
        out.put(rows, 0, total);
    }

    private static float[] read(INDArray contiguous, int count, float[] into) {
        float[] target = into.length >= count ? into : new float[count];
        FloatBuffer buffer = contiguous.data().asNioFloat();
        buffer.position((int) contiguous.offset());
        buffer.get(target, 0, count);
        return target;
    }
}
