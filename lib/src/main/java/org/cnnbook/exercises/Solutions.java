package org.cnnbook.exercises;

import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reference solutions to the exercises. Each exercise cell starts out calling one of these so the series runs
 * from top to bottom; replace the call with your own code and let the self-check cell judge it.
 */
public final class Solutions {
    private Solutions() {
    }

    /** Notebook 0: the sum 1 + 2 + ... + n. */
    public static long sumUpTo(int n) {
        long sum = 0;
        for (int i = 1; i <= n; i++) sum += i;
        return sum;
    }

    /** Notebook 1: how many training labels are {@code digit}. */
    public static long countOf(INDArray labels, int digit) {
        return labels.eq(digit).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
    }

    /** Notebook 2: the share of pixels that are exactly 0 (background). */
    public static double zeroShare(INDArray pixels) {
        return pixels.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** Notebook 3: images [n, 28, 28] as channels-last [n, 28, 28, 1]. */
    public static INDArray channelsLast(INDArray images) {
        return Shapes.toNhwc(images);
    }

    /** Notebook 4: the predicted digit of each row of probabilities. */
    public static int[] decode(INDArray probabilities) {
        return OneHot.decode(probabilities).toIntVector();
    }
}
