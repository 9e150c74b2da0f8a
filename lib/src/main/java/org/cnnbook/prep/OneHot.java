package org.cnnbook.prep;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class indices (one number per image) to one-hot rows (one column per class) and back. */
public final class OneHot {
    private OneHot() {}

    /** [n] indices 0..classes-1 to [n, classes] rows with a single 1. */
    public static INDArray encode(INDArray classIndices, int classes) {
        DataChecks.requireClassIndices(classIndices, classes);
        int[] indices = classIndices.reshape(classIndices.length()).toIntVector();
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, indices.length, classes);
        for (int i = 0; i < indices.length; i++) oneHot.putScalar(i, indices[i], 1.0);
        return oneHot;
    }

    /** [n, classes] one-hot rows or predicted probabilities to [n] indices of the largest value. */
    public static INDArray decode(INDArray rows) {
        if (rows.rank() != 2)
            throw new DataProblem("decode needs rows of shape [n, classes], got "
                    + java.util.Arrays.toString(rows.shape()) + ". Class indices are already decoded.");
        return rows.argMax(1).castTo(DataType.INT);
    }

    /** Class indices [n] whatever the labels are: one-hot rows are decoded, indices pass through. */
    public static INDArray indices(INDArray labels) {
        return labels.rank() == 2 && labels.size(1) > 1 ? decode(labels) : labels;
    }
}
