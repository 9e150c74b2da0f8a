package org.cnnbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A confusion matrix as a heatmap of the mistakes only: the diagonal (the right answers, a thousand times more
 * than any mistake) and the pairs never confused are left blank, so that the colour scale spreads over the mistakes
 * and the common ones stand out.
 */
final class ConfusionChart {
    private ConfusionChart() {}

    static BufferedImage draw(int[][] confusion, String title) {
        int classes = confusion.length;
        List<Integer> axis = IntStream.range(0, classes).boxed().toList();
        List<Number[]> cells = new ArrayList<>();
        int largest = 2; // above the scale's minimum of 1, even for a matrix with one mistake or none
        for (int truth = 0; truth < classes; truth++)
            for (int said = 0; said < classes; said++)
                if (truth != said && confusion[truth][said] > 0) {
                    cells.add(new Number[] {said, classes - 1 - truth, confusion[truth][said]});
                    largest = Math.max(largest, confusion[truth][said]);
                }
        if (cells.isEmpty()) return Pictures.titled(title + ": no mistakes at all", Pictures.canvas(Charts.WIDTH, 40));
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(Charts.WIDTH)
                .height(Charts.WIDTH - 80)
                .title(title)
                .xAxisTitle("the network's answer")
                .yAxisTitle("true digit")
                .build();
        chart.getStyler()
                .setRangeColors(new Color[] {new Color(255, 236, 190), new Color(250, 170, 90), new Color(190, 40, 30)})
                .setMin(1)
                .setMax(largest)
                .setShowValue(true)
                .setHeatMapValueDecimalPattern("#")
                .setChartBackgroundColor(Color.WHITE);
        chart.addSeries("mistakes", axis, Charts.topDownLabels(classes), cells);
        return Charts.image(chart);
    }
}
