package org.cnnbook.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A plotly figure's data drawn as a still picture with XChart: bar traces as a bar chart, scatter traces as lines
 * or points. Other trace types are refused when the figure is made, so that no figure ends up blank where no
 * script runs.
 */
final class FigurePicture {
    static final Set<String> SUPPORTED = Set.of("bar", "scatter");

    private FigurePicture() {}

    static BufferedImage draw(ObjectNode figure) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode trace : figure.path("data")) types.add(trace.path("type").asText("scatter"));
        if (types.isEmpty()) throw new IllegalArgumentException("The figure has no traces: there is nothing to draw.");
        if (!SUPPORTED.containsAll(types) || types.size() > 1)
            throw new IllegalArgumentException("Interactive.figure draws bar or scatter traces (one kind per figure), "
                    + "this figure has " + types + ". For other kinds, draw the picture with XChart (see Charts).");
        return types.contains("bar") ? bars(figure) : lines(figure);
    }

    static String title(ObjectNode figure) {
        JsonNode title = figure.path("layout").path("title");
        return title.isObject() ? title.path("text").asText("") : title.asText("");
    }

    private static String axisTitle(ObjectNode figure, String axis) {
        JsonNode title = figure.path("layout").path(axis).path("title");
        return title.isObject() ? title.path("text").asText("") : title.asText("");
    }

    private static BufferedImage bars(ObjectNode figure) {
        CategoryChart chart = titled(new CategoryChart(Charts.WIDTH, Charts.HEIGHT), figure);
        int n = 0;
        for (JsonNode trace : figure.path("data")) {
            boolean horizontal = "h".equals(trace.path("orientation").asText());
            List<String> categories = texts(trace.path(horizontal ? "y" : "x"));
            List<Number> values = numbers(trace.path(horizontal ? "x" : "y"));
            chart.addSeries(seriesName(trace, n++), categories, values);
        }
        return Charts.image(chart);
    }

    private static BufferedImage lines(ObjectNode figure) {
        XYChart chart = titled(new XYChart(Charts.WIDTH, Charts.HEIGHT), figure);
        int n = 0;
        for (JsonNode trace : figure.path("data")) {
            List<Number> y = numbers(trace.path("y"));
            JsonNode xs = trace.path("x");
            List<Number> x = allNumbers(xs) ? numbers(xs) : indices(y.size());
            XYSeries series = chart.addSeries(seriesName(trace, n++), x, y);
            String mode = trace.path("mode").asText("lines");
            if (!mode.contains("lines")) series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            if (!mode.contains("markers")) series.setMarker(SeriesMarkers.NONE);
        }
        return Charts.image(chart);
    }

    /** The figure's title and axis titles, a white background, a legend when there is more than one trace. */
    private static <C extends Chart<?, ?>> C titled(C chart, ObjectNode figure) {
        chart.setTitle(title(figure));
        chart.setXAxisTitle(axisTitle(figure, "xaxis"));
        chart.setYAxisTitle(axisTitle(figure, "yaxis"));
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setLegendVisible(figure.path("data").size() > 1);
        return chart;
    }

    private static String seriesName(JsonNode trace, int index) {
        String name = trace.path("name").asText("");
        return name.isBlank() ? "trace " + index : name;
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) texts.add(value.asText());
        return texts;
    }

    /** plotly takes numbers or numeric strings (Tablesaw writes some columns as strings). */
    private static List<Number> numbers(JsonNode values) {
        List<Number> numbers = new ArrayList<>();
        for (JsonNode value : values) {
            Double number = number(value);
            if (number == null && !value.isNull())
                throw new IllegalArgumentException("A trace's values must be numbers, found '" + value.asText() + "'");
            numbers.add(number);
        }
        return numbers;
    }

    private static boolean allNumbers(JsonNode values) {
        for (JsonNode value : values) if (number(value) == null) return false;
        return values.size() > 0;
    }

    private static Double number(JsonNode value) {
        if (value.isNumber()) return value.doubleValue();
        if (!value.isTextual()) return null;
        try {
            return Double.valueOf(value.textValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Number> indices(int n) {
        List<Number> indices = new ArrayList<>();
        for (int i = 0; i < n; i++) indices.add(i);
        return indices;
    }
}
