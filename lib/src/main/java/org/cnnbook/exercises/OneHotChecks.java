package org.cnnbook.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The check of notebook 4's exercise. */
public final class OneHotChecks {
    private OneHotChecks() {}

    /** {@code predicted} must hold, for every row of {@code probabilities}, the column of its largest value. */
    public static void predictions(int[] predicted, INDArray probabilities) {
        Check.ints(
                "predicted",
                predicted,
                probabilities.argMax(1).toIntVector(),
                "for each row, remember the column of the largest value, looking at all ten columns (or use "
                        + "OneHot.decode)");
    }
}
