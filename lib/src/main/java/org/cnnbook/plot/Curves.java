package org.cnnbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnnbook.train.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Several runs compared: their loss step by step in one chart, or their accuracy per epoch in panels side by side. */
final class Curves {
    private Curves() {}

    /** One line per run: the loss of every step, averaged over windows of {@code window} steps. */
    static BufferedImage losses(String title, Map<String, List<Double>> lossesPerStep, int window, double yMax) {
        Map<String, List<double[]>> points = new java.util.LinkedHashMap<>();
        lossesPerStep.forEach((name, losses) -> {
            int width = Math.max(1, Math.min(window, losses.size()));
            List<double[]> averaged = new ArrayList<>();
            for (int start = 0; start + width <= losses.size(); start += width) {
                double sum = 0;
                for (int i = start; i < start + width; i++) sum += losses.get(i);
                averaged.add(new double[] {start + width / 2.0, sum / width});
            }
            points.put(name, averaged);
        });
        return lines(title, "step (one mini-batch)", "loss, mean of " + window + " steps", points, yMax);
    }

    /** One line per run: the loss its {@link History} recorded, against the step (iteration) it was recorded at. */
    static BufferedImage losses(String title, Map<String, History> runs, double yMax) {
        Map<String, List<double[]>> points = new java.util.LinkedHashMap<>();
        runs.forEach((name, history) -> points.put(
                name,
                history.batches().stream()
                        .map(p -> new double[] {p.iteration(), p.loss()})
                        .toList()));
        return lines(title, "step (one mini-batch)", "loss (mean since the previous point)", points, yMax);
    }

    /** One line per entry through its (x, y) points; y capped at {@code yMax}. */
    static BufferedImage lines(
            String title, String xAxis, String yAxis, Map<String, List<double[]>> runs, double yMax) {
        XYChart chart = new XYChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.HEIGHT)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        chart.getStyler()
                .setYAxisMin(0.0)
                .setYAxisMax(yMax)
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setChartBackgroundColor(Color.WHITE);
        runs.forEach((name, points) -> {
            if (points.isEmpty()) return;
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double[] point : points) {
                x.add(point[0]);
                y.add(Math.min(yMax, point[1])); // a loss that ran away stays on the chart, at its top
            }
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        });
        return Charts.image(chart);
    }

    /** One panel per run: accuracy on the training and on the validation images after each epoch, same axes. */
    static BufferedImage accuracies(String title, Map<String, History> runs) {
        double low = 1;
        int epochs = 1;
        for (History history : runs.values())
            for (History.EpochResult e : history.epochs()) {
                low = Math.min(low, Math.min(e.trainAccuracy(), e.validationAccuracy()));
                epochs = Math.max(epochs, e.epoch());
            }
        List<BufferedImage> panels = new ArrayList<>();
        for (Map.Entry<String, History> run : runs.entrySet()) {
            XYChart chart = new XYChartBuilder()
                    .width(Math.max(300, Charts.WIDTH / Math.max(1, runs.size())))
                    .height(Charts.HEIGHT)
                    .title(run.getKey())
                    .xAxisTitle("epoch")
                    .yAxisTitle("accuracy")
                    .build();
            chart.getStyler()
                    .setYAxisMin(Math.floor(low * 20) / 20)
                    .setYAxisMax(1.0)
                    .setXAxisMin(1.0)
                    .setXAxisMax((double) epochs)
                    .setYAxisDecimalPattern("0%")
                    .setXAxisDecimalPattern("0")
                    .setLegendPosition(Styler.LegendPosition.InsideSE)
                    .setChartBackgroundColor(Color.WHITE);
            List<History.EpochResult> results = run.getValue().epochs();
            if (results.isEmpty()) {
                chart.addSeries("no epoch finished", new double[] {0}, new double[] {1})
                        .setMarker(SeriesMarkers.NONE);
                panels.add(Charts.image(chart));
                continue;
            }
            double[] x =
                    results.stream().mapToDouble(History.EpochResult::epoch).toArray();
            chart.addSeries(
                            "training images",
                            x,
                            results.stream()
                                    .mapToDouble(History.EpochResult::trainAccuracy)
                                    .toArray())
                    .setMarker(SeriesMarkers.NONE);
            chart.addSeries(
                            "validation images",
                            x,
                            results.stream()
                                    .mapToDouble(History.EpochResult::validationAccuracy)
                                    .toArray())
                    .setMarker(SeriesMarkers.NONE);
            panels.add(Charts.image(chart));
        }
        return Pictures.titled(title, Pictures.grid(panels, panels.size()));
    }
}
