package org.cnnbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.cnnbook.train.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A training run in two panels under one title: the loss as it was recorded every few batches, and the accuracy on
 * the training and validation images after each epoch, on an axis zoomed to the values (as percentages).
 */
final class TrainingCurves {
    private TrainingCurves() {}

    static BufferedImage draw(History history, String title) {
        XYChart loss = panel("training loss", "loss");
        XYChart accuracy = panel("accuracy after each epoch", "accuracy");
        accuracy.getStyler().setYAxisDecimalPattern("0.0%").setXAxisDecimalPattern("0");
        if (history.batches().isEmpty()) {
            loss.addSeries("training loss", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        } else {
            loss.addSeries(
                            "training loss",
                            history.batches().stream()
                                    .mapToDouble(History.BatchPoint::epochProgress)
                                    .toArray(),
                            history.batches().stream()
                                    .mapToDouble(History.BatchPoint::loss)
                                    .toArray())
                    .setMarker(SeriesMarkers.NONE);
        }
        if (history.epochs().isEmpty()) {
            accuracy.addSeries("validation", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        } else {
            double[] epochs = history.epochs().stream()
                    .mapToDouble(History.EpochResult::epoch)
                    .toArray();
            double[] train = history.epochs().stream()
                    .mapToDouble(History.EpochResult::trainAccuracy)
                    .toArray();
            double[] validation = history.epochs().stream()
                    .mapToDouble(History.EpochResult::validationAccuracy)
                    .toArray();
            accuracy.addSeries("training images", epochs, train).setMarker(SeriesMarkers.CIRCLE);
            accuracy.addSeries("validation images", epochs, validation).setMarker(SeriesMarkers.DIAMOND);
            double low = Math.min(min(train), min(validation));
            accuracy.getStyler()
                    .setYAxisMin(Math.max(0, Math.floor(low * 100 - 0.5) / 100))
                    .setYAxisMax(1.0);
            accuracy.getStyler().setXAxisMin(0.5).setXAxisMax(epochs[epochs.length - 1] + 0.5);
        }
        return Pictures.titled(title, Pictures.sideBySide(Charts.image(loss), Charts.image(accuracy)));
    }

    private static XYChart panel(String title, String yAxis) {
        XYChart chart = new XYChartBuilder()
                .width(Charts.WIDTH / 2)
                .height(Charts.HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(yAxis)
                .build();
        chart.getStyler()
                .setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal)
                .setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) min = Math.min(min, v);
        return min;
    }
}
