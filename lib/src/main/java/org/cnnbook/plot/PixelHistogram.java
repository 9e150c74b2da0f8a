package org.cnnbook.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How often each pixel value occurs, in 16 equal bins of 0..255 or of 0..1, on a logarithmic count axis: the
 * background zeros (most pixels) and the full-ink pixels would otherwise flatten every other bar.
 */
final class PixelHistogram {
    static final int BINS = 16;
    private static final int CHUNK = 1 << 20;

    private PixelHistogram() {}

    static CategoryChart of(INDArray values, String title) {
        INDArray flat = values.reshape(values.length());
        // raw pixels: 16 bins of 16 values each (0-15 ... 240-255); scaled ones: 16 equal bins of 0..1
        double max = flat.maxNumber().doubleValue() > 1.5 ? 256 : 1.0;
        long[] counts = counts(flat, max);
        List<String> labels = new ArrayList<>();
        List<Long> heights = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double from = b * max / BINS;
            double to = (b + 1) * max / BINS;
            labels.add(max > 1.5 ? String.format("%.0f-%.0f", from, to - 1) : String.format("%.2f-%.2f", from, to));
            heights.add(counts[b] == 0 ? null : counts[b]);
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(Charts.WIDTH / 2)
                .height(Charts.HEIGHT)
                .title(title)
                .xAxisTitle("pixel value")
                .yAxisTitle("pixels (log scale)")
                .build();
        chart.getStyler()
                .setYAxisLogarithmic(true)
                .setYAxisLogarithmicDecadeOnly(true)
                .setYAxisMin(1.0)
                .setXAxisLabelRotation(90);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("pixels", labels, heights);
        return chart;
    }

    /** Bin counts, read a million values at a time (the training set has 47 million). */
    static long[] counts(INDArray flat, double max) {
        long[] counts = new long[BINS];
        for (long start = 0; start < flat.length(); start += CHUNK) {
            float[] chunk = flat.get(NDArrayIndex.interval(start, Math.min(flat.length(), start + CHUNK)))
                    .toFloatVector();
            for (float v : chunk) counts[(int) Math.min(BINS - 1, Math.max(0, v / max * BINS))]++;
        }
        return counts;
    }
}
