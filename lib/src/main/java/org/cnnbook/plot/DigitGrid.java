package org.cnnbook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pixel-exact grids of small images (digits, feature maps) with captions, drawn with Java2D. Pixels are drawn as
 * MNIST stores them: 0 is black, the largest value white (light ink on a black background).
 */
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
        BufferedImage grid = Pictures.canvas(cols * (cell + GAP) + GAP, rows * (cell + CAPTION + GAP) + GAP);
        Graphics2D g = Pictures.graphics(grid);
        double max = Math.max(1e-9, images.maxNumber().doubleValue());
        for (int k = 0; k < indices.length; k++) {
            float[] pixels = images.slice(indices[k]).reshape(side * side).toFloatVector();
            int x0 = GAP + (k % columns) * (cell + GAP);
            int y0 = GAP + (k / columns) * (cell + CAPTION + GAP);
            for (int p = 0; p < pixels.length; p++) {
                int grey = (int) Math.round(255 * Math.min(1, Math.max(0, pixels[p] / max)));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x0 + (p % side) * SCALE, y0 + (p / side) * SCALE, SCALE, SCALE);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions.get(k), x0 + 2, y0 + cell + CAPTION - 3);
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
        BufferedImage row = Pictures.canvas(width, height + CAPTION + 2 * GAP);
        Graphics2D g = Pictures.graphics(row);
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
}
