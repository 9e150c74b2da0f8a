package org.cnnbook.prep;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class AugmentationTest {
    private static INDArray images() throws Exception {
        return Shapes.toNchw(Pixels.normalize(TestData.slice().trainImages())).get(NDArrayIndex.interval(0, 20));
    }

    @Test
    void movesAndTurnsEveryImageButKeepsShapeRangeAndInk() throws Exception {
        INDArray images = images();
        INDArray moved = Augmentation.shiftsAndRotations(2, 10, 1).apply(images);
        assertArrayEquals(images.shape(), moved.shape());
        assertEquals(images.dataType(), moved.dataType());
        assertTrue(moved.minNumber().doubleValue() >= 0 && moved.maxNumber().doubleValue() <= 1.0001);
        for (int i = 0; i < 20; i++) {
            double before = images.slice(i).sumNumber().doubleValue();
            double after = moved.slice(i).sumNumber().doubleValue();
            assertEquals(before, after, 0.2 * before, "image " + i + " keeps about its ink (a digit is not cut off)");
        }
        assertTrue(moved.sub(images).norm2Number().doubleValue() > 1, "the images were moved or turned, not copied");
    }

    @Test
    void noShiftAndNoTurnGivesTheImagesBack() throws Exception {
        INDArray images = images();
        INDArray same = Augmentation.shiftsAndRotations(0, 0, 1).apply(images);
        assertEquals(0, same.sub(images).amaxNumber().doubleValue(), 1.0 / 255, "only the 8-bit rounding");
    }

    @Test
    void theSameSeedGivesTheSameImagesAndANewCallNewOnes() throws Exception {
        INDArray images = images();
        Augmentation a = Augmentation.shiftsAndRotations(2, 10, 5);
        INDArray first = a.apply(images);
        assertEquals(first, Augmentation.shiftsAndRotations(2, 10, 5).apply(images));
        assertNotEquals(first, a.apply(images), "every epoch sees other versions");
    }

    @Test
    void negativeSizesAreRefusedWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> Augmentation.shiftsAndRotations(-1, 10, 1));
        assertTrue(e.getMessage().contains("0 or more"), e.getMessage());
    }
}
