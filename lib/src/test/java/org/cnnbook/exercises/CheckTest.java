package org.cnnbook.exercises;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class CheckTest {
    @Test
    void aWrongNumberSaysTooSmallOrTooLargeButNeverTheAnswer() {
        AssertionError small = assertThrows(AssertionError.class, () -> Check.number("x", 4949, 5050, 0, "hint"));
        assertTrue(
                small.getMessage().startsWith(Check.FAIL + " Not yet: x is 4,949, which is too small"),
                small.getMessage());
        assertFalse(small.getMessage().contains("5050") || small.getMessage().contains("5,050"), small.getMessage());
        AssertionError large = assertThrows(AssertionError.class, () -> Check.number("x", 6000, 5050, 0, "hint"));
        assertTrue(large.getMessage().contains("too large"));
        assertThrows(AssertionError.class, () -> Check.number("x", Double.NaN, 1, 1, "hint"));
    }

    @Test
    void wrongElementsAreNamedWithoutTheRightValues() {
        AssertionError e = assertThrows(
                AssertionError.class, () -> Check.ints("predicted", new int[] {2, 0, 8}, new int[] {2, 0, 9}, "h"));
        assertTrue(e.getMessage().contains("predicted[2] is 8, which is not right"), e.getMessage());
        assertFalse(e.getMessage().contains("9"), e.getMessage());
        assertThrows(AssertionError.class, () -> Check.ints("predicted", null, new int[] {1}, "h"));
        assertThrows(AssertionError.class, () -> Check.numbers("c", new double[] {1}, new double[] {1, 2}, 0, "h"));
    }

    @Test
    void theFlatRowPositionCatchesSwappedRowsAndColumns() {
        var pictures = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 28, 28);
        var flat = pictures.reshape('c', 5, 784);
        ReshapingChecks.positionInTheFlatRow(10 * 28 + 14, flat, pictures);
        AssertionError swapped = assertThrows(
                AssertionError.class, () -> ReshapingChecks.positionInTheFlatRow(14 * 28 + 10, flat, pictures));
        assertTrue(swapped.getMessage().contains("swapped"), swapped.getMessage());
        assertThrows(AssertionError.class, () -> ReshapingChecks.positionInTheFlatRow(784, flat, pictures));
    }

    @Test
    void theDenseParametersNameTheTwoUsualSlips() {
        TrainingChecks.denseParametersWithoutTheSecondPooling(6 * 6 * 64 * 256 + 256);
        assertTrue(assertThrows(
                        AssertionError.class,
                        () -> TrainingChecks.denseParametersWithoutTheSecondPooling(6 * 6 * 64 * 256))
                .getMessage()
                .contains("weights only"));
        assertTrue(
                assertThrows(AssertionError.class, () -> TrainingChecks.denseParametersWithoutTheSecondPooling(147_712))
                        .getMessage()
                        .contains("with the second max-pooling"));
    }
}
