package org.cnnbook.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.PiePlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;

class InteractiveTest {
    private static final Table COUNTS =
            Table.create("counts", IntColumn.create("digit", 0, 1, 2), IntColumn.create("count", 5923, 6742, 5958));

    @Test
    void aBarFigureIsPlotlyJsonWithItsDataAndUnescapedTitle() {
        var figure = Interactive.figure(VerticalBarPlot.create("Digits 'per' \"class\" <&>", COUNTS, "digit", "count"));
        Map<String, Object> json = figure.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> trace = ((List<Map<String, Object>>) json.get("data")).get(0);
        assertEquals("bar", trace.get("type"));
        assertEquals(List.of("0", "1", "2"), trace.get("x"));
        assertEquals(List.of(5923.0, 6742.0, 5958.0), trace.get("y"));
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) json.get("layout");
        assertEquals(Map.of("text", "Digits 'per' \"class\" <&>"), layout.get("title"), "plotly.js 3 reads {text}");
        assertEquals("Plotly figure: Digits 'per' \"class\" <&>", figure.toString());
    }

    @Test
    void theKernelGetsJsonAPngAndTextAndNoScript() throws Exception {
        var figure = Interactive.figure(VerticalBarPlot.create("counts", COUNTS, "digit", "count"));
        Map<String, Object> data = figure.mimeBundle();
        assertEquals(List.of(PlotlyFigure.MIME_TYPES), List.copyOf(data.keySet()), "the formats the kernel is told");
        assertInstanceOf(Map.class, data.get(PlotlyFigure.MIME_TYPE), "JSON, not a string");
        BufferedImage png =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) data.get("image/png"))));
        assertEquals(Charts.WIDTH, png.getWidth());
        assertEquals(Charts.HEIGHT, png.getHeight());
        assertTrue(distinctColours(png) > 3, "the picture shows bars and text, not a blank image");
        assertEquals("Plotly figure: counts", data.get("text/plain"));
        assertNull(data.get("text/html"), "no HTML: it would need a trusted notebook and plotly.js");
    }

    @Test
    void aLineFigureIsDrawnToo() {
        var figure = Interactive.figure(LinePlot.create("counts", COUNTS, "digit", "count"));
        assertTrue(distinctColours(figure.picture()) > 3);
    }

    @Test
    void aKindWithoutAStillPictureIsRefusedWithWhatToDo() {
        var pie = PiePlot.create("counts", COUNTS, "digit", "count");
        var error = assertThrows(IllegalArgumentException.class, () -> Interactive.figure(pie));
        assertTrue(error.getMessage().contains("[pie]"), error.getMessage());
        assertTrue(error.getMessage().contains("XChart"), error.getMessage());
    }

    @Test
    void aBrokenLiteralIsReportedWithItsText() {
        var error = assertThrows(RuntimeException.class, () -> FigureJson.objectLiteral("var trace0 = { x: [1, };"));
        assertTrue(error.getMessage().contains("var trace0"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureJson.objectLiteral("var nothing = 1;"));
    }

    private static long distinctColours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct()
                .count();
    }
}
