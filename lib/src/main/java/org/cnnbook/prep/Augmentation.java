package org.cnnbook.prep;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data augmentation: every image moved by a few whole pixels and turned by a few degrees around its centre, at
 * random, each time it is asked for, so that a network sees a slightly different version of each training image in
 * every epoch. Pixels that come in from outside the image are background (0). The labels stay as they are: a 3
 * moved by two pixels is still a 3.
 */
public final class Augmentation {
    private final int maxShift;
    private final double maxDegrees;
    private final Random random;

    private Augmentation(int maxShift, double maxDegrees, long seed) {
        if (maxShift < 0 || maxDegrees < 0)
            throw new IllegalArgumentException("Shifts and angles are sizes: give 0 or more, not " + maxShift
                    + " pixels and " + maxDegrees + " degrees.");
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        this.random = new Random(seed);
    }

    /** Shifts of up to {@code maxShift} pixels in each direction and turns of up to {@code maxDegrees} either way. */
    public static Augmentation shiftsAndRotations(int maxShift, double maxDegrees, long seed) {
        return new Augmentation(maxShift, maxDegrees, seed);
    }

    /** A new array of the same shape, [n, 1, h, w] or [n, h, w], with every image moved and turned at random. */
    public INDArray apply(INDArray images) {
        long n = images.size(0);
        int h = (int) images.size(images.rank() - 2);
        int w = (int) images.size(images.rank() - 1);
        float[] pixels = images.dup('c').data().asFloat();
        float[] out = new float[pixels.length];
        BufferedImage source = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = source.getRaster();
        float[] scaled = new float[h * w];
        for (int i = 0; i < n; i++) {
            int offset = i * h * w;
            float max = 0;
            for (int p = 0; p < h * w; p++) max = Math.max(max, pixels[offset + p]);
            float scale = max > 0 ? 255f / max : 1f; // the raster holds bytes: 0..255 whatever the array's range
            for (int p = 0; p < h * w; p++) scaled[p] = pixels[offset + p] * scale;
            raster.setPixels(0, 0, w, h, scaled);
            AffineTransform move = new AffineTransform();
            move.translate(shift(), shift());
            move.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * maxDegrees), w / 2.0, h / 2.0);
            BufferedImage moved = new AffineTransformOp(move, AffineTransformOp.TYPE_BILINEAR)
                    .filter(source, new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY));
            float[] result = moved.getRaster().getPixels(0, 0, w, h, (float[]) null);
            for (int p = 0; p < h * w; p++) out[offset + p] = result[p] / scale;
        }
        return Nd4j.create(out, images.shape(), 'c').castTo(images.dataType());
    }

    private int shift() {
        return maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
    }

    @Override
    public String toString() {
        return "random shifts of up to " + maxShift + " pixels and turns of up to " + maxDegrees + " degrees";
    }
}
