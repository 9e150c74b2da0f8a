package org.cnnbook.prep;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A grey picture, one brightness 0..255 per pixel, with the steps that turned the NIST scans into MNIST digits:
 * {@link #inverted} (MNIST's digits are light on black), {@link #croppedToInk}, {@link #scaledToFit} (the digit's
 * longer side becomes 20 pixels, keeping its proportions, with anti-aliasing), and {@link #centredByMassIn} (a
 * 28x28 field with the digit's centre of mass in the middle). New pictures need the same steps before a network
 * trained on MNIST can read them. Every step returns a new image; none changes this one.
 */
public final class GreyImage {
    /** Brightness above which a pixel counts as ink when cropping (MNIST's background is 0). */
    static final float INK = 30f;

    private final float[][] pixels;

    private GreyImage(float[][] pixels) {
        this.pixels = pixels;
    }

    /** A PNG, JPEG, GIF or BMP file; colours become their brightness. */
    public static GreyImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException("No picture at " + file.toAbsolutePath() + ": check the path (it is relative to the "
                    + "notebook's folder).");
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException(file + " is not a picture Java can read (use PNG, JPEG, GIF or BMP).");
        return of(image);
    }

    public static GreyImage of(BufferedImage image) {
        int width = image.getWidth();
        float[][] grey = new float[image.getHeight()][width];
        int[] row = new int[width];
        for (int y = 0; y < grey.length; y++) {
            image.getRGB(0, y, width, 1, row, 0, width); // a row at a time: per-pixel getRGB is ten times slower
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                grey[y][x] = 0.299f * (rgb >> 16 & 0xff) + 0.587f * (rgb >> 8 & 0xff) + 0.114f * (rgb & 0xff);
            }
        }
        return new GreyImage(grey);
    }

    public int width() {
        return pixels[0].length;
    }

    public int height() {
        return pixels.length;
    }

    public float pixel(int row, int column) {
        return pixels[row][column];
    }

    /** Dark ink on light paper becomes light ink on black, as in MNIST. */
    public GreyImage inverted() {
        float[][] out = new float[height()][width()];
        for (int y = 0; y < out.length; y++) for (int x = 0; x < out[y].length; x++) out[y][x] = 255 - pixels[y][x];
        return new GreyImage(out);
    }

    /** The smallest rectangle around every ink pixel (brighter than {@value #INK}). */
    public GreyImage croppedToInk() {
        int top = height(), bottom = -1, left = width(), right = -1;
        for (int y = 0; y < height(); y++)
            for (int x = 0; x < width(); x++)
                if (pixels[y][x] > INK) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
        if (bottom < 0)
            throw new DataProblem("This picture has no ink brighter than " + (int) INK + " on its dark background. "
                    + "Is it dark ink on light paper? Then call inverted() first: MNIST's digits are light on black.");
        float[][] out = new float[bottom - top + 1][right - left + 1];
        for (int y = 0; y < out.length; y++) System.arraycopy(pixels[top + y], left, out[y], 0, out[y].length);
        return new GreyImage(out);
    }

    /** Scaled (anti-aliased) so that its longer side is {@code box} pixels, keeping its proportions. */
    public GreyImage scaledToFit(int box) {
        double factor = (double) box / Math.max(width(), height());
        return resizedTo(
                Math.max(1, (int) Math.round(width() * factor)), Math.max(1, (int) Math.round(height() * factor)));
    }

    /** Stretched or squeezed to exactly {@code width} x {@code height}, averaging the pixels each new one covers. */
    public GreyImage resizedTo(int width, int height) {
        Image scaled = picture().getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        target.getGraphics().drawImage(scaled, 0, 0, null);
        return of(target);
    }

    /**
     * Placed on a black {@code size} x {@code size} field so that its centre of mass (the brightness-weighted mean
     * position) lands on the field's centre. Parts that would fall outside are cut off.
     */
    public GreyImage centredByMassIn(int size) {
        double[] centre = centreOfMass();
        int shiftY = (int) Math.round((size - 1) / 2.0 - centre[0]);
        int shiftX = (int) Math.round((size - 1) / 2.0 - centre[1]);
        float[][] out = new float[size][size];
        for (int y = 0; y < height(); y++)
            for (int x = 0; x < width(); x++) {
                int ty = y + shiftY, tx = x + shiftX;
                if (ty >= 0 && ty < size && tx >= 0 && tx < size) out[ty][tx] = pixels[y][x];
            }
        return new GreyImage(out);
    }

    /** The row and column of the centre of mass (brightness-weighted); 13.5, 13.5 is the middle of 28x28. */
    public double[] centreOfMass() {
        double mass = 0, rowSum = 0, columnSum = 0;
        for (int y = 0; y < height(); y++)
            for (int x = 0; x < width(); x++) {
                mass += pixels[y][x];
                rowSum += y * pixels[y][x];
                columnSum += x * pixels[y][x];
            }
        if (mass == 0) throw new DataProblem("This picture is all black: it has no digit, so no centre of mass.");
        return new double[] {rowSum / mass, columnSum / mass};
    }

    /** Pixels 0..255 as a FLOAT array [height, width], like one image of {@code Mnist.load}. */
    public INDArray toArray() {
        float[] flat = new float[height() * width()];
        for (int y = 0; y < height(); y++) System.arraycopy(pixels[y], 0, flat, y * width(), width());
        return Nd4j.create(flat, new long[] {height(), width()}, 'c'); // float[] makes a FLOAT array
    }

    /** The picture as a Java image (brightness as grey), e.g. to show it in a notebook. */
    public BufferedImage picture() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height(); y++)
            for (int x = 0; x < width(); x++) {
                int v = Math.round(Math.max(0, Math.min(255, pixels[y][x])));
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        return image;
    }

    @Override
    public String toString() {
        return "GreyImage " + width() + "x" + height();
    }
}
