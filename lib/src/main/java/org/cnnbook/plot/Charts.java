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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
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

    /** How often each pixel value occurs, before and after normalization, side by side. */
    public static BufferedImage pixelHistograms(INDArray before, INDArray after) {
        return DigitGrid.sideBySide(
                image(histogram(before, "Raw pixels")), image(histogram(after, "Normalized pixels")));
    }

    /**
     * A histogram of the non-zero values: most MNIST pixels are background zeros, which would flatten every other
     * bar; the title says what share they are.
     */
    public static CategoryChart histogram(INDArray values, String title) {
        double[] data = values.reshape(values.length()).toDoubleVector();
        double max = Math.max(1.0, java.util.Arrays.stream(data).max().orElse(1));
        int bins = 20;
        long[] counts = new long[bins];
        long zeros = 0;
        for (double v : data) {
            if (v == 0) zeros++;
            else counts[(int) Math.min(bins - 1, Math.max(0, v / max * bins))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Long> heights = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double centre = (b + 0.5) * max / bins;
            labels.add(max > 1.5 ? String.format("%.0f", centre) : String.format("%.2f", centre));
            heights.add(counts[b]);
        }
        String subtitle =
                String.format("%s (the %.0f%% zeros left out)", title, 100.0 * zeros / Math.max(1, data.length));
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH / 2)
                .height(HEIGHT)
                .title(subtitle)
                .xAxisTitle("pixel value")
                .yAxisTitle("pixels")
                .build();
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("pixels", labels, heights);
        return chart;
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

    /** Loss every few batches and train/test accuracy per epoch, against epochs. */
    public static BufferedImage trainingCurves(History history, String title) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle("loss")
                .build();
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE).setChartBackgroundColor(Color.WHITE);
        if (history.batches().isEmpty()) {
            chart.addSeries("loss", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            return image(chart);
        }
        XYSeries loss = chart.addSeries(
                "training loss",
                history.batches().stream()
                        .mapToDouble(History.BatchPoint::epochProgress)
                        .toArray(),
                history.batches().stream().mapToDouble(History.BatchPoint::loss).toArray());
        loss.setMarker(SeriesMarkers.NONE);
        if (!history.epochs().isEmpty()) {
            double[] epochs = history.epochs().stream()
                    .mapToDouble(History.EpochResult::epoch)
                    .toArray();
            XYSeries train = chart.addSeries(
                    "train accuracy",
                    epochs,
                    history.epochs().stream()
                            .mapToDouble(History.EpochResult::trainAccuracy)
                            .toArray());
            XYSeries validation = chart.addSeries(
                    "validation accuracy",
                    epochs,
                    history.epochs().stream()
                            .mapToDouble(History.EpochResult::validationAccuracy)
                            .toArray());
            train.setYAxisGroup(1);
            validation.setYAxisGroup(1);
            chart.setYAxisGroupTitle(1, "accuracy");
        }
        return image(chart);
    }

    /** Confusion matrix: rows are the true digits, columns the network's answers. */
    public static BufferedImage confusionHeatmap(int[][] confusion, String title) {
        int classes = confusion.length;
        List<Integer> axis = IntStream.range(0, classes).boxed().toList();
        List<Number[]> cells = new ArrayList<>();
        for (int truth = 0; truth < classes; truth++)
            for (int said = 0; said < classes; said++) cells.add(new Number[] {said, truth, confusion[truth][said]});
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(WIDTH)
                .height(WIDTH - 80)
                .title(title)
                .xAxisTitle("predicted digit")
                .yAxisTitle("true digit")
                .build();
        chart.getStyler()
                .setRangeColors(
                        new Color[] {new Color(250, 250, 255), new Color(120, 150, 230), new Color(20, 40, 140)});
        chart.getStyler().setShowValue(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("counts", axis, axis, cells);
        return image(chart);
    }

    /** A small matrix as a heatmap with its values, e.g. one-hot rows (one row per example). */
    public static BufferedImage matrix(INDArray values, String title, String xTitle, String yTitle) {
        int rows = (int) values.size(0);
        int cols = (int) values.size(1);
        List<Integer> x = IntStream.range(0, cols).boxed().toList();
        List<Integer> y = IntStream.range(0, rows).boxed().toList();
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
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(20, 40, 140)});
        chart.getStyler().setShowValue(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("values", x, y, cells);
        return image(chart);
    }

    /** What the first convolution layer sees in one image: one grey map per filter (dark = strong response). */
    public static BufferedImage featureMaps(MultiLayerNetwork model, INDArray oneImageNchw) {
        INDArray maps = model.feedForwardToLayer(0, oneImageNchw, false).get(1);
        if (model.getLayer(0).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer conv
                && conv.getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC)
            maps = maps.permute(0, 3, 1, 2); // to [1, filters, h, w]
        int filters = (int) maps.size(1);
        INDArray perFilter =
                maps.reshape('c', filters, maps.size(2) * maps.size(3)).dup();
        List<String> captions =
                IntStream.range(0, filters).mapToObj(i -> "filter " + i).toList();
        return DigitGrid.draw(perFilter, IntStream.range(0, filters).toArray(), captions, 8);
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

    /** The first convolution layer's filters, each a small grey image (dark = negative, light = positive). */
    public static BufferedImage firstLayerFilters(MultiLayerNetwork model) {
        INDArray weights = model.getLayer(0).getParam("W"); // [out, in, kh, kw]
        return DigitGrid.filters(weights, 8);
    }
}
