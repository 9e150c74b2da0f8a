package org.cnnbook.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnbook.model.Models;
import org.cnnbook.prep.GreyImage;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DigitReaderTest {
    private static MultiLayerNetwork model;

    @BeforeAll
    static void network() {
        model = Models.corrected();
    }

    private static GreyImage prepareLikeMnist(GreyImage drawing) {
        return drawing.inverted().croppedToInk().scaledToFit(20).centredByMassIn(28);
    }

    @Test
    void aDrawingIsPreparedByTheNotebooksOwnStepsThenReadAsTheSeriesReadsEveryImage() {
        List<GreyImage> prepared = new ArrayList<>();
        DigitReader reader = new DigitReader(model, drawing -> {
            GreyImage seen = prepareLikeMnist(drawing);
            prepared.add(seen);
            return seen;
        });
        Reading reading = reader.read(DrawingPad.sampleFour());
        assertEquals(1, prepared.size(), "the preparation ran once");
        assertEquals(prepared.get(0), reading.seen());
        double[] expected = model.output(Shapes.toNchw(
                        Pixels.normalize(Nd4j.stack(0, prepared.get(0).toArray()))))
                .toDoubleVector();
        assertArrayEquals(expected, reading.probabilities(), 1e-6);
        int best = 0;
        for (int d = 1; d < 10; d++) if (expected[d] > expected[best]) best = d;
        assertEquals(best, reading.answer());
        assertEquals(expected[best], reading.confidence(), 1e-9);
        assertTrue(reading.describe().startsWith(best + " ("), reading.describe());
    }

    @Test
    void nothingDrawnIsNotShownToTheNetwork() {
        DigitReader reader = new DigitReader(model, drawing -> {
            throw new AssertionError("an empty drawing has nothing to prepare");
        });
        Reading reading = reader.read(Drawing.empty());
        assertFalse(reading.hasAnswer());
        assertNull(reading.seen());
        assertArrayEquals(new byte[784], reading.seenBytes());
        assertEquals("nothing drawn", reading.describe());
    }

    @Test
    void aPreparationThatDoesNotEndIn28x28IsRefused() {
        DigitReader reader =
                new DigitReader(model, drawing -> drawing.inverted().croppedToInk());
        DrawingTest.assertMessage("must return a 28x28 picture", () -> reader.read(DrawingPad.sampleFour()));
        DrawingTest.assertMessage("Say how to prepare a drawing", () -> new DigitReader(model, null));
        DrawingTest.assertMessage("no network to read with", () -> new DigitReader(null, d -> d));
    }

    @Test
    void thePicturesBytesAreItsBrightnessRowByRow() {
        GreyImage seen = prepareLikeMnist(DrawingPad.sampleFour().image());
        byte[] bytes = new Reading(seen, new double[10], 4).seenBytes();
        for (int row = 0; row < 28; row++)
            for (int column = 0; column < 28; column++)
                assertEquals(Math.round(seen.pixel(row, column)), bytes[row * 28 + column] & 0xff);
    }

    @Test
    void withoutAPageThatDrawsWidgetsThePadSaysSoInOneLineAndIsAStillPicture() {
        DrawingPad pad = new DrawingPad(model, DigitReaderTest::prepareLikeMnist, Path.of("unused"));
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Object shown;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            shown = pad.show();
        } finally {
            System.setOut(original);
        }
        String line = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("JupyterLab 4 or Jupyter Notebook 7") && line.contains("outside a Java kernel"), line);
        BufferedImage picture = (BufferedImage) shown;
        assertTrue(picture.getWidth() > 2 * PadPicture.PANEL && picture.getHeight() > PadPicture.PANEL);
    }

    @Test
    void theWidgetsFrontEndIsInLibsJar() {
        assertTrue(PadWidget.resource("pad.js").contains("export default"));
        assertTrue(PadWidget.resource("pad.css").contains(".cnnbook-pad"));
    }
}
