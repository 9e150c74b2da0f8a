package org.cnnbook.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The drawing pad as a still picture, for pages without widgets: the drawing, the 28x28 picture the network read
 * and its ten probabilities as bars, laid out as the live pad shows them.
 */
public final class PadPicture {
    static final int PANEL = 210;
    private static final int GAP = 24;
    private static final Color ACCENT = new Color(31, 119, 180);

    private PadPicture() {}

    public static BufferedImage draw(Drawing drawing, Reading reading, String caption) {
        int width = GAP + PANEL + GAP + PANEL + GAP + 260 + GAP, height = 60 + PANEL + 44;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(caption, GAP, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int top = 60;
        g.drawString("the drawing", GAP, top - 8);
        g.drawImage(drawing.picture(), GAP, top, PANEL, PANEL, null);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(GAP, top, PANEL, PANEL);
        int seenLeft = GAP + PANEL + GAP;
        g.setColor(Color.DARK_GRAY);
        g.drawString("what the network reads: 28\u00d728", seenLeft, top - 8);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        if (reading.seen() != null) g.drawImage(reading.seen().picture(), seenLeft, top, PANEL, PANEL, null);
        else {
            g.setColor(Color.BLACK);
            g.fillRect(seenLeft, top, PANEL, PANEL);
        }
        bars(g, reading, seenLeft + PANEL + GAP, top);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("answer: " + reading.describe(), GAP, top + PANEL + 30);
        g.dispose();
        return image;
    }

    private static void bars(Graphics2D g, Reading reading, int left, int top) {
        g.setColor(Color.DARK_GRAY);
        g.drawString("probabilities", left, top - 8);
        int row = PANEL / 10, barLeft = left + 18, barWidth = 190;
        for (int digit = 0; digit < 10; digit++) {
            int y = top + digit * row;
            double p = reading.probabilities()[digit];
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(digit), left, y + row - 6);
            g.setColor(new Color(235, 235, 235));
            g.fillRect(barLeft, y + 3, barWidth, row - 6);
            g.setColor(digit == reading.answer() ? ACCENT : Color.GRAY);
            g.fillRect(barLeft, y + 3, (int) Math.round(barWidth * p), row - 6);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f %%", 100 * p), barLeft + barWidth + 6, y + row - 6);
        }
        g.setStroke(new BasicStroke(1));
    }
}
