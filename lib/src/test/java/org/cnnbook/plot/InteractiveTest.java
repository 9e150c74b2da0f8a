package org.cnnbook.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.TestData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.api.VerticalBarPlot;

class InteractiveTest {
    @Test
    void aFigureIsSelfContainedHtmlWithPlotlyInlinedOnce() throws Exception {
        var counts = Tables.labelCounts(TestData.slice().trainLabels(), "labels");
        var figure = VerticalBarPlot.create("counts", counts, "digit", "count");
        Interactive.includeLibraryAgain();
        String first = Interactive.html(figure);
        String second = Interactive.html(figure);
        assertTrue(first.contains("plotly.js v" + Interactive.PLOTLY_VERSION), "the library is inlined");
        assertTrue(first.length() > 1_000_000);
        assertFalse(second.contains("plotly.js v"), "later figures reuse the loaded library");
        assertFalse(first.contains("<script src"), "nothing is loaded from the network");
        assertFalse(second.contains("http"), "nothing is loaded from the network");
        assertTrue(second.contains("Plotly.newPlot"));
        assertEquals(1, second.split("<script", -1).length - 1, "one script of ours, none nested: " + second);
        String id = second.substring(second.indexOf("id=\"") + 4, second.indexOf("\"", second.indexOf("id=\"") + 4));
        assertTrue(id.matches("[A-Za-z_][A-Za-z0-9_]*"), "the div id doubles as a JavaScript name: " + id);
        assertFalse(Interactive.scriptSafe("a</script>b").contains("</script"));
    }
}
