package org.cnnbook.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Putting pictures together: side by side, in a grid, under a title; a white canvas and text settings. */
final class Pictures {
    private Pictures() {}

    static BufferedImage sideBySide(BufferedImage... pictures) {
        return grid(List.of(pictures), pictures.length);
    }

    /** {@code columns} pictures per row, each row as high as its tallest picture. */
    static BufferedImage grid(List<BufferedImage> pictures, int columns) {
        int rows = (pictures.size() + columns - 1) / columns;
        int[] widths = new int[columns];
        int[] heights = new int[rows];
        for (int i = 0; i < pictures.size(); i++) {
            widths[i % columns] = Math.max(widths[i % columns], pictures.get(i).getWidth());
            heights[i / columns] =
                    Math.max(heights[i / columns], pictures.get(i).getHeight());
        }
        BufferedImage all = canvas(sum(widths), sum(heights));
        Graphics2D g = all.createGraphics();
        for (int i = 0, y = 0; i < pictures.size(); i++) {
            int x = 0;
            for (int c = 0; c < i % columns; c++) x += widths[c];
            g.drawImage(pictures.get(i), x, y, null);
            if (i % columns == columns - 1) y += heights[i / columns];
        }
        g.dispose();
        return all;
    }

    /** {@code picture} under a bold line of text. */
    static BufferedImage titled(String title, BufferedImage picture) {
        int band = 30;
        BufferedImage all = canvas(picture.getWidth(), picture.getHeight() + band);
        Graphics2D g = graphics(all);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.DARK_GRAY);
        int width = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(4, (all.getWidth() - width) / 2), 21);
        g.drawImage(picture, 0, band, null);
        g.dispose();
        return all;
    }

    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int v : values) sum += v;
        return sum;
    }
}
