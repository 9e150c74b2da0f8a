package org.cnnbook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One image on its way through a network: a row per layer with the first maps it computes (brighter = stronger),
 * the dense layer's numbers as a square, and the ten output probabilities as bars.
 */
final class LayerActivations {
    private static final int MAPS = 8;
    private static final int MAP_SIDE = 44;
    private static final int LABEL = 200;
    private static final int ROW = MAP_SIDE + 22;

    private LayerActivations() {}

    static BufferedImage draw(MultiLayerNetwork model, INDArray image, String title) {
        List<INDArray> activations = model.feedForward(image, false);
        List<InputType> types = model.getLayerWiseConfigurations().getLayerActivationTypes(inputType(model, image));
        int rows = activations.size();
        BufferedImage picture = Pictures.canvas(LABEL + MAPS * (MAP_SIDE + 4) + 10, rows * ROW + 10);
        Graphics2D g = Pictures.graphics(picture);
        row(g, 0, "input 28\u00d728", List.of(image.reshape(28, 28)), 1);
        for (int layer = 0; layer < rows - 1; layer++) {
            INDArray output = activations.get(layer + 1);
            Layer conf = model.getLayer(layer).conf().getLayer();
            int y = layer + 1;
            if (types.get(layer) instanceof InputType.InputTypeConvolutional c) {
                INDArray maps = channelsFirst(output, model, layer);
                int shown = (int) Math.min(MAPS, c.getChannels());
                List<INDArray> first = new java.util.ArrayList<>();
                for (int m = 0; m < shown; m++)
                    first.add(maps.get(point(0), point(m)).reshape(c.getHeight(), c.getWidth()));
                row(
                        g,
                        y,
                        name(conf) + ": " + c.getChannels() + " maps " + c.getHeight() + "\u00d7" + c.getWidth(),
                        first,
                        maxOf(first));
            } else if (layer == rows - 2) {
                bars(g, y, output.reshape(output.length()).toDoubleVector());
            } else {
                long n = output.length();
                int side = (int) Math.ceil(Math.sqrt(n));
                INDArray square = org.nd4j.linalg.factory.Nd4j.zeros(output.dataType(), (long) side * side);
                square.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).assign(output.reshape(n));
                INDArray map = square.reshape(side, side);
                row(g, y, name(conf) + ": " + n + " numbers", List.of(map), maxOf(List.of(map)));
            }
        }
        g.dispose();
        return Pictures.titled(title, picture);
    }

    /** Layer {@code layer}'s output as [n, channels, h, w]: lib's layers work channels-last (NHWC), DL4J's NCHW. */
    static INDArray channelsFirst(INDArray maps, MultiLayerNetwork model, int layer) {
        Layer conf = model.getLayer(layer).conf().getLayer();
        CNN2DFormat format = conf instanceof ConvolutionLayer conv
                ? conv.getCnn2dDataFormat()
                : conf instanceof SubsamplingLayer pool ? pool.getCnn2dDataFormat() : CNN2DFormat.NCHW;
        return format == CNN2DFormat.NHWC ? maps.permute(0, 3, 1, 2) : maps;
    }

    /**
     * The input type of one NCHW image as the first layer is configured: lib's layers are configured channels-last
     * (with one channel the same memory), and DL4J works out their shapes in that format.
     */
    static InputType inputType(MultiLayerNetwork model, INDArray nchwImage) {
        Layer first = model.getLayer(0).conf().getLayer();
        CNN2DFormat format = first instanceof ConvolutionLayer conv ? conv.getCnn2dDataFormat() : CNN2DFormat.NCHW;
        return InputType.convolutional(nchwImage.size(2), nchwImage.size(3), nchwImage.size(1), format);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex point(long i) {
        return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
    }

    private static double maxOf(List<INDArray> maps) {
        double max = 1e-9;
        for (INDArray m : maps) max = Math.max(max, m.maxNumber().doubleValue());
        return max;
    }

    private static void row(Graphics2D g, int row, String label, List<INDArray> maps, double max) {
        int y0 = 6 + row * ROW;
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, 4, y0 + MAP_SIDE / 2 + 4);
        for (int m = 0; m < maps.size(); m++) {
            INDArray map = maps.get(m);
            int h = (int) map.size(0), w = (int) map.size(1);
            int x0 = LABEL + m * (MAP_SIDE + 4);
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++) {
                    int grey = (int) Math.round(255 * Math.max(0, Math.min(1, map.getDouble(r, c) / max)));
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(x0 + c * MAP_SIDE / w, y0 + r * MAP_SIDE / h, MAP_SIDE / w + 1, MAP_SIDE / h + 1);
                }
        }
    }

    private static void bars(Graphics2D g, int row, double[] probabilities) {
        int y0 = 6 + row * ROW;
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        g.setColor(Color.DARK_GRAY);
        g.drawString(
                String.format("output: says %d (%.0f %%)", best, 100 * probabilities[best]), 4, y0 + MAP_SIDE / 2 + 4);
        int width = 26;
        for (int i = 0; i < probabilities.length; i++) {
            int x = LABEL + i * (width + 6);
            int height = (int) Math.round(MAP_SIDE * probabilities[i]);
            g.setColor(new Color(235, 235, 235));
            g.fillRect(x, y0, width, MAP_SIDE);
            g.setColor(i == best ? new Color(190, 40, 30) : new Color(80, 110, 200));
            g.fillRect(x, y0 + MAP_SIDE - height, width, height);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(i), x + width / 2 - 3, y0 + MAP_SIDE + 14);
        }
    }

    private static String name(Layer layer) {
        if (layer instanceof ConvolutionLayer conv)
            return "conv " + conv.getKernelSize()[0] + "\u00d7" + conv.getKernelSize()[1];
        if (layer instanceof SubsamplingLayer) return "max-pool";
        return "dense";
    }
}
