package org.cnnbook.prep;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HandDrawnDigitsTest {
    private static final Path COMMITTED = Path.of("..", "notebooks", "digits");

    @Test
    void theCommittedDigitsAreTheseDrawings() throws Exception {
        for (int digit = 0; digit <= 9; digit++) {
            GreyImage committed = GreyImage.read(COMMITTED.resolve(HandDrawnDigits.fileName(digit)));
            GreyImage drawn = GreyImage.of(HandDrawnDigits.draw(digit));
            assertEquals(HandDrawnDigits.WIDTH, committed.width());
            assertEquals(HandDrawnDigits.HEIGHT, committed.height());
            double difference = 0;
            for (int y = 0; y < drawn.height(); y++)
                for (int x = 0; x < drawn.width(); x++)
                    difference += Math.abs(drawn.pixel(y, x) - committed.pixel(y, x));
            assertTrue(
                    difference / (drawn.width() * drawn.height()) < 2,
                    "digit " + digit + " differs from its drawing: run make digits and commit notebooks/digits");
        }
    }

    @Test
    void theyAreUnlikeMnistUntilPreparedLikeIt() {
        for (int digit = 0; digit <= 9; digit++) {
            BufferedImage picture = HandDrawnDigits.draw(digit);
            GreyImage paper = GreyImage.of(picture);
            assertTrue(paper.pixel(0, 0) > 250, "dark ink on white paper");
            GreyImage prepared = paper.inverted().croppedToInk().scaledToFit(20).centredByMassIn(28);
            double[] centre = prepared.centreOfMass();
            assertEquals(13.5, centre[0], 1.0, "digit " + digit);
            assertEquals(13.5, centre[1], 1.0, "digit " + digit);
            assertEquals(0, prepared.pixel(0, 0), 1e-6, "black background");
        }
    }
}
