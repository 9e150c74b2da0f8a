package org.cnnbook.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Pixel-exact grids of small images (digits, filters) with captions, drawn with Java2D. */
final class DigitGrid {
    private static final int SCALE = 3;
    private static final int CAPTION = 16;
    private static final int GAP = 6;

    private DigitGrid() {}

    /** Images {@code indices} of {@code images} ([n, 28, 28], [n, 784] or [n, 1, 28, 28]), {@code columns} per row. */
    static BufferedImage draw(INDArray images, int[] indices, List<String> captions, int columns) {
        int side = (int) Math.round(Math.sqrt(images.length() / images.size(0)));
        int cell = side * SCALE;
        int rows = Math.max(1, (indices.length + columns - 1) / columns);
        int cols = Math.max(1, Math.min(columns, indices.length));
        BufferedImage grid = canvas(cols * (cell + GAP) + GAP, rows * (cell + CAPTION + GAP) + GAP);
        Graphics2D g = graphics(grid);
        double max = Math.max(1e-9, images.maxNumber().doubleValue());
        for (int k = 0; k < indices.length; k++) {
            float[] pixels = images.slice(indices[k]).reshape(side * side).toFloatVector();
            int x0 = GAP + (k % columns) * (cell + GAP);
            int y0 = GAP + (k / columns) * (cell + CAPTION + GAP);
            for (int p = 0; p < pixels.length; p++) {
                int grey = 255 - (int) Math.round(255 * Math.min(1, Math.max(0, pixels[p] / max)));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x0 + (p % side) * SCALE, y0 + (p / side) * SCALE, SCALE, SCALE);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions.get(k), x0 + 2, y0 + cell + CAPTION - 3);
        }
        g.dispose();
        return grid;
    }

    /** Convolution filters [out, in, kh, kw] (first input channel), scaled so 0 is mid-grey. */
    static BufferedImage filters(INDArray weights, int columns) {
        int count = (int) weights.size(0);
        int kh = (int) weights.size(2);
        int kw = (int) weights.size(3);
        int scale = 12;
        int rows = (count + columns - 1) / columns;
        BufferedImage grid = canvas(columns * (kw * scale + GAP) + GAP, rows * (kh * scale + GAP) + GAP);
        Graphics2D g = graphics(grid);
        for (int f = 0; f < count; f++) {
            double[][] kernel = new double[kh][kw];
            double limit = 1e-9;
            for (int y = 0; y < kh; y++)
                for (int x = 0; x < kw; x++) {
                    kernel[y][x] = weights.getDouble(f, 0, y, x);
                    limit = Math.max(limit, Math.abs(kernel[y][x]));
                }
            int x0 = GAP + (f % columns) * (kw * scale + GAP);
            int y0 = GAP + (f / columns) * (kh * scale + GAP);
            for (int y = 0; y < kh; y++)
                for (int x = 0; x < kw; x++) {
                    int grey = (int) Math.round(127.5 + 127.5 * kernel[y][x] / limit);
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
        }
        g.dispose();
        return grid;
    }

    /** Pictures in a row, each scaled (pixels kept sharp) to {@code height}, its caption underneath. */
    static BufferedImage row(List<BufferedImage> pictures, List<String> captions, int height) {
        int[] widths = pictures.stream()
                .mapToInt(p -> Math.max(1, p.getWidth() * height / p.getHeight()))
                .toArray();
        int width = GAP;
        for (int w : widths) width += Math.max(w, 70) + GAP;
        BufferedImage row = canvas(width, height + CAPTION + 2 * GAP);
        Graphics2D g = graphics(row);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int x = GAP;
        for (int i = 0; i < pictures.size(); i++) {
            g.drawImage(pictures.get(i), x, GAP, widths[i], height, null);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x - 1, GAP - 1, widths[i] + 1, height + 1);
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions.get(i), x, GAP + height + CAPTION - 2);
            x += Math.max(widths[i], 70) + GAP;
        }
        g.dispose();
        return row;
    }

    static BufferedImage sideBySide(BufferedImage left, BufferedImage right) {
        BufferedImage both = canvas(left.getWidth() + right.getWidth(), Math.max(left.getHeight(), right.getHeight()));
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        return both;
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }
}
