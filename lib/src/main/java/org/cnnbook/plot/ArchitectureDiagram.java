package org.cnnbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * A network drawn left to right: the input and every layer's output as a block (a stack of maps for image-shaped
 * outputs, drawn at their true relative size; a bar for a vector), named by the layer and labelled with its shape.
 * The shapes come from DL4J itself ({@link MultiLayerConfiguration#getLayerActivationTypes}).
 */
final class ArchitectureDiagram {
    private static final int PIXEL = 5;
    private static final int SLOT = 120;
    private static final int HEIGHT = 250;
    private static final int BASELINE = 170;

    private ArchitectureDiagram() {}

    private record Block(String name, String shape, int height, int width, int channels, boolean image) {}

    static BufferedImage draw(MultiLayerConfiguration conf, InputType input) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(block("input", input));
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        for (int i = 0; i < outputs.size(); i++)
            blocks.add(block(name(conf.getConf(i).getLayer()), outputs.get(i)));
        BufferedImage image = new BufferedImage(SLOT * blocks.size() + 20, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < blocks.size(); i++) {
            int centre = 10 + SLOT * i + SLOT / 2;
            drawBlock(g, blocks.get(i), centre);
            if (i > 0)
                arrow(
                        g,
                        centre - SLOT + 48,
                        centre - 48,
                        blocks.get(i - 1).image() && !blocks.get(i).image());
        }
        g.dispose();
        return image;
    }

    private static Block block(String name, InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c)
            return new Block(
                    name,
                    c.getHeight() + "\u00d7" + c.getWidth() + "\u00d7" + c.getChannels(),
                    (int) c.getHeight(),
                    (int) c.getWidth(),
                    (int) c.getChannels(),
                    true);
        long size = type.arrayElementsPerExample();
        return new Block(name, Long.toString(size), (int) Math.min(150, 20 + Math.sqrt(size) * 5), 1, 1, false);
    }

    private static String name(Layer layer) {
        if (layer instanceof ConvolutionLayer conv)
            return "conv " + conv.getKernelSize()[0] + "\u00d7" + conv.getKernelSize()[1];
        if (layer instanceof SubsamplingLayer pool)
            return pool.getPoolingType().name().toLowerCase() + "-pool " + pool.getKernelSize()[0] + "\u00d7"
                    + pool.getKernelSize()[1];
        if (layer instanceof OutputLayer) return "output";
        return layer.getClass().getSimpleName().replace("Layer", "").toLowerCase();
    }

    private static void drawBlock(Graphics2D g, Block b, int centre) {
        if (b.image()) {
            int side = b.height() * PIXEL / 2 + 6;
            int maps = Math.max(1, Math.min(8, b.channels() / 8));
            for (int m = maps - 1; m >= 0; m--) {
                int x = centre - side / 2 + m * 4 - maps * 2;
                int y = BASELINE - side - m * 4;
                g.setColor(new Color(120, 150, 230));
                g.fillRect(x, y, side, side);
                g.setColor(new Color(20, 40, 140));
                g.drawRect(x, y, side, side);
            }
        } else {
            g.setColor(new Color(250, 180, 90));
            g.fillRect(centre - 8, BASELINE - b.height(), 16, b.height());
            g.setColor(new Color(150, 90, 20));
            g.drawRect(centre - 8, BASELINE - b.height(), 16, b.height());
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        centred(g, b.name(), centre, BASELINE + 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        centred(g, b.shape(), centre, BASELINE + 44);
    }

    private static void arrow(Graphics2D g, int from, int to, boolean flatten) {
        int y = BASELINE + 60;
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(from, y, to, y);
        g.fillPolygon(new int[] {to, to - 7, to - 7}, new int[] {y, y - 4, y + 4}, 3);
        if (flatten) {
            g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
            centred(g, "flatten", (from + to) / 2, y + 16);
        }
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
