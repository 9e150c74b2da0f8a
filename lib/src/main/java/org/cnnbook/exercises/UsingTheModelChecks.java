package org.cnnbook.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The check of notebook 8's exercise. */
public final class UsingTheModelChecks {
    private UsingTheModelChecks() {}

    /** {@code confidence[row]} must be the largest of row {@code row}'s probabilities. */
    public static void confidences(double[] confidence, INDArray probabilities) {
        Check.notNull("confidence", confidence, "one number per row of probabilities");
        double[] positions = probabilities
                .argMax(1)
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .toDoubleVector();
        if (confidence.length == positions.length && java.util.Arrays.equals(confidence, positions))
            Check.fail(
                    "those are the positions of the largest probabilities, the answers",
                    "you want the largest value itself");
        Check.numbers(
                "confidence",
                confidence,
                probabilities.max(1).toDoubleVector(),
                1e-6,
                "probabilities.getRow(row) holds ten probabilities; you want the largest value, not its position");
    }
}
