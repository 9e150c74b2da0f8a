package org.cnnbook.exercises;

import org.cnnbook.data.MnistData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The check of notebook 2's exercise. */
public final class NormalizingChecks {
    private NormalizingChecks() {}

    public static void shareOfZeroPixels(double share, MnistData data) {
        INDArray zeros = data.trainImages().eq(0).castTo(DataType.DOUBLE);
        double count = zeros.sumNumber().doubleValue();
        if (share == count && count > 1)
            Check.fail("that is how many pixels are 0, not their share", "a share is a count divided by the total");
        Check.number(
                "the share of zero pixels",
                share,
                zeros.meanNumber().doubleValue(),
                1e-6,
                "mark the zeros with eq(0), turn them into 1s with castTo, and take the mean");
    }
}
