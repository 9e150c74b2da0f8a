package org.cnnbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cnnbook.prep.GreyImage;
import org.cnnbook.prep.OneHot;
import org.cnnbook.train.EvaluationReport;
import org.cnnbook.train.History;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The series' pictures, as images a Java notebook shows inline (IJava renders a {@link BufferedImage} as PNG).
 * Charts are drawn with XChart; digit and filter grids are drawn pixel by pixel ({@link DigitGrid}).
 */
public final class Charts {
    static final int WIDTH = 720;
    static final int HEIGHT = 400;

    private Charts() {}

    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The first {@code count} images with their labels underneath. */
    public static BufferedImage digits(INDArray images, INDArray labels, int count) {
        int n = (int) Math.min(count, images.size(0));
        int[] label = OneHot.indices(labels).toIntVector();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < n; i++) captions.add(Integer.toString(label[i]));
        return DigitGrid.draw(images, IntStream.range(0, n).toArray(), captions, 10);
    }

    /**
     * The network as a diagram: the input and every layer's output, left to right, with the shapes DL4J computes
     * from {@code input} (the same as {@code summary(input)} lists).
     */
    public static BufferedImage architecture(
            org.deeplearning4j.nn.conf.MultiLayerConfiguration conf,
            org.deeplearning4j.nn.conf.inputs.InputType input) {
        return ArchitectureDiagram.draw(conf, input);
    }

    /** Grey pictures in a row, all shown {@code height} pixels high, each with its caption (e.g. the steps of a preparation). */
    public static BufferedImage pictures(List<GreyImage> pictures, List<String> captions, int height) {
        if (pictures.size() != captions.size())
            throw new IllegalArgumentException(
                    pictures.size() + " pictures but " + captions.size() + " captions: give one caption per picture.");
        return DigitGrid.row(pictures.stream().map(GreyImage::picture).toList(), captions, height);
    }

    /** The network's most confident wrong answers, captioned "7 -> 2 (98%)": true label, then its answer. */
    public static BufferedImage mistakes(INDArray images, List<EvaluationReport.Mistake> mistakes) {
        int[] indices =
                mistakes.stream().mapToInt(EvaluationReport.Mistake::index).toArray();
        List<String> captions = mistakes.stream()
                .map(m -> String.format("%d\u2192%d %.0f%%", m.label(), m.predicted(), 100 * m.confidence()))
                .toList();
        return DigitGrid.draw(images, indices, captions, 8);
    }

    /**
     * How often each pixel value occurs, before and after normalization, side by side, each in 16 bins on a
     * logarithmic count axis (so the many background zeros do not flatten every other bar).
     */
    public static BufferedImage pixelHistograms(INDArray before, INDArray after) {
        return Pictures.sideBySide(
                image(PixelHistogram.of(before, "Raw pixels")), image(PixelHistogram.of(after, "Normalized pixels")));
    }

    /** How many examples each class has. */
    public static BufferedImage labelDistribution(INDArray labels, String title) {
        int[] label = OneHot.indices(labels).toIntVector();
        int classes = IntStream.of(label).max().orElse(9) + 1;
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < Math.max(10, classes); c++) {
            final int cls = c;
            names.add(Integer.toString(c));
            counts.add((int) IntStream.of(label).filter(l -> l == cls).count());
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("digit")
                .yAxisTitle("examples")
                .build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("examples", names, counts);
        return image(chart);
    }

    /**
     * A training run under {@code title}: the loss every few batches beside the accuracy on the training and the
     * validation images after each epoch.
     */
    public static BufferedImage trainingCurves(History history, String title) {
        return TrainingCurves.draw(history, title);
    }

    /** Several runs' loss, step by step (averaged over {@code window} steps), in one chart; capped at {@code yMax}. */
    public static BufferedImage lossCurves(
            String title, Map<String, List<Double>> lossPerStep, int window, double yMax) {
        return Curves.losses(title, lossPerStep, window, yMax);
    }

    /** Lines through (x, y) points, one per entry of {@code lines}, e.g. a loss against the value of one weight. */
    public static BufferedImage lines(String title, String xAxis, String yAxis, Map<String, List<double[]>> lines) {
        double top = lines.values().stream()
                .flatMap(List::stream)
                .mapToDouble(point -> point[1])
                .max()
                .orElse(1);
        return Curves.lines(title, xAxis, yAxis, lines, top * 1.05);
    }

    /** Several training runs' loss, as their {@link History} recorded it every few batches, in one chart. */
    public static BufferedImage trainingLosses(String title, Map<String, History> runs, double yMax) {
        return Curves.losses(title, runs, yMax);
    }

    /** Several runs side by side, one panel each: accuracy on the training and the validation images per epoch. */
    public static BufferedImage accuracyCurves(String title, Map<String, History> runs) {
        return Curves.accuracies(title, runs);
    }

    /**
     * The mistakes of a confusion matrix ({@code [true digit][answer]} counts): rows are the true digits (0 at the
     * top), columns the network's answers; the diagonal, the right answers, is left blank so the colours show only
     * the mistakes.
     */
    public static BufferedImage confusionHeatmap(int[][] confusion, String title) {
        return ConfusionChart.draw(confusion, title);
    }

    /** A small matrix as a heatmap with its values, e.g. one-hot rows (one row per example). */
    public static BufferedImage matrix(INDArray values, String title, String xTitle, String yTitle) {
        int rows = (int) values.size(0);
        int cols = (int) values.size(1);
        List<Integer> x = IntStream.range(0, cols).boxed().toList();
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) cells.add(new Number[] {c, rows - 1 - r, values.getDouble(r, c)});
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(WIDTH)
                .height(Math.min(HEIGHT * 2, 120 + 28 * rows))
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(120, 150, 230)});
        chart.getStyler().setShowValue(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("values", x, topDownLabels(rows), cells);
        return image(chart);
    }

    /**
     * What the first convolution layer makes of one image: the image, then one map per filter (brighter = stronger
     * response), under {@code title}.
     */
    public static BufferedImage featureMaps(MultiLayerNetwork model, INDArray oneImageNchw, String title) {
        INDArray maps = model.feedForwardToLayer(0, oneImageNchw, false).get(1);
        maps = LayerActivations.channelsFirst(maps, model, 0);
        int filters = (int) maps.size(1);
        INDArray perFilter =
                maps.reshape('c', filters, maps.size(2) * maps.size(3)).dup();
        List<String> captions =
                IntStream.range(0, filters).mapToObj(i -> "filter " + i).toList();
        BufferedImage input = DigitGrid.draw(oneImageNchw, new int[] {0}, List.of("input"), 1);
        BufferedImage grid =
                DigitGrid.draw(perFilter, IntStream.range(0, filters).toArray(), captions, 8);
        return Pictures.titled(title, Pictures.sideBySide(input, grid));
    }

    /**
     * One image on its way through each network (e.g. an untrained and a trained one, side by side): per layer its
     * first maps, then the output probabilities.
     */
    public static BufferedImage activations(INDArray oneImageNchw, Map<String, MultiLayerNetwork> models) {
        List<BufferedImage> panels = new ArrayList<>();
        models.forEach((name, model) -> panels.add(LayerActivations.draw(model, oneImageNchw, name)));
        return Pictures.grid(panels, panels.size());
    }

    /**
     * Test accuracy after each step (e.g. each fix) as bars in percent with the 10 % of guessing as a line, and the
     * steps above 50 % again on a zoomed axis.
     */
    public static BufferedImage accuracySteps(String title, Map<String, ? extends Number> accuracies) {
        return AccuracySteps.draw(title, accuracies);
    }

    /** One bar per entry, e.g. the accuracy after each fix in the clinic, or seconds per epoch per path. */
    public static BufferedImage bars(String title, String yAxis, Map<String, ? extends Number> values) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .yAxisTitle(yAxis)
                .build();
        chart.getStyler().setLabelsVisible(true);
        // the labels on the bars: whole numbers for large values (images per second), four decimals for small ones
        // (accuracies), instead of every digit of a double
        double largest = values.values().stream()
                .mapToDouble(v -> Math.abs(v.doubleValue()))
                .max()
                .orElse(0);
        chart.getStyler().setDecimalPattern(largest >= 100 ? "#,##0" : "#,##0.####");
        chart.getStyler().setXAxisLabelRotation(values.size() > 4 ? 20 : 0);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries(yAxis, new ArrayList<>(values.keySet()), new ArrayList<Number>(values.values()));
        return image(chart);
    }

    /** Row labels for a heatmap whose first row is to be drawn at the top (XChart's y axis counts upwards). */
    static List<String> topDownLabels(int rows) {
        return IntStream.range(0, rows)
                .mapToObj(r -> Integer.toString(rows - 1 - r))
                .toList();
    }
}
