package org.cnnbook.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.GreyImage;
import org.junit.jupiter.api.Test;

class DrawingTest {
    @Test
    void aStrokeFromThePageIsDrawnAsDarkInkOnWhitePaperWhereItWasDrawn() {
        Drawing drawing = Drawing.fromPage(List.of(List.of(140, 40, 140.5, 240)));
        GreyImage image = drawing.image();
        assertEquals(Drawing.SIZE, image.width());
        assertEquals(Drawing.SIZE, image.height());
        assertTrue(image.pixel(140, 140) < 60, "ink on the stroke");
        assertTrue(image.pixel(140, 140 + (int) Drawing.PEN) > 250, "paper beside it");
        assertTrue(image.pixel(20, 140) > 250, "paper above the stroke's round end");
        GreyImage cropped = image.inverted().croppedToInk();
        assertEquals(200 + Drawing.PEN, cropped.height(), 2, "the bar's length and its two round ends");
        assertEquals(Drawing.PEN, cropped.width(), 2, "the pen's width");
    }

    @Test
    void aTapLeavesADotAndWhatLeavesTheCanvasIsCutOffNotMovedOntoItsEdge() {
        GreyImage dot = Drawing.fromPage(List.of(List.of(50, 60))).image();
        assertTrue(dot.pixel(60, 50) < 60);
        Drawing off = Drawing.fromPage(List.of(List.of(140, 140, 140, 500)));
        assertEquals(List.of(140.0, 140.0, 140.0, 500.0), toList(off.strokes().get(0)));
        GreyImage cropped = off.image().inverted().croppedToInk();
        assertEquals(Drawing.SIZE - 140 + Drawing.PEN / 2, cropped.height(), 2, "from the stroke's start to the edge");
        assertEquals(Drawing.PEN, cropped.width(), 2, "no smear along the edge");
    }

    @Test
    void emptyStrokesAreLeftOutAndNothingDrawnIsEmpty() {
        assertTrue(Drawing.fromPage(List.of()).isEmpty());
        assertTrue(Drawing.fromPage(List.of(List.of())).isEmpty());
        assertEquals(1, Drawing.fromPage(List.of(List.of(), List.of(1, 2))).strokeCount());
    }

    @Test
    void whatIsNotStrokesIsRefusedSayingWhatIsWrong() {
        assertMessage("must be a list, not String", () -> Drawing.fromPage("strokes"));
        assertMessage("must be a list, not nothing", () -> Drawing.fromPage(null));
        assertMessage("Each stroke must be a list of numbers, not Long 3", () -> Drawing.fromPage(List.of(3L)));
        assertMessage("must be a number, not String x", () -> Drawing.fromPage(List.of(List.of("x", 1))));
        assertMessage("3 coordinates: it needs x, y pairs", () -> Drawing.fromPage(List.of(List.of(1, 2, 3))));
        assertMessage("the pad is 280 wide", () -> Drawing.fromPage(List.of(List.of(Double.NaN, 1))));
        assertMessage("the pad is 280 wide", () -> Drawing.fromPage(List.of(List.of(1e9, 1))));
        List<List<Integer>> many = new ArrayList<>(Collections.nCopies(Drawing.MAX_STROKES + 1, List.of(1, 2)));
        assertMessage("press Clear and draw one digit", () -> Drawing.fromPage(many));
        List<Integer> long1 = new ArrayList<>(Collections.nCopies(2 * Drawing.MAX_POINTS + 2, 5));
        assertMessage("at most " + Drawing.MAX_POINTS, () -> Drawing.fromPage(List.of(long1)));
    }

    static void assertMessage(String part, Runnable action) {
        DataProblem problem = assertThrows(DataProblem.class, action::run);
        assertTrue(problem.getMessage().contains(part), problem.getMessage());
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) list.add(v);
        return list;
    }
}
