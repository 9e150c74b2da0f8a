package org.cnnbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracies of several steps (e.g. the clinic's fixes) as bars in percent, with the 10 % of guessing as a line; and,
 * where some steps are above 50 %, the same steps again on an axis zoomed to them, so that 94.6 and 98.7 % do not
 * look alike.
 */
final class AccuracySteps {
    static final double CHANCE = 0.1;

    private AccuracySteps() {}

    static BufferedImage draw(String title, Map<String, ? extends Number> accuracies) {
        CategoryChart all = chart("all steps", accuracies, 0.0);
        Map<String, Number> good = new java.util.LinkedHashMap<>();
        accuracies.forEach((step, accuracy) -> {
            if (accuracy.doubleValue() >= 0.5) good.put(step, accuracy);
        });
        if (good.isEmpty()) return Pictures.titled(title, Charts.image(all));
        double low =
                good.values().stream().mapToDouble(Number::doubleValue).min().orElse(0.9);
        CategoryChart zoomed = chart("zoomed to the steps above 50 %", good, Math.floor(low * 50 - 0.5) / 50);
        return Pictures.titled(title, Pictures.sideBySide(Charts.image(all), Charts.image(zoomed)));
    }

    private static CategoryChart chart(String title, Map<String, ? extends Number> accuracies, double yMin) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(Charts.WIDTH / 2 + 60)
                .height(Charts.HEIGHT + 80)
                .title(title)
                .yAxisTitle("test accuracy")
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setLabelsVisible(true);
        styler.setOverlapped(true);
        styler.setLabelsPosition(0.92);
        styler.setYAxisMin(yMin).setYAxisMax(1.0).setXAxisLabelRotation(40);
        // XChart labels the bars with the axis' format: whole percentages for the ticks, two decimals for the bars
        styler.setyAxisTickLabelsFormattingFunction(v -> Math.abs(v * 100 - Math.rint(v * 100)) < 1e-9
                ? String.format("%.0f %%", 100 * v)
                : String.format("%.2f %%", 100 * v));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS).setChartBackgroundColor(Color.WHITE);
        List<String> steps = new ArrayList<>(accuracies.keySet());
        chart.addSeries("test accuracy", steps, new ArrayList<Number>(accuracies.values()));
        if (yMin < CHANCE) {
            CategorySeries chance = chart.addSeries(
                    "guessing (10 %)",
                    steps, steps.stream().map(s -> (Number) CHANCE).toList());
            chance.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line)
                    .setMarker(SeriesMarkers.NONE)
                    .setLineColor(Color.RED);
        } else {
            chart.getStyler().setLegendVisible(false);
        }
        return chart;
    }
}
