package org.cnnbook.prep;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreyImageTest {
    /** A white 60x40 sheet with a black 10x20 bar whose top-left corner is at column 40, row 5. */
    private static GreyImage sheet() {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 40);
        g.setColor(Color.BLACK);
        g.fillRect(40, 5, 10, 20);
        g.dispose();
        return GreyImage.of(image);
    }

    @Test
    void theStepsInvertCropScaleAndCentreLikeMnist() {
        GreyImage inverted = sheet().inverted();
        assertEquals(0, inverted.pixel(0, 0), 1e-3);
        assertEquals(255, inverted.pixel(5, 40), 1e-3);

        GreyImage cropped = inverted.croppedToInk();
        assertEquals(10, cropped.width());
        assertEquals(20, cropped.height());

        GreyImage scaled = cropped.scaledToFit(20);
        assertEquals(20, scaled.height(), "the longer side becomes 20");
        assertEquals(10, scaled.width(), "proportions kept");

        GreyImage centred = scaled.centredByMassIn(28);
        assertEquals(28, centred.width());
        assertEquals(28, centred.height());
        assertArrayEquals(new double[] {13.5, 13.5}, centred.centreOfMass(), 0.51);
        assertArrayEquals(new long[] {28, 28}, centred.toArray().shape());
    }

    @Test
    void croppingDarkInkOnWhiteSaysToInvertFirst() {
        DataProblem problem =
                assertThrows(DataProblem.class, () -> GreyImage.of(new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB))
                        .croppedToInk());
        assertTrue(problem.getMessage().contains("inverted()"), problem.getMessage());
    }

    @Test
    void aFileThatIsNotAPictureGetsAClearMessage(@TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("three.png"), "not a picture");
        IOException error = assertThrows(IOException.class, () -> GreyImage.read(text));
        assertTrue(error.getMessage().contains("not a picture Java can read"), error.getMessage());
        IOException missing = assertThrows(IOException.class, () -> GreyImage.read(tmp.resolve("nope.png")));
        assertTrue(missing.getMessage().contains("No picture at"), missing.getMessage());
    }
}
